package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.NetworkSettings;
import io.github.dsvmpool.vm.PerVmPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rule of the pool's NSG, inbound or outbound.
 *
 * <p>Where each value goes is decided here, by Azure's rule for security rules (REST spec
 * {@code networkSecurityGroup.json}, SecurityRulePropertiesFormat; Learn "Network security groups", augmented
 * security rules): service tags and {@code *} are accepted only in the singular {@code sourceAddressPrefix};
 * the plural {@code sourceAddressPrefixes} takes IP addresses and ranges only, else the whole NSG is refused
 * with {@code SecurityRuleParameterContainsUnsupportedValue}. Ports follow the same split for clarity.
 *
 * @param direction        {@value #INBOUND} or {@value #OUTBOUND}
 * @param sourceTag        a service tag or {@code *}, for the singular field; empty when {@code sourceRanges} apply
 * @param sourceRanges     IP addresses and CIDR ranges, for the plural field; empty when a tag applies
 * @param destinationTag   a service tag or {@code *}, for the singular destination field
 * @param destinationPorts ports, or the single value {@code *}
 * @param protocol         Tcp or {@code *}
 */
public record SecurityRulePlan(String name, String direction, int priority, boolean allow, String protocol,
                               Optional<String> sourceTag, List<String> sourceRanges, String destinationTag,
                               List<String> destinationPorts, String description) {

    /** Service tag Azure uses for the load balancer's health probes. */
    public static final String LOAD_BALANCER_TAG = "AzureLoadBalancer";
    public static final String INTERNET_TAG = "Internet";
    public static final String ANY = "*";
    /** The virtual network, peered and connected networks, and the host's virtual IP (Learn "Virtual network service tags"). */
    public static final String VIRTUAL_NETWORK_TAG = "VirtualNetwork";
    public static final String INBOUND = "Inbound";
    public static final String OUTBOUND = "Outbound";
    /** RDP: no VM of the pool serves it, so no VM should reach another network's VMs with it either. */
    public static final int RDP_PORT = 3389;
    /**
     * Outbound rules start here, apart from the inbound numbers (100-120, 4096) so that a reader never mixes the
     * two; Azure keeps priorities unique per direction only.
     */
    public static final int FIRST_OUTBOUND_PRIORITY = 200;

    public SecurityRulePlan {
        sourceRanges = List.copyOf(sourceRanges);
        destinationPorts = List.copyOf(destinationPorts);
        if (sourceTag.isPresent() == !sourceRanges.isEmpty()) {
            throw new IllegalArgumentException(name + ": give either a source tag or source ranges");
        }
        if (!INBOUND.equals(direction) && !OUTBOUND.equals(direction)) {
            throw new IllegalArgumentException(name + ": direction is Inbound or Outbound, not " + direction);
        }
    }

    /** Every rule of the pool's NSG: {@link #inboundRules} then {@link #outboundRules}. */
    public static List<SecurityRulePlan> rules(NetworkSettings network, boolean poolEntry) {
        var rules = new ArrayList<>(inboundRules(network, poolEntry));
        rules.addAll(outboundRules());
        return List.copyOf(rules);
    }

    /**
     * The outbound rules: no SSH (22, and the per-VM port 2222 the pool's VMs serve) and no RDP (3389) from the
     * VMs to the virtual network, so that a user's session on one VM cannot be the start of logins into other
     * VMs of the pool or of the networks connected to it. Protocol {@code *} covers RDP over UDP too.
     *
     * <p>Everything the pool needs stays open under Azure's default outbound rules (65000 AllowVnetOutBound,
     * 65001 AllowInternetOutBound; Learn "Network security groups", default security rules): Azure Files on 445
     * and Key Vault, Entra ID, Azure Monitor and the package mirrors on 443/80 are public endpoints, not
     * {@value #VIRTUAL_NETWORK_TAG}, and use no denied port. DHCP, DNS, IMDS and health monitoring through
     * 168.63.129.16 and 169.254.169.254 are not subject to NSGs unless a rule names the AzurePlatformDNS,
     * AzurePlatformIMDS or AzurePlatformLKM tags (Learn "Network security groups", Azure platform
     * considerations); the load balancer's probes arrive inbound and their answers follow the flow.
     */
    public static List<SecurityRulePlan> outboundRules() {
        return List.of(new SecurityRulePlan("deny-ssh-rdp-to-vnet", OUTBOUND, FIRST_OUTBOUND_PRIORITY, false, ANY,
                Optional.of(ANY), List.of(), VIRTUAL_NETWORK_TAG,
                List.of(String.valueOf(PerVmPorts.SSH_PORT), String.valueOf(PerVmPorts.SSH_PER_VM_BACKEND_PORT),
                        String.valueOf(RDP_PORT)),
                "No SSH or RDP from the pool's VMs into the virtual network (lateral movement)"));
    }

    /** The single destination value for the singular field, when there is exactly one. */
    public Optional<String> singleDestinationPort() {
        return destinationPorts.size() == 1 ? Optional.of(destinationPorts.get(0)) : Optional.empty();
    }

    /**
     * The inbound rules: SSH and JupyterHub from the configured ranges only, on the ports a VM serves (the pool
     * entry's 22 and 8000 and the per-VM NAT rules' backend ports: an NSG sees the port after the load
     * balancer's translation), the LB probes, and an explicit deny of the rest of the internet so that a later
     * broad rule cannot slip in unnoticed below it.
     */
    public static List<SecurityRulePlan> inboundRules(NetworkSettings network, boolean poolEntry) {
        Optional<String> tag = network.allowOpenInternet() ? Optional.of(INTERNET_TAG) : Optional.empty();
        List<String> ranges = network.allowOpenInternet() ? List.of() : network.allowedSourceRanges();
        return List.of(
                new SecurityRulePlan("allow-ssh", INBOUND, 100, true, "Tcp", tag, ranges, ANY,
                        ports(poolEntry, PerVmPorts.SSH_PORT, PerVmPorts.SSH_PER_VM_BACKEND_PORT),
                        "SSH: the pool entry and each VM's own port"),
                new SecurityRulePlan("allow-jupyterhub", INBOUND, 110, true, "Tcp", tag, ranges, ANY,
                        ports(poolEntry, PerVmPorts.JUPYTERHUB_PORT, PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT),
                        "JupyterHub (HTTPS): the pool entry and each VM's own port"),
                new SecurityRulePlan("allow-load-balancer-probes", INBOUND, 120, true, ANY,
                        Optional.of(LOAD_BALANCER_TAG), List.of(), ANY, List.of(ANY), "Health probes of the load balancer"),
                new SecurityRulePlan("deny-internet-inbound", INBOUND, 4096, false, ANY, Optional.of(INTERNET_TAG),
                        List.of(), ANY, List.of(ANY), "Everything else from the internet"));
    }

    private static List<String> ports(boolean poolEntry, int poolEntryPort, int perVmPort) {
        var ports = new ArrayList<String>();
        if (poolEntry) {
            ports.add(String.valueOf(poolEntryPort));
        }
        ports.add(String.valueOf(perVmPort));
        return ports;
    }
}
