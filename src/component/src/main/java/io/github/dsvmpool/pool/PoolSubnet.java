package io.github.dsvmpool.pool;

import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.plans.SecurityRulePlan;
import java.util.Optional;

/**
 * Where the pool's VMs go: a network of its own ({@link PoolNetwork}: VNet, subnet, NSG on the subnet), or an
 * existing subnet it joins, with an NSG of its own on the VMs' network interfaces.
 */
final class PoolSubnet {
    private final Output<String> subnetId;
    private final Optional<Output<String>> interfaceSecurityGroupId;

    private PoolSubnet(Output<String> subnetId, Optional<Output<String>> interfaceSecurityGroupId) {
        this.subnetId = subnetId;
        this.interfaceSecurityGroupId = interfaceSecurityGroupId;
    }

    static PoolSubnet declare(PartContext context, PoolSettings settings, Optional<ExistingNetwork> existing,
                              Optional<Output<String>> natGatewayId) {
        boolean poolEntry = settings.loadBalancer().poolEntry();
        if (existing.isEmpty()) {
            var network = new PoolNetwork(context, settings.network(), poolEntry, natGatewayId);
            return new PoolSubnet(network.subnet.id(), Optional.empty());
        }
        // The validator refused a NAT gateway for a pool on an existing subnet.
        var securityGroup = new NetworkSecurityGroup(context.childName("nsg"), NetworkSecurityGroupArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .securityRules(SecurityRulePlan.rules(settings.network(), poolEntry).stream()
                        .map(PoolNetwork::toArgs).toList())
                .tags(context.tags())
                .build(), context.options().build());
        return new PoolSubnet(existing.get().subnetId(), Optional.of(securityGroup.id()));
    }

    Output<String> subnetId() {
        return subnetId;
    }

    /** The NSG on the VMs' interfaces when the subnet is not the pool's own. */
    Optional<Output<String>> interfaceSecurityGroupId() {
        return interfaceSecurityGroupId;
    }
}
