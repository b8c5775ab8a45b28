package io.github.dsvmpool.pool;

import com.pulumi.azurenative.network.LoadBalancer;
import com.pulumi.azurenative.network.LoadBalancerArgs;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.enums.LoadBalancerOutboundRuleProtocol;
import com.pulumi.azurenative.network.enums.LoadBalancerSkuName;
import com.pulumi.azurenative.network.enums.LoadBalancerSkuTier;
import com.pulumi.azurenative.network.enums.LoadDistribution;
import com.pulumi.azurenative.network.enums.ProbeProtocol;
import com.pulumi.azurenative.network.enums.TransportProtocol;
import com.pulumi.azurenative.network.inputs.BackendAddressPoolArgs;
import com.pulumi.azurenative.network.inputs.FrontendIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.InboundNatRuleArgs;
import com.pulumi.azurenative.network.inputs.LoadBalancerSkuArgs;
import com.pulumi.azurenative.network.inputs.LoadBalancingRuleArgs;
import com.pulumi.azurenative.network.inputs.OutboundRuleArgs;
import com.pulumi.azurenative.network.inputs.ProbeArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.LoadBalancerSettings;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.plans.PortRange;
import io.github.dsvmpool.plans.WindowsAccessPlan;
import io.github.dsvmpool.vm.PerVmPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Standard load balancer and its entry address: the pool entry (SSH 22 and JupyterHub 8000 to any available
 * VM, client-IP affinity), one frontend port per VM for SSH and for JupyterHub on inbound NAT rules V2 (Learn
 * "Inbound NAT rules": the successor of NAT pools, which retire on 30 September 2027), and, unless a NAT
 * gateway serves outbound, the outbound rule through which the VMs reach the internet and Azure Files.
 *
 * <p>Azure refuses two inbound rules with the same protocol and backend port on one scale-set ipconfig
 * ({@code RulesOfSameLoadBalancerTypeUseSameBackendPortProtocolAndVmssIPConfig}, Learn "Troubleshoot common
 * deployment errors with Azure Load Balancer"), so the per-VM rules send to backend ports of their own, which
 * every VM serves too ({@link PerVmPorts}). Each per-VM rule has its own backend pool, as Microsoft's NAT-pool
 * migration does, so that the design holds whether or not Azure lets a NAT rule share the load-balancing pool.
 */
final class PoolLoadBalancer {
    static final String FRONTEND = "frontend";
    static final String OUTBOUND_FRONTEND_PREFIX = "outbound-";
    static final String BACKEND_POOL = "pool";
    /** Names of the per-VM NAT rules and of their backend pools (the same name for both, fixed for tools). */
    static final String SSH_PER_VM = "ssh-per-vm";
    static final String JUPYTERHUB_PER_VM = "jupyterhub-per-vm";
    static final String SSH_PROBE = "ssh-probe";
    static final String JUPYTERHUB_PROBE = "jupyterhub-probe";
    /** Standard LB allows 4-100 minutes on outbound rules; 30 keeps idle notebook kernels' connections. */
    static final int OUTBOUND_IDLE_MINUTES = 30;

    final PublicIPAddress publicIp;
    final LoadBalancer loadBalancer;
    private final Output<String> loadBalancerId;

    /** The probe of a Windows pool's RDP entry rule. */
    static final String RDP_PROBE = "rdp-probe";

    /**
     * What the load balancer is given: its fixed name, the per-VM ranges and the outbound design; a Windows pool's
     * RDP entry and per-VM rule replace the SSH and JupyterHub ones.
     */
    record Layout(String loadBalancerName, Output<String> dnsLabel, PortRange sshPerVmPorts, PortRange jupyterHubPerVmPorts,
                  PoolOutbound outbound, Optional<WindowsAccessPlan> windowsAccess) {
        Layout(String loadBalancerName, Output<String> dnsLabel, PortRange sshPerVmPorts, PortRange jupyterHubPerVmPorts,
               PoolOutbound outbound) {
            this(loadBalancerName, dnsLabel, sshPerVmPorts, jupyterHubPerVmPorts, outbound, Optional.empty());
        }
    }

    /** The backend pools: the entry's, then one per per-VM NAT rule. */
    private final List<String> backendPools;

    /**
     * @param subscriptionId for the ids of the LB's own parts (rules, pools), which refer to each other before
     *                       the LB exists; hence the fixed name, unique within the resource group
     */
    PoolLoadBalancer(PartContext context, LoadBalancerSettings settings, Layout layout, Output<String> subscriptionId) {
        this.loadBalancerId = Output.format("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network"
                + "/loadBalancers/%s", subscriptionId, context.resourceGroupName(), layout.loadBalancerName());
        this.publicIp = StandardPublicIp.declare(context, "ip", Optional.of(layout.dnsLabel()));

        var frontends = new ArrayList<FrontendIPConfigurationArgs>(List.of(frontend(FRONTEND, publicIp)));
        var outboundFrontends = new ArrayList<String>();
        List<PublicIPAddress> dedicated = layout.outbound().loadBalancerAddresses();
        for (int index = 0; index < dedicated.size(); index++) {
            String name = OUTBOUND_FRONTEND_PREFIX + (index + 1);
            frontends.add(frontend(name, dedicated.get(index)));
            outboundFrontends.add(name);
        }
        if (layout.outbound().plan.sharesEntryFrontend()) {
            outboundFrontends.add(FRONTEND);
        }

        var args = LoadBalancerArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .loadBalancerName(layout.loadBalancerName())
                .sku(LoadBalancerSkuArgs.builder()
                        .name(LoadBalancerSkuName.Standard).tier(LoadBalancerSkuTier.Regional).build())
                .frontendIPConfigurations(frontends)
                .tags(context.tags());
        if (layout.windowsAccess().isPresent()) {
            this.backendPools = remoteDesktop(args, settings, layout.windowsAccess().get());
        } else {
            this.backendPools = List.of(BACKEND_POOL, SSH_PER_VM, JUPYTERHUB_PER_VM);
            var rules = new ArrayList<LoadBalancingRuleArgs>();
            if (settings.poolEntry()) {
                rules.add(poolEntryRule("ssh", PerVmPorts.SSH_PORT, SSH_PROBE, settings.idleTimeoutMinutes()));
                rules.add(poolEntryRule("jupyterhub", PerVmPorts.JUPYTERHUB_PORT, JUPYTERHUB_PROBE,
                        settings.idleTimeoutMinutes()));
            }
            args.backendAddressPools(pool(BACKEND_POOL), pool(SSH_PER_VM), pool(JUPYTERHUB_PER_VM))
                    .probes(probe(SSH_PROBE, PerVmPorts.SSH_PORT), probe(JUPYTERHUB_PROBE, PerVmPorts.JUPYTERHUB_PORT))
                    .loadBalancingRules(rules)
                    .inboundNatRules(
                            perVmRule(SSH_PER_VM, layout.sshPerVmPorts(), PerVmPorts.SSH_PER_VM_BACKEND_PORT,
                                    settings.idleTimeoutMinutes()),
                            perVmRule(JUPYTERHUB_PER_VM, layout.jupyterHubPerVmPorts(),
                                    PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT, settings.idleTimeoutMinutes()));
        }
        if (layout.outbound().plan.type() == OutboundType.LOAD_BALANCER) {
            args.outboundRules(OutboundRuleArgs.builder()
                    .name("outbound")
                    .protocol(LoadBalancerOutboundRuleProtocol.All)
                    .frontendIPConfigurations(outboundFrontends.stream()
                            .map(name -> subResource("frontendIPConfigurations", name)).toList())
                    .backendAddressPool(subResource("backendAddressPools", BACKEND_POOL))
                    .allocatedOutboundPorts(layout.outbound().plan.portsPerVm())
                    .idleTimeoutInMinutes(OUTBOUND_IDLE_MINUTES)
                    .enableTcpReset(true)
                    .build());
        }
        this.loadBalancer = new LoadBalancer(context.childName("lb"), args.build(), context.options().build());
    }

    /*
     * For resources outside the LB the ids come from the LB resource itself, so that they depend on it and
     * Pulumi creates the LB (with its pools) before the scale set that joins them.
     */
    List<Output<String>> backendPoolIds() {
        return backendPools.stream()
                .map(name -> Output.format("%s/backendAddressPools/%s", loadBalancer.id(), name)).toList();
    }

    /**
     * A Windows pool's Remote Desktop (WindowsAccessPlan): the entry rule 3389 with client-IP affinity and its TCP
     * probe of 3389, and one V2 NAT rule with its own backend pool to each VM's 3390 (forwarded there to 3389).
     *
     * @return the backend pools' names
     */
    private List<String> remoteDesktop(LoadBalancerArgs.Builder args, LoadBalancerSettings settings,
                                       WindowsAccessPlan access) {
        var entry = access.entryRule();
        var perVm = access.perVmRule();
        args.backendAddressPools(pool(BACKEND_POOL), pool(perVm.name()))
                .probes(probe(RDP_PROBE, entry.probePort()))
                .loadBalancingRules(settings.poolEntry()
                        ? List.of(poolEntryRule(entry.name(), entry.frontendPort(), RDP_PROBE,
                                settings.idleTimeoutMinutes()))
                        : List.of())
                .inboundNatRules(perVmRule(perVm.name(), perVm.frontendRange(), perVm.backendPort(),
                        settings.idleTimeoutMinutes()));
        return List.of(BACKEND_POOL, perVm.name());
    }

    /** Ids of the LB's own parts, which its rules must name before the LB exists. */
    private Output<String> childId(String collection, String name) {
        return Output.format("%s/%s/%s", loadBalancerId, collection, name);
    }

    private SubResourceArgs subResource(String collection, String name) {
        return SubResourceArgs.builder().id(childId(collection, name)).build();
    }

    /**
     * A public frontend sets no zones of its own: it follows its public IP's (zone-redundant when the pool is in
     * zones, {@link StandardPublicIp}); a frontend's {@code zones} is for internal load balancers
     * (PSRule.Rules.Azure issue 2814).
     */
    private static FrontendIPConfigurationArgs frontend(String name, PublicIPAddress address) {
        return FrontendIPConfigurationArgs.builder()
                .name(name)
                .publicIPAddress(com.pulumi.azurenative.network.inputs.PublicIPAddressArgs.builder()
                        .id(address.id()).build())
                .build();
    }

    private static BackendAddressPoolArgs pool(String name) {
        return BackendAddressPoolArgs.builder().name(name).build();
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
                .enableFloatingIP(false)
                // Required when an outbound rule uses the same frontend (LoadBalancingRuleMustDisableSNAT...);
                // outbound always goes through the explicit outbound rule or the NAT gateway.
                .disableOutboundSnat(true)
                .build();
    }

    /** A V2 NAT rule: Azure maps one frontend port of the range to each member of the rule's backend pool. */
    private InboundNatRuleArgs perVmRule(String name, PortRange range, int backendPort, int idleTimeoutMinutes) {
        return InboundNatRuleArgs.builder()
                .name(name)
                .protocol(TransportProtocol.Tcp)
                .frontendIPConfiguration(subResource("frontendIPConfigurations", FRONTEND))
                .backendAddressPool(subResource("backendAddressPools", name))
                .frontendPortRangeStart(range.first())
                .frontendPortRangeEnd(range.last())
                .backendPort(backendPort)
                .enableFloatingIP(false)
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
