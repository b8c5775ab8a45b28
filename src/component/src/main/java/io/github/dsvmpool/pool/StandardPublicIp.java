package io.github.dsvmpool.pool;

import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.PublicIPAddressArgs;
import com.pulumi.azurenative.network.enums.IPAllocationMethod;
import com.pulumi.azurenative.network.enums.IPVersion;
import com.pulumi.azurenative.network.enums.PublicIPAddressSkuName;
import com.pulumi.azurenative.network.enums.PublicIPAddressSkuTier;
import com.pulumi.azurenative.network.inputs.PublicIPAddressDnsSettingsArgs;
import com.pulumi.azurenative.network.inputs.PublicIPAddressSkuArgs;
import com.pulumi.core.Output;
import java.util.Optional;

/**
 * A Standard, static, regional IPv4 address: Basic public IPs were retired on 30 September 2025, and a Standard
 * load balancer or NAT gateway takes Standard static addresses only
 * ({@code DifferentSkuLoadBalancersAndPublicIPAddressNotAllowed}; Learn "Public IP addresses").
 */
final class StandardPublicIp {
    private StandardPublicIp() {
    }

    static PublicIPAddress declare(PartContext context, String suffix, Optional<Output<String>> dnsLabel) {
        var args = PublicIPAddressArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .sku(PublicIPAddressSkuArgs.builder()
                        .name(PublicIPAddressSkuName.Standard).tier(PublicIPAddressSkuTier.Regional).build())
                .publicIPAllocationMethod(IPAllocationMethod.Static)
                .publicIPAddressVersion(IPVersion.IPv4)
                .tags(context.tags());
        dnsLabel.ifPresent(label -> args.dnsSettings(PublicIPAddressDnsSettingsArgs.builder()
                .domainNameLabel(label).build()));
        return new PublicIPAddress(context.childName(suffix), args.build(), context.options().build());
    }
}
