package io.github.dsvmpool.network;

import com.pulumi.azurenative.Utilities;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A subnet declared at network API 2023-05-01, the first to carry {@code defaultOutboundAccess} (REST spec
 * {@code specification/network/resource-manager/Microsoft.Network/stable/2023-05-01/virtualNetwork.json},
 * SubnetPropertiesFormat). The type token below is the one place that names the pool subnet's type: the rules
 * table, the offline plan, the plan diff and the mock engine read it from here.
 *
 * <p>It carries an alias to {@link #PREVIOUS_TYPE} with the same name and parent, so that a stack deployed with
 * the 2023-02-01 subnet updates that subnet in place instead of replacing it (Pulumi docs, "Resource option:
 * aliases": a changed type is matched to the old resource through an alias). The generated SDKs of azure-native
 * 2.10.0 alias every API version of a type to the others in the same way (Python SDK 2.10.0,
 * {@code network/v20230501/subnet.py}).
 */
@ResourceType(type = PrivateSubnet.TYPE)
public final class PrivateSubnet extends CustomResource {
    /** The versioned type azure-native 2.10.0 serves (its newest stable network API version). */
    public static final String TYPE = "azure-native:network/v20230501:Subnet";
    /** The type deployed stacks have: azure-native 2.10.0's default subnet, API 2023-02-01. */
    public static final String PREVIOUS_TYPE = "azure-native:network:Subnet";
    /** Both, for checks that must find the pool's subnet in a graph or plan of either version. */
    public static final List<String> TYPES = List.of(TYPE, PREVIOUS_TYPE);

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "defaultOutboundAccess", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> defaultOutboundAccess;

    public PrivateSubnet(String name, PrivateSubnetArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(CustomResourceOptions.builder()
                // The azure-native plugin the SDK jar names, as its generated resources pin it.
                .version(Utilities.getVersion())
                .aliases(List.of(Output.of(Alias.builder().type(PREVIOUS_TYPE).build())))
                .build(), options));
    }

    /** The subnet's name in Azure. */
    public Output<String> name() {
        return name;
    }

    /** As Azure reports it: false for a private subnet. */
    public Output<Boolean> defaultOutboundAccess() {
        return defaultOutboundAccess;
    }
}
