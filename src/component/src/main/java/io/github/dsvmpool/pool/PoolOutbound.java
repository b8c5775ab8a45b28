package io.github.dsvmpool.pool;

import com.pulumi.azurenative.network.NatGateway;
import com.pulumi.azurenative.network.NatGatewayArgs;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.enums.NatGatewaySkuName;
import com.pulumi.azurenative.network.inputs.NatGatewaySkuArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.plans.OutboundPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The addresses the pool's outbound traffic leaves from when the entry address does not serve it: dedicated
 * public IPs for the load balancer's outbound rule, or a NAT gateway with its public IPs (attached to the
 * subnet by {@link PoolNetwork}). Declared first, because the subnet and the load balancer name them.
 */
final class PoolOutbound {
    /** NAT gateway allows 4-120 minutes (Learn "Azure NAT Gateway"); 30 keeps idle kernels' connections. */
    static final int IDLE_TIMEOUT_MINUTES = 30;

    final OutboundPlan plan;
    final List<PublicIPAddress> publicIps;
    final Optional<NatGateway> natGateway;

    PoolOutbound(PartContext context, OutboundPlan plan) {
        this.plan = plan;
        var addresses = new ArrayList<PublicIPAddress>();
        IntStream.rangeClosed(1, plan.publicIpCount()).forEach(index ->
                addresses.add(StandardPublicIp.declare(context, "outbound-ip-" + index, Optional.empty())));
        this.publicIps = List.copyOf(addresses);
        this.natGateway = plan.type() != OutboundType.NAT_GATEWAY ? Optional.empty()
                : Optional.of(new NatGateway(context.childName("natgw"), NatGatewayArgs.builder()
                        .resourceGroupName(context.resourceGroupName())
                        .location(context.location())
                        .sku(NatGatewaySkuArgs.builder().name(NatGatewaySkuName.Standard).build())
                        .publicIpAddresses(publicIps.stream()
                                .map(ip -> SubResourceArgs.builder().id(ip.id()).build()).toList())
                        .idleTimeoutInMinutes(IDLE_TIMEOUT_MINUTES)
                        .tags(context.tags())
                        .build(), context.options().build()));
    }

    /** The NAT gateway's id for the subnet, when outbound goes through one. */
    Optional<Output<String>> natGatewayId() {
        return natGateway.map(NatGateway::id);
    }

    /** Dedicated addresses for the load balancer's outbound rule (none with a NAT gateway or a shared entry). */
    List<PublicIPAddress> loadBalancerAddresses() {
        return plan.type() == OutboundType.LOAD_BALANCER ? publicIps : List.of();
    }
}
