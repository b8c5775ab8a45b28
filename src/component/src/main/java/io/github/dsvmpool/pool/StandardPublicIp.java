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
 *
 * <p>Zone-redundant ({@code zones: [1, 2, 3]}) when the pool's VMs are in zones (Learn "Create a public IP address
 * using a Resource Manager template": several zones make a zone-redundant address). A public load balancer's
 * frontend takes its zones from this address and sets none itself (PSRule.Rules.Azure issue 2814: a frontend's
 * {@code zones} is for internal load balancers); a NAT gateway without a zone takes zone-redundant addresses
 * (Learn "NAT gateway and availability zones"). Zones cannot be added or removed once the address exists
 * ("Zones cannot be added/updated/removed once the resource is created": Azure/azure-cli issue 16653), so
 * changing them replaces the address.
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
        if (!context.zones().publicIpZones().isEmpty()) {
            args.zones(context.zones().publicIpZones());
        }
        dnsLabel.ifPresent(label -> args.dnsSettings(PublicIPAddressDnsSettingsArgs.builder()
                .domainNameLabel(label).build()));
        return new PublicIPAddress(context.childName(suffix), args.build(), context.options().build());
    }
}
