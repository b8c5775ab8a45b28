package io.github.dsvmpool.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Backend ports: two inbound mappings must not deliver the same protocol and port to the same VM. */
final class InboundMappingRules {

    private InboundMappingRules() {
    }

    static List<AzureRule> rules() {
        return List.of(new AzureRule("lb-backend-port-unique",
                "No two inbound mappings (load-balancing rules, inbound NAT rules of any kind, v1 NAT pools) with"
                        + " overlapping protocols and the same backend port reach the same backend pool or the"
                        + " same scale-set IP configuration (through its loadBalancerBackendAddressPools or"
                        + " loadBalancerInboundNatPools) on load balancers of the same type, unless both enable"
                        + " floating IP",
                "Learn \"Troubleshoot common deployment errors with Azure Load Balancer\"; Learn \"Multiple"
                        + " frontends for Azure Load Balancer\" (reusing a backend port needs floating IP);"
                        + " terraform-provider-azurerm issue 84; Azure/azure-quickstart-templates issue 2014. No"
                        + " source settles a load-balancing rule and a NAT rule/pool on one backend port: treated"
                        + " as refused",
                "RulesOfSameLoadBalancerTypeUseSameBackendPortProtocolAndVmssIPConfig (related:"
                        + " RulesUseSameBackendPortProtocolAndPool, RulesUseSameBackendPortProtocolAndIPConfig)",
                Basis.CONFIRMED, InboundMappingRules::backendPortsUnique));
    }

    private static void backendPortsUnique(ResourceGraph graph, Findings findings) {
        List<Mapping> mappings = Mapping.all(graph);
        List<ResourceGraph.IpConfig> configs = graph.ipConfigs();
        for (int later = 0; later < mappings.size(); later++) {
            Mapping second = mappings.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                Mapping first = mappings.get(earlier);
                if (!first.sameBackendPortAndProtocol(second) || (first.floatingIp() && second.floatingIp())
                        || !sameSide(first, second)) {
                    continue;
                }
                Optional<SubResource.Key> sharedPool = first.backendPools().stream()
                        .filter(second.backendPools()::contains).findFirst();
                String what = first.label() + " (" + first.loadBalancer().name() + ") and " + second.label()
                        + " both send " + second.protocol() + " to backend port " + second.backendPort().get()
                        + " without floating IP";
                String fix = "give one of them another backend port (e.g. a per-VM port the VM forwards), or"
                        + " enable floating IP on both when the VMs listen on the frontend address";
                if (sharedPool.isPresent()) {
                    findings.add(second.loadBalancer(), second.path(),
                            what + " on the same backend pool " + sharedPool.get().name(), fix);
                    continue;
                }
                Set<String> reported = new LinkedHashSet<>();
                for (ResourceGraph.IpConfig config : configs) {
                    if (first.reaches(graph, config) && second.reaches(graph, config)
                            && reported.add(config.scaleSet().urn() + config.path())) {
                        findings.add(config.scaleSet(), config.path(),
                                what + " to the same scale-set IP configuration " + config.label(), fix);
                    }
                }
            }
        }
    }

    /** The rule is per load balancer type; an unknown side counts as the same. */
    private static boolean sameSide(Mapping first, Mapping second) {
        return first.publicSide().equals("?") || second.publicSide().equals("?")
                || first.publicSide().equals(second.publicSide());
    }
}
