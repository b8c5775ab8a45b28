package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.NetworkSettings;
import io.github.dsvmpool.vm.PerVmPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One inbound rule of the pool's NSG.
 *
 * <p>Where each value goes is decided here, by Azure's rule for security rules (REST spec
 * {@code networkSecurityGroup.json}, SecurityRulePropertiesFormat; Learn "Network security groups", augmented
 * security rules): service tags and {@code *} are accepted only in the singular {@code sourceAddressPrefix};
 * the plural {@code sourceAddressPrefixes} takes IP addresses and ranges only, else the whole NSG is refused
 * with {@code SecurityRuleParameterContainsUnsupportedValue}. Ports follow the same split for clarity.
 *
 * @param sourceTag        a service tag or {@code *}, for the singular field; empty when {@code sourceRanges} apply
 * @param sourceRanges     IP addresses and CIDR ranges, for the plural field; empty when a tag applies
 * @param destinationPorts ports, or the single value {@code *}
 * @param protocol         Tcp or {@code *}
 */
public record SecurityRulePlan(String name, int priority, boolean allow, String protocol, Optional<String> sourceTag,
                               List<String> sourceRanges, List<String> destinationPorts, String description) {

    /** Service tag Azure uses for the load balancer's health probes. */
    public static final String LOAD_BALANCER_TAG = "AzureLoadBalancer";
    public static final String INTERNET_TAG = "Internet";
    public static final String ANY = "*";

    public SecurityRulePlan {
        sourceRanges = List.copyOf(sourceRanges);
        destinationPorts = List.copyOf(destinationPorts);
        if (sourceTag.isPresent() == !sourceRanges.isEmpty()) {
            throw new IllegalArgumentException(name + ": give either a source tag or source ranges");
        }
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
                new SecurityRulePlan("allow-ssh", 100, true, "Tcp", tag, ranges,
                        ports(poolEntry, PerVmPorts.SSH_PORT, PerVmPorts.SSH_PER_VM_BACKEND_PORT),
                        "SSH: the pool entry and each VM's own port"),
                new SecurityRulePlan("allow-jupyterhub", 110, true, "Tcp", tag, ranges,
                        ports(poolEntry, PerVmPorts.JUPYTERHUB_PORT, PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT),
                        "JupyterHub (HTTPS): the pool entry and each VM's own port"),
                new SecurityRulePlan("allow-load-balancer-probes", 120, true, ANY, Optional.of(LOAD_BALANCER_TAG),
                        List.of(), List.of(ANY), "Health probes of the load balancer"),
                new SecurityRulePlan("deny-internet-inbound", 4096, false, ANY, Optional.of(INTERNET_TAG), List.of(),
                        List.of(ANY), "Everything else from the internet"));
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
