package io.github.dsvmpool.pool;

import com.pulumi.azurenative.network.LoadBalancer;
import com.pulumi.azurenative.network.LoadBalancerArgs;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.PublicIPAddressArgs;
import com.pulumi.azurenative.network.enums.IPAllocationMethod;
import com.pulumi.azurenative.network.enums.IPVersion;
import com.pulumi.azurenative.network.enums.LoadBalancerOutboundRuleProtocol;
import com.pulumi.azurenative.network.enums.LoadBalancerSkuName;
import com.pulumi.azurenative.network.enums.LoadBalancerSkuTier;
import com.pulumi.azurenative.network.enums.LoadDistribution;
import com.pulumi.azurenative.network.enums.ProbeProtocol;
import com.pulumi.azurenative.network.enums.PublicIPAddressSkuName;
import com.pulumi.azurenative.network.enums.PublicIPAddressSkuTier;
import com.pulumi.azurenative.network.enums.TransportProtocol;
import com.pulumi.azurenative.network.inputs.BackendAddressPoolArgs;
import com.pulumi.azurenative.network.inputs.FrontendIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.InboundNatPoolArgs;
import com.pulumi.azurenative.network.inputs.LoadBalancerSkuArgs;
import com.pulumi.azurenative.network.inputs.LoadBalancingRuleArgs;
import com.pulumi.azurenative.network.inputs.OutboundRuleArgs;
import com.pulumi.azurenative.network.inputs.ProbeArgs;
import com.pulumi.azurenative.network.inputs.PublicIPAddressDnsSettingsArgs;
import com.pulumi.azurenative.network.inputs.PublicIPAddressSkuArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.LoadBalancerSettings;
import io.github.dsvmpool.plans.PortRange;
import io.github.dsvmpool.plans.SnatPlan;
import java.util.ArrayList;

/**
 * The Standard public IP and load balancer: the pool entry (SSH 22, JupyterHub 8000, client-IP affinity), one
 * NAT pool per service with a frontend port per VM, and the outbound rule through which the VMs reach the
 * internet and Azure Files (TCP 445).
 */
final class PoolLoadBalancer {
    static final String FRONTEND = "frontend";
    static final String BACKEND_POOL = "pool";
    static final String SSH_PROBE = "ssh-probe";
    static final String JUPYTERHUB_PROBE = "jupyterhub-probe";
    static final String SSH_NAT_POOL = "ssh-nat";
    static final String JUPYTERHUB_NAT_POOL = "jupyterhub-nat";
    /** Standard LB allows 4-100 minutes on outbound rules; 30 keeps idle notebook kernels' connections. */
    static final int OUTBOUND_IDLE_MINUTES = 30;

    final PublicIPAddress publicIp;
    final LoadBalancer loadBalancer;
    private final Output<String> loadBalancerId;

