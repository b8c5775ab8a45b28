package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 21's private subnet: the pool's own subnet has no default outbound access, and the VMs in a private
 * subnet keep an explicit way out (Learn "Default outbound access in Azure").
 */
final class PrivateSubnetRules {
    static final String DEFAULT_OUTBOUND_ACCESS = "defaultOutboundAccess";

    private PrivateSubnetRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("policy-private-subnet",
                        "Project security policy (not Azure's): every subnet the program declares sets"
                                + " defaultOutboundAccess: false (network API 2023-05-01 or later)",
                        "this project's security policy (issue 21); Learn \"Default outbound access in Azure\""
                                + " (implicit outbound addresses are not recommended; a private subnet disables them);"
                                + " REST spec network 2023-05-01 virtualNetwork.json (SubnetPropertiesFormat"
                                + ".defaultOutboundAccess)",
                        "n/a (project policy; Azure accepts a subnet with default outbound access)",
                        Basis.PROJECT_POLICY, PrivateSubnetRules::subnetsArePrivate),
                new AzureRule("private-subnet-has-explicit-outbound",
                        "Every scale-set IP configuration in a private subnet has an explicit outbound path: a NAT"
                                + " gateway on the subnet, a backend pool an outbound rule serves, or a public IP of"
                                + " its own",
                        "Learn \"Default outbound access in Azure\" (explicit outbound methods; VMs in a private"
                                + " subnet without one have no outbound connectivity to the internet)",
                        "none at deployment: the VMs reach nothing public (the share's TCP 445, Key Vault, package"
                                + " mirrors), so provisioning and the mount fail", Basis.CONFIRMED,
                        PrivateSubnetRules::privateSubnetsHaveAWayOut));
    }

    /** The declared subnets, of either API version (the type is decided in {@code PrivateSubnet}). */
    static List<Registration> subnets(ResourceGraph graph) {
        return graph.registrations().stream().filter(r -> r.custom() && ResourceGraph.SUBNETS.contains(r.type()))
                .toList();
    }

    /** defaultOutboundAccess set to false; unset means Azure's default, true, at the APIs this project uses. */
    static boolean isPrivate(Registration subnet) {
        return Values.bool(subnet.inputs(), DEFAULT_OUTBOUND_ACCESS).equals(Optional.of(false));
    }

    private static void subnetsArePrivate(ResourceGraph graph, Findings findings) {
        for (Registration subnet : subnets(graph)) {
            if (!isPrivate(subnet)) {
                findings.add(subnet, DEFAULT_OUTBOUND_ACCESS, "the subnet " + subnet.name() + " leaves default"
                                + " outbound access on (" + subnet.type() + ", " + DEFAULT_OUTBOUND_ACCESS + " "
                                + subnet.inputs().getOrDefault(DEFAULT_OUTBOUND_ACCESS, "unset") + ")",
                        "declare it as " + ResourceGraph.SUBNET + " with " + DEFAULT_OUTBOUND_ACCESS + ": false");
            }
        }
    }

    private static void privateSubnetsHaveAWayOut(ResourceGraph graph, Findings findings) {
        Set<SubResource.Key> servedPools = new java.util.HashSet<>();
        for (OutboundRules.Outbound rule : OutboundRules.outbound(graph)) {
            Optional<SubResource> pool = graph.resolveReference(rule.inputs().get("backendAddressPool"))
                    .filter(t -> !t.isWholeResource());
            if (pool.isEmpty()) {
                return; // an outbound rule whose pool does not resolve: references-resolve reports it
            }
            servedPools.add(pool.get().key());
        }
        for (ResourceGraph.IpConfig config : graph.ipConfigs()) {
            Optional<Registration> subnet = graph.resolveReference(config.inputs().get("subnet"))
                    .filter(SubResource::isWholeResource).map(SubResource::resource)
                    .filter(target -> ResourceGraph.SUBNETS.contains(target.type()))
                    .filter(PrivateSubnetRules::isPrivate);
            List<Object> pools = Values.list(config.inputs(), "loadBalancerBackendAddressPools");
            if (subnet.isEmpty() || graph.joined(config, "loadBalancerBackendAddressPools").size() < pools.size()) {
                continue; // not private, or a pool reference that does not resolve: references-resolve reports it
            }
            boolean natGateway = graph.resolveReference(subnet.get().inputs().get("natGateway"))
                    .filter(SubResource::isWholeResource)
                    .filter(target -> target.resource().type().equals(ResourceGraph.NAT_GATEWAY)).isPresent();
            boolean outboundRule = graph.joined(config, "loadBalancerBackendAddressPools").stream()
                    .anyMatch(servedPools::contains);
            boolean publicAddress = config.inputs().get("publicIPAddressConfiguration") != null;
            if (!natGateway && !outboundRule && !publicAddress) {
                findings.add(config.scaleSet(), config.path(), "the IP configuration " + config.label() + " is in"
                                + " the private subnet " + subnet.get().name() + " without a NAT gateway on the subnet,"
                                + " an outbound rule on one of its backend pools or a public IP of its own",
                        "keep the pool's outbound design (outboundType) or make the subnet public");
            }
        }
    }
}
