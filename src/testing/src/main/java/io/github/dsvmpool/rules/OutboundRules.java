package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Outbound rules of a load balancer: SNAT port allocation and budget, and the LB rules sharing a frontend. */
final class OutboundRules {
    static final long PORTS_PER_ADDRESS = 64_000;
    static final long PORT_BLOCK = 8;
    /** Azure's allocation when allocatedOutboundPorts is left out (terraform-provider-azurerm PR 16369). */
    static final long DEFAULT_ALLOCATION = 1024;
    static final String SNAT_SOURCE = "Learn \"Source Network Address Translation (SNAT) for outbound connections\";"
            + " Learn \"Outbound rules Azure Load Balancer\"; MicrosoftDocs/azure-docs PR 124508 (the error codes)";

    private OutboundRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("outbound-ports-multiple-of-8",
                        "An outbound rule's allocatedOutboundPorts is a multiple of 8",
                        SNAT_SOURCE, "SpecifiedAllocatedOutboundPortsForOutboundRuleIsNotAMultipleOfEight",
                        Basis.CONFIRMED, OutboundRules::multipleOfEight),
                new AzureRule("outbound-ports-per-rule-limit",
                        "An outbound rule's allocatedOutboundPorts is at most 64,000",
                        SNAT_SOURCE, "SpecifiedAllocatedOutboundPortsForOutboundRuleExceedsTotalNumberOfAllowedPortsPerRule",
                        Basis.CONFIRMED, OutboundRules::perRuleLimit),
                new AzureRule("outbound-snat-budget",
                        "allocatedOutboundPorts (1,024 when left out; 0 = automatic, not checked) x the summed"
                                + " maximum sizes of the scale sets in the rule's backend pool <= the sum over the"
                                + " rule's frontends of 64,000 x addresses (1 per public IP, 2^(32 - prefixLength)"
                                + " per prefix) - 8 x the frontend ports that load-balancing rules and inbound NAT"
                                + " rules and pools take on that frontend (every port of a range counts)",
                        SNAT_SOURCE + "; Azure/AzLoadBalancerMigration issue 114",
                        "SpecifiedAllocatedOutboundPortsForOutboundRuleExceedsTotalNumberOfAvailablePorts",
                        Basis.CONFIRMED, OutboundRules::budget),
                new AzureRule("lb-rule-disable-outbound-snat",
                        "A load-balancing rule on a frontend that an outbound rule uses sets disableOutboundSnat: true",
                        "Learn \"Outbound rules Azure Load Balancer\"; Learn \"Source Network Address Translation"
                                + " (SNAT) for outbound connections\"",
                        "LoadBalancingRuleMustDisableSNATSinceSameFrontendIPConfigurationIsReferencedByOutboundRule",
                        Basis.CONFIRMED, OutboundRules::disableSnat),
                new AzureRule("outbound-rule-frontend-unique",
                        "No two outbound rules use the same frontend IP configuration with overlapping protocols",
                        "Azure/AzLoadBalancerMigration issue 10 (the error quoted from Azure)",
                        "MoreThanOneOutboundRuleUsingSameFrontendIPConfigurationAndProtocolIsNotSupported",
                        Basis.CONFIRMED, OutboundRules::oneRulePerFrontend));
    }

    /** An outbound rule of a load balancer, with its frontends resolved. */
    record Outbound(Registration lb, int index, Map<String, Object> inputs, List<SubResource> frontends) {
        String path() {
            return "outboundRules[" + index + "]";
        }

        String name() {
            return Values.nameOf(inputs, index);
        }

        Optional<Long> ports() {
            return Values.whole(inputs, "allocatedOutboundPorts");
        }
    }

    static List<Outbound> outbound(ResourceGraph graph) {
        List<Outbound> rules = new ArrayList<>();
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            List<Object> items = Values.list(lb.inputs(), "outboundRules");
            for (int index = 0; index < items.size(); index++) {
                Map<String, Object> inputs = Values.map(items.get(index));
                List<SubResource> frontends = new ArrayList<>();
                for (Object reference : Values.list(inputs, "frontendIPConfigurations")) {
                    graph.resolveReference(reference).filter(t -> !t.isWholeResource()).ifPresent(frontends::add);
                }
                rules.add(new Outbound(lb, index, inputs, frontends));
            }
        }
        return rules;
    }

    private static void multipleOfEight(ResourceGraph graph, Findings findings) {
        for (Outbound rule : outbound(graph)) {
            rule.ports().filter(ports -> ports % PORT_BLOCK != 0).ifPresent(ports -> findings.add(rule.lb(),
                    rule.path() + ".allocatedOutboundPorts", "outbound rule " + rule.name() + " allocates " + ports
                            + " ports per instance, not a multiple of 8",
                    "use " + (ports - ports % PORT_BLOCK) + " (the next multiple of 8 down)"));
        }
    }

    private static void perRuleLimit(ResourceGraph graph, Findings findings) {
        for (Outbound rule : outbound(graph)) {
            rule.ports().filter(ports -> ports > PORTS_PER_ADDRESS || ports < 0).ifPresent(ports -> findings.add(
                    rule.lb(), rule.path() + ".allocatedOutboundPorts", "outbound rule " + rule.name()
                            + " allocates " + ports + " ports per instance, outside 0-64,000",
                    "allocate at most 64,000 ports per instance"));
        }
    }

    private static void budget(ResourceGraph graph, Findings findings) {
        List<Mapping> mappings = Mapping.all(graph);
        for (Outbound rule : outbound(graph)) {
            long perInstance = rule.ports().orElse(DEFAULT_ALLOCATION);
            if (perInstance <= 0) {
                continue;
            }
            Optional<SubResource> pool = graph.resolveReference(rule.inputs().get("backendAddressPool"))
                    .filter(t -> !t.isWholeResource());
            if (pool.isEmpty()) {
                continue; // references-resolve reports it
            }
            long instances = 0;
            StringBuilder who = new StringBuilder();
            for (Registration scaleSet : graph.members(pool.get().key())) {
                instances += graph.maximumSize(scaleSet);
                who.append(who.length() == 0 ? "" : ", ").append(graph.maximumExplained(scaleSet));
            }
            long available = 0;
            StringBuilder supply = new StringBuilder();
            Set<SubResource.Key> counted = new LinkedHashSet<>();
            for (SubResource frontend : rule.frontends()) {
                if (!counted.add(frontend.key())) {
                    continue;
                }
                long addresses = addresses(graph, frontend);
                long used = 0;
                for (Mapping mapping : mappings) {
                    if (mapping.frontend().equals(Optional.of(frontend.key()))) {
                        used += mapping.portCount();
                    }
                }
                long left = PORTS_PER_ADDRESS * addresses - PORT_BLOCK * used;
                available += Math.max(0, left);
                supply.append(supply.length() == 0 ? "" : "; ").append(frontend.name()).append(": ")
                        .append(addresses).append(" address(es) x 64,000 - 8 x ").append(used)
                        .append(" inbound frontend ports = ").append(left);
            }
            long demand = perInstance * instances;
            if (demand > available) {
                long fits = instances == 0 ? 0 : available / instances;
                findings.add(rule.lb(), rule.path() + ".allocatedOutboundPorts", "outbound rule " + rule.name()
                                + " needs " + perInstance + " ports x " + instances + " instances (" + who + ") = "
                                + demand + " SNAT ports, but its frontends offer " + available + " (" + supply + ")",
                        "allocate at most " + (fits - fits % PORT_BLOCK) + " ports per instance, add frontend"
                                + " addresses (public IPs or a prefix) to the outbound rule, move inbound rules to"
                                + " another frontend, or send outbound through a NAT gateway");
            }
        }
    }

    private static long addresses(ResourceGraph graph, SubResource frontend) {
        long total = 0;
        for (String field : new String[] {"publicIPAddress", "publicIPPrefix"}) {
            total += graph.resolveReference(frontend.element().get(field)).filter(SubResource::isWholeResource)
                    .flatMap(target -> ResourceGraph.addressCount(target.resource())).orElse(0L);
        }
        return total;
    }

    private static void disableSnat(ResourceGraph graph, Findings findings) {
        Set<SubResource.Key> outboundFrontends = new LinkedHashSet<>();
        for (Outbound rule : outbound(graph)) {
            rule.frontends().forEach(frontend -> outboundFrontends.add(frontend.key()));
        }
        for (Mapping mapping : Mapping.all(graph)) {
            if (mapping.kind() == Mapping.Kind.LOAD_BALANCING_RULE && mapping.frontend().isPresent()
                    && outboundFrontends.contains(mapping.frontend().get())
                    && !Values.isTrue(mapping.inputs(), "disableOutboundSnat")) {
                findings.add(mapping.loadBalancer(), mapping.path() + ".disableOutboundSnat", mapping.label()
                                + " shares frontend " + mapping.frontendName() + " with an outbound rule but does not"
                                + " disable outbound SNAT",
                        "set disableOutboundSnat: true on the load-balancing rule");
            }
        }
    }

    private static void oneRulePerFrontend(ResourceGraph graph, Findings findings) {
        List<Outbound> rules = outbound(graph);
        for (int later = 0; later < rules.size(); later++) {
            Outbound second = rules.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                Outbound first = rules.get(earlier);
                if (!Mapping.protocolsOverlap(Values.stringOr(first.inputs(), "protocol", "All"),
                        Values.stringOr(second.inputs(), "protocol", "All"))) {
                    continue;
                }
                for (SubResource frontend : second.frontends()) {
                    if (first.frontends().stream().anyMatch(f -> f.key().equals(frontend.key()))) {
                        findings.add(second.lb(), second.path() + ".frontendIPConfigurations", "outbound rules "
                                        + first.name() + " and " + second.name() + " both use frontend " + frontend.name()
                                        + " with overlapping protocols",
                                "give each outbound rule frontends of its own, or merge them");
                        break;
                    }
                }
            }
        }
    }
}