    /**
     * @param loadBalancerName fixed, because the LB's own parts (rules, pools) refer to each other by ids that
     *                         must be known before the LB exists; unique within the resource group
     */
    PoolLoadBalancer(PartContext context, LoadBalancerSettings settings, String dnsLabel, String loadBalancerName,
                     Output<String> subscriptionId, PortRange sshNatRange, PortRange jupyterNatRange,
                     int maxInstanceCount) {
        this.loadBalancerId = Output.format("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network"
                + "/loadBalancers/%s", subscriptionId, context.resourceGroupName(), loadBalancerName);

        this.publicIp = new PublicIPAddress(context.childName("ip"), PublicIPAddressArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .sku(PublicIPAddressSkuArgs.builder()
                        .name(PublicIPAddressSkuName.Standard).tier(PublicIPAddressSkuTier.Regional).build())
                .publicIPAllocationMethod(IPAllocationMethod.Static)
                .publicIPAddressVersion(IPVersion.IPv4)
                .dnsSettings(PublicIPAddressDnsSettingsArgs.builder().domainNameLabel(dnsLabel).build())
                .tags(context.tags())
                .build(), context.options().build());

        var rules = new ArrayList<LoadBalancingRuleArgs>();
        if (settings.poolEntry()) {
            rules.add(poolEntryRule("ssh", LoadBalancerSettings.SSH_PORT, SSH_PROBE, settings.idleTimeoutMinutes()));
            rules.add(poolEntryRule("jupyterhub", LoadBalancerSettings.JUPYTERHUB_PORT, JUPYTERHUB_PROBE,
                    settings.idleTimeoutMinutes()));
        }
        this.loadBalancer = new LoadBalancer(context.childName("lb"), LoadBalancerArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .loadBalancerName(loadBalancerName)
                .sku(LoadBalancerSkuArgs.builder()
                        .name(LoadBalancerSkuName.Standard).tier(LoadBalancerSkuTier.Regional).build())
                .frontendIPConfigurations(FrontendIPConfigurationArgs.builder()
                        .name(FRONTEND)
                        .publicIPAddress(com.pulumi.azurenative.network.inputs.PublicIPAddressArgs.builder()
                                .id(publicIp.id()).build())
                        .build())
                .backendAddressPools(BackendAddressPoolArgs.builder().name(BACKEND_POOL).build())
                .probes(probe(SSH_PROBE, LoadBalancerSettings.SSH_PORT),
                        probe(JUPYTERHUB_PROBE, LoadBalancerSettings.JUPYTERHUB_PORT))
                .loadBalancingRules(rules)
                .inboundNatPools(
                        natPool(SSH_NAT_POOL, sshNatRange, LoadBalancerSettings.SSH_PORT, settings.idleTimeoutMinutes()),
                        natPool(JUPYTERHUB_NAT_POOL, jupyterNatRange, LoadBalancerSettings.JUPYTERHUB_PORT,
                                settings.idleTimeoutMinutes()))
                .outboundRules(OutboundRuleArgs.builder()
                        .name("outbound")
                        .protocol(LoadBalancerOutboundRuleProtocol.All)
                        .frontendIPConfigurations(subResource("frontendIPConfigurations", FRONTEND))
                        .backendAddressPool(subResource("backendAddressPools", BACKEND_POOL))
                        .allocatedOutboundPorts(SnatPlan.allocatedOutboundPorts(maxInstanceCount))
                        .idleTimeoutInMinutes(OUTBOUND_IDLE_MINUTES)
                        .enableTcpReset(true)
                        .build())
                .tags(context.tags())
                .build(), context.options().build());
    }

    /*
     * For resources outside the LB the ids come from the LB resource itself, so that they depend on it and
     * Pulumi creates the LB (with its pools) before the scale set that joins them.
     */
    Output<String> backendPoolId() {
        return Output.format("%s/backendAddressPools/%s", loadBalancer.id(), BACKEND_POOL);
    }

    Output<String> sshNatPoolId() {
        return Output.format("%s/inboundNatPools/%s", loadBalancer.id(), SSH_NAT_POOL);
    }

    Output<String> jupyterHubNatPoolId() {
        return Output.format("%s/inboundNatPools/%s", loadBalancer.id(), JUPYTERHUB_NAT_POOL);
    }

    /** Ids of the LB's own parts, which its rules must name before the LB exists. */
    private Output<String> childId(String collection, String name) {
        return Output.format("%s/%s/%s", loadBalancerId, collection, name);
    }

    private SubResourceArgs subResource(String collection, String name) {
        return SubResourceArgs.builder().id(childId(collection, name)).build();
    }

    private LoadBalancingRuleArgs poolEntryRule(String name, int port, String probeName, int idleTimeoutMinutes) {
        return LoadBalancingRuleArgs.builder()
                .name(name)
                .protocol(TransportProtocol.Tcp)
                .frontendPort(port)
                .backendPort(port)
                .frontendIPConfiguration(subResource("frontendIPConfigurations", FRONTEND))
                .backendAddressPool(subResource("backendAddressPools", BACKEND_POOL))
                .probe(subResource("probes", probeName))
                .loadDistribution(LoadDistribution.SourceIP)
                .idleTimeoutInMinutes(idleTimeoutMinutes)
                .enableTcpReset(true)
                // Outbound traffic goes through the explicit outbound rule instead.
                .disableOutboundSnat(true)
                .build();
    }

    private InboundNatPoolArgs natPool(String name, PortRange range, int backendPort, int idleTimeoutMinutes) {
        return InboundNatPoolArgs.builder()
                .name(name)
                .protocol(TransportProtocol.Tcp)
                .frontendIPConfiguration(subResource("frontendIPConfigurations", FRONTEND))
                .frontendPortRangeStart(range.first())
                .frontendPortRangeEnd(range.last())
                .backendPort(backendPort)
                .idleTimeoutInMinutes(idleTimeoutMinutes)
                .enableTcpReset(true)
                .build();
    }

    private static ProbeArgs probe(String name, int port) {
        return ProbeArgs.builder()
                .name(name)
                .protocol(ProbeProtocol.Tcp)
                .port(port)
                .intervalInSeconds(5)
                .numberOfProbes(2)
                .build();
    }
}
