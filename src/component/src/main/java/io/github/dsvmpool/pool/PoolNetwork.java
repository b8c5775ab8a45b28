package io.github.dsvmpool.pool;

import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.enums.SecurityRuleAccess;
import com.pulumi.azurenative.network.enums.SecurityRuleDirection;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.SecurityRuleArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.NetworkSettings;
import io.github.dsvmpool.network.PrivateSubnet;
import io.github.dsvmpool.network.PrivateSubnetArgs;
import io.github.dsvmpool.plans.SecurityRulePlan;
import java.util.List;
import java.util.Optional;

/** The virtual network, the pool's subnet and the NSG that guards it. */
final class PoolNetwork {
    /** Lets the storage account admit the subnet by a network rule instead of the whole internet. */
    static final String STORAGE_SERVICE_ENDPOINT = "Microsoft.Storage";
    /**
     * Lets a Key Vault admit the subnet by a virtual network rule (Learn "Virtual network service endpoints for
     * Azure Key Vault"); on every own subnet, so that pools joining it with a vault of their own work too.
     */
    static final String KEY_VAULT_SERVICE_ENDPOINT = "Microsoft.KeyVault";

    final VirtualNetwork virtualNetwork;
    final NetworkSecurityGroup securityGroup;
    final PrivateSubnet subnet;

    /** @param natGatewayId the NAT gateway that serves the subnet's outbound traffic, if outbound uses one */
    PoolNetwork(PartContext context, NetworkSettings network, List<SecurityRulePlan> securityRules,
                Optional<Output<String>> natGatewayId) {
        this.virtualNetwork = new VirtualNetwork(context.childName("vnet"), VirtualNetworkArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(network.addressSpace()).build())
                .tags(context.tags())
                .build(), context.options().build());

        this.securityGroup = new NetworkSecurityGroup(context.childName("nsg"), NetworkSecurityGroupArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .securityRules(securityRules.stream().map(PoolNetwork::toArgs).toList())
                .tags(context.tags())
                .build(), context.options().build());

        // A separate Subnet resource (not inline in the VNet) so that the two never fight over the subnet list.
        // Private (defaultOutboundAccess false, Learn "Default outbound access in Azure"): the VMs leave only
        // through the explicit outbound path PoolOutbound declares (load-balancer outbound rule or NAT gateway);
        // the rules table's private-subnet-has-explicit-outbound checks that one serves the subnet.
        var subnetArgs = PrivateSubnetArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .virtualNetworkName(virtualNetwork.name())
                .addressPrefix(network.subnetPrefix())
                .networkSecurityGroup(securityGroup.id())
                .serviceEndpoints(List.of(STORAGE_SERVICE_ENDPOINT, KEY_VAULT_SERVICE_ENDPOINT))
                .defaultOutboundAccess(false);
        natGatewayId.ifPresent(subnetArgs::natGateway);
        this.subnet = new PrivateSubnet(context.childName("subnet"), subnetArgs.build(), context.options().build());
    }

    /** Tags in the singular fields, addresses in the plural ones: see {@link SecurityRulePlan}. */
    static SecurityRuleArgs toArgs(SecurityRulePlan rule) {
        var args = SecurityRuleArgs.builder()
                .name(rule.name())
                .priority(rule.priority())
                .direction(SecurityRulePlan.OUTBOUND.equals(rule.direction()) ? SecurityRuleDirection.Outbound
                        : SecurityRuleDirection.Inbound)
                .access(rule.allow() ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny)
                .protocol(rule.protocol())
                .sourcePortRange(SecurityRulePlan.ANY)
                .destinationAddressPrefix(rule.destinationTag())
                .description(rule.description());
        rule.sourceTag().ifPresentOrElse(args::sourceAddressPrefix, () -> args.sourceAddressPrefixes(rule.sourceRanges()));
        rule.singleDestinationPort().ifPresentOrElse(args::destinationPortRange,
                () -> args.destinationPortRanges(rule.destinationPorts()));
        return args.build();
    }
}
