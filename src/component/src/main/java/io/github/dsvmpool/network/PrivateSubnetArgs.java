package io.github.dsvmpool.network;

import com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.inputs.ServiceEndpointPropertiesFormatArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;

/**
 * The inputs of {@link PrivateSubnet}: exactly the properties the pool sets, named as in the REST spec (2023-05-01
 * SubnetPropertiesFormat, flattened as azure-native does), and the two network-policy values the generated
 * SDKs send by default (both the 2023-02-01 and the 2023-05-01 classes of 2.10.0 default them so), so that a
 * stack deployed with the 2023-02-01 subnet sees no change in them. The nested shapes ({@code id},
 * {@code service}) are the same in both API versions, so the SDK's input classes serve.
 */
public final class PrivateSubnetArgs extends ResourceArgs {
    /** The generated SDKs' default (Python SDK 2.10.0, network/v20230501/subnet.py). */
    static final String PRIVATE_ENDPOINT_NETWORK_POLICIES = "Disabled";
    /** The generated SDKs' default (as above). */
    static final String PRIVATE_LINK_SERVICE_NETWORK_POLICIES = "Enabled";

    @Import(name = "resourceGroupName", required = true)
    private Output<String> resourceGroupName;
    @Import(name = "virtualNetworkName", required = true)
    private Output<String> virtualNetworkName;
    @Import(name = "addressPrefix")
    private Output<String> addressPrefix;
    @Import(name = "networkSecurityGroup")
    private Output<NetworkSecurityGroupArgs> networkSecurityGroup;
    @Import(name = "serviceEndpoints")
    private Output<List<ServiceEndpointPropertiesFormatArgs>> serviceEndpoints;
    @Import(name = "natGateway")
    private Output<SubResourceArgs> natGateway;
    @Import(name = "defaultOutboundAccess")
    private Output<Boolean> defaultOutboundAccess;
    @Import(name = "privateEndpointNetworkPolicies")
    private Output<String> privateEndpointNetworkPolicies = Output.of(PRIVATE_ENDPOINT_NETWORK_POLICIES);
    @Import(name = "privateLinkServiceNetworkPolicies")
    private Output<String> privateLinkServiceNetworkPolicies = Output.of(PRIVATE_LINK_SERVICE_NETWORK_POLICIES);

    private PrivateSubnetArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PrivateSubnetArgs args = new PrivateSubnetArgs();

        public Builder resourceGroupName(Output<String> resourceGroupName) {
            args.resourceGroupName = resourceGroupName;
            return this;
        }

        /** The virtual network the subnet is in (a path parameter: a change replaces the subnet). */
        public Builder virtualNetworkName(Output<String> virtualNetworkName) {
            args.virtualNetworkName = virtualNetworkName;
            return this;
        }

        public Builder addressPrefix(String addressPrefix) {
            args.addressPrefix = Output.of(addressPrefix);
            return this;
        }

        /** The NSG on the subnet, by id. */
        public Builder networkSecurityGroup(Output<String> id) {
            args.networkSecurityGroup = Output.of(NetworkSecurityGroupArgs.builder().id(id).build());
            return this;
        }

        /** Service endpoints, e.g. {@code Microsoft.Storage}, in this order. */
        public Builder serviceEndpoints(List<String> services) {
            args.serviceEndpoints = Output.of(services.stream()
                    .map(service -> ServiceEndpointPropertiesFormatArgs.builder().service(service).build()).toList());
            return this;
        }

        /** The NAT gateway serving the subnet's outbound traffic, by id. */
        public Builder natGateway(Output<String> id) {
            args.natGateway = Output.of(SubResourceArgs.builder().id(id).build());
            return this;
        }

        /** False makes the subnet private: no implicit outbound address for its VMs. */
        public Builder defaultOutboundAccess(boolean defaultOutboundAccess) {
            args.defaultOutboundAccess = Output.of(defaultOutboundAccess);
            return this;
        }

        public PrivateSubnetArgs build() {
            Objects.requireNonNull(args.resourceGroupName, "resourceGroupName is required");
            Objects.requireNonNull(args.virtualNetworkName, "virtualNetworkName is required");
            return args;
        }
    }
}
