package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.NetworkSettings;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.vm.windows.WindowsPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How users reach a Windows pool: Remote Desktop, through the pool entry and through ports of each VM's own.
 * Pure: the component only wires. The Windows DSVM has no JupyterHub (JupyterHub needs Linux), so RDP replaces
 * both SSH and JupyterHub of the Linux pool.
 * <ul>
 *   <li>Pool entry: a load-balancing rule TCP {@value #RDP_PORT} to {@value #RDP_PORT} with client-IP affinity
 *       ({@code loadDistribution} {@value #LOAD_DISTRIBUTION}: the same client address keeps reaching the same VM,
 *       so a dropped RDP connection reconnects to its session; Learn "Configure the distribution mode for Azure
 *       Load Balancer"), probed on TCP {@value #RDP_PORT}.</li>
 *   <li>Per VM: an inbound NAT rule V2 whose frontend range ({@link NatPortPlan#range}, sized for the scale set's
 *       limit) maps one port to each VM's backend port {@value #RDP_PER_VM_BACKEND_PORT}. Azure refuses two
 *       inbound rules with the same backend port on one scale-set IP configuration
 *       ({@code RulesOfSameLoadBalancerTypeUseSameBackendPortProtocolAndVmssIPConfig}, Learn "Troubleshoot common
 *       deployment errors with Azure Load Balancer"), so the VM forwards {@value #RDP_PER_VM_BACKEND_PORT} to
 *       {@value #RDP_PORT} itself (netsh interface portproxy, set up by the provisioning script).</li>
 *   <li>NSG: {@value #RDP_PORT} and {@value #RDP_PER_VM_BACKEND_PORT} only from the allowed ranges (the NSG sees
 *       the port after the load balancer's translation), the probes, and the explicit deny of the rest, with
 *       {@link SecurityRulePlan}'s placement of tags and ranges.</li>
 *   <li>Sessions: Windows Server without Remote Desktop Services licensing takes at most
 *       {@value #SESSIONS_PER_VM} remote sessions at a time ("Remote Desktop for Administration"; more need the
 *       Remote Desktop Session Host role and RDS client access licences, Learn "License your RDS deployment with
 *       client access licenses (CALs)"), so a pool of n VMs serves at most {@code 2 n} users at once.</li>
 * </ul>
 *
 * @param perVmFirstPort first frontend port of the per-VM RDP range
 */
public record WindowsAccessPlan(int perVmFirstPort) {
    public static final int RDP_PORT = WindowsPorts.RDP_PORT;
    /** The backend port of each VM's own RDP frontend port, forwarded on the VM to {@link #RDP_PORT}. */
    public static final int RDP_PER_VM_BACKEND_PORT = WindowsPorts.RDP_PER_VM_BACKEND_PORT;
    public static final String PROTOCOL = "Tcp";
    public static final String LOAD_DISTRIBUTION = "SourceIP";
    public static final int SESSIONS_PER_VM = 2;
    /** Default first port of the per-VM RDP range: clear of the Linux pool's SSH (50000) and JupyterHub (52000). */
    public static final int DEFAULT_PER_VM_FIRST_PORT = 54_000;
    public static final String ENTRY_RULE_NAME = "rdp";
    public static final String PER_VM_RULE_NAME = "rdp-per-vm";
    /** Same priorities as the Linux pool's rules, so the probe and deny rules keep their places. */
    public static final int RDP_RULE_PRIORITY = 100;

    /** A load-balancing rule of the pool entry, as Azure takes it. */
    public record EntryRule(String name, int frontendPort, int backendPort, String protocol, String loadDistribution,
                            int probePort) {}

    /** An inbound NAT rule V2: a frontend range, one port per member of its backend pool, to one backend port. */
    public record PerVmRule(String name, PortRange frontendRange, int backendPort, String protocol) {}

    /** The pool entry's RDP rule, with client-IP affinity and a TCP probe of the RDP port. */
    public EntryRule entryRule() {
        return new EntryRule(ENTRY_RULE_NAME, RDP_PORT, RDP_PORT, PROTOCOL, LOAD_DISTRIBUTION, RDP_PORT);
    }

    /** Each VM's own RDP port: one frontend port per VM, all to {@link #RDP_PER_VM_BACKEND_PORT}. */
    public PerVmRule perVmRule() {
        return new PerVmRule(PER_VM_RULE_NAME, NatPortPlan.range(perVmFirstPort), RDP_PER_VM_BACKEND_PORT, PROTOCOL);
    }

    /** The inbound NSG rules of a Windows pool (no SSH, no JupyterHub). */
    public static List<SecurityRulePlan> inboundRules(NetworkSettings network, boolean poolEntry) {
        Optional<String> tag = network.allowOpenInternet() ? Optional.of(SecurityRulePlan.INTERNET_TAG) : Optional.empty();
        List<String> ranges = network.allowOpenInternet() ? List.of() : network.allowedSourceRanges();
        List<String> ports = new ArrayList<>();
        if (poolEntry) {
            ports.add(String.valueOf(RDP_PORT));
        }
        ports.add(String.valueOf(RDP_PER_VM_BACKEND_PORT));
        return List.of(
                new SecurityRulePlan("allow-rdp", SecurityRulePlan.INBOUND, RDP_RULE_PRIORITY, true, PROTOCOL, tag, ranges, SecurityRulePlan.ANY, ports,
                        "Remote Desktop: the pool entry and each VM's own port"),
                new SecurityRulePlan("allow-load-balancer-probes", SecurityRulePlan.INBOUND, 120, true, SecurityRulePlan.ANY,
                        Optional.of(SecurityRulePlan.LOAD_BALANCER_TAG), List.of(), SecurityRulePlan.ANY, List.of(SecurityRulePlan.ANY),
                        "Health probes of the load balancer"),
                new SecurityRulePlan("deny-internet-inbound", SecurityRulePlan.INBOUND, 4096, false, SecurityRulePlan.ANY,
                        Optional.of(SecurityRulePlan.INTERNET_TAG), List.of(), SecurityRulePlan.ANY, List.of(SecurityRulePlan.ANY),
                        "Everything else from the internet"));
    }

    /** How many users a pool of {@code vms} VMs serves at once without RDS licensing. */
    public static int usersServed(int vms) {
        if (vms < 0) {
            throw new IllegalArgumentException("a pool cannot have " + vms + " VMs");
        }
        return Math.multiplyExact(vms, SESSIONS_PER_VM);
    }

    /** The VMs needed so that {@code users} can work at once (two per VM). */
    public static int vmsFor(int users) {
        if (users < 0) {
            throw new IllegalArgumentException("cannot serve " + users + " users");
        }
        return (users + SESSIONS_PER_VM - 1) / SESSIONS_PER_VM;
    }

    /**
     * Checks the per-VM range: within Azure's ports, clear of the entry's RDP port and of the other NAT ranges
     * on the same frontend.
     *
     * @param otherRanges the other per-VM ranges on the same frontend (none in a Windows pool today)
     */
    public static void validate(String setting, int perVmFirstPort, List<PortRange> otherRanges, Problems problems) {
        long lastPort = (long) perVmFirstPort + NatPortPlan.PORTS_PER_RANGE - 1;
        if (perVmFirstPort < NatPortPlan.LOWEST_PORT || lastPort > NatPortPlan.HIGHEST_PORT) {
            problems.add(setting, perVmFirstPort, "a first port from " + NatPortPlan.LOWEST_PORT + " to "
                    + (NatPortPlan.HIGHEST_PORT - NatPortPlan.PORTS_PER_RANGE + 1) + ", so that the "
                    + NatPortPlan.PORTS_PER_RANGE + " per-VM RDP ports fit below " + (NatPortPlan.HIGHEST_PORT + 1));
            return;
        }
        PortRange range = NatPortPlan.range(perVmFirstPort);
        if (range.contains(RDP_PORT)) {
            problems.add(setting, perVmFirstPort, "the per-VM RDP range " + range + " takes in port " + RDP_PORT
                    + ", which the pool entry's RDP rule uses on the same frontend");
        }
        otherRanges.stream().filter(range::overlaps).forEach(other -> problems.add(setting, perVmFirstPort,
                "the per-VM RDP range " + range + " overlaps the NAT range " + other + " on the same frontend"));
    }
}
