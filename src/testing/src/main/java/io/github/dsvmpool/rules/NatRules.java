package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;

/** Inbound NAT: no v1 pools, V2 rules' shape and port ranges, frontend ports used once. */
final class NatRules {
    static final long HIGHEST_FRONTEND_PORT = 65534;

    private NatRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("no-v1-nat-pools",
                        "No v1 inbound NAT pools: neither a load balancer's inboundNatPools nor a scale-set IP"
                                + " configuration's loadBalancerInboundNatPools (use inbound NAT rules V2 with a"
                                + " backend pool)",
                        "Learn \"Inbound NAT rules\" (v1 NAT pools retire on 30 September 2027; NAT rule V2"
                                + " recommended); Azure/azure-cli PR 23638",
                        "none yet: retirement on 30 September 2027 (a pool in use cannot be removed in place:"
                                + " LoadBalancerInboundNatPoolInUseByVirtualMachineScaleSet)",
                        Basis.CONFIRMED, NatRules::noNatPools),
                new AzureRule("nat-rule-v2-shape",
                        "An inbound NAT rule with a backendAddressPool (V2) sets frontendPortRangeStart and"
                                + " frontendPortRangeEnd and no frontendPort",
                        "Azure/azure-cli issue 21583 (both errors quoted from Azure); REST spec loadBalancer.json"
                                + " (InboundNatRulePropertiesFormat)",
                        "MissedInboundNatRuleV2Properties / UnsupportedSetOfInboundNatRulePropertiesWhenFrontendPortIsSpecified",
                        Basis.CONFIRMED, NatRules::v2Shape),
                new AzureRule("nat-port-range-size",
                        "A per-VM port range (NAT rule V2, or v1 NAT pool) has frontendPortRangeStart <="
                                + " frontendPortRangeEnd within 1-65534, a backendPort within 1-65535, and at least"
                                + " one port per instance the scale sets joining its pool can have (their maximum"
                                + " sizes summed, doubled for a scale set that does not set overprovision: false)",
                        "REST spec loadBalancer.json (frontendPortRangeStart/End: \"Acceptable values range from 1"
                                + " to 65534\"); MicrosoftDocs/azure-docs issue 119323; Azure/azure-cli PR 23638"
                                + " (range sized for twice the instances when overprovisioning). The V2 error code"
                                + " is not published; the v1 one is",
                        "InboundNatPoolFrontendPortRangeSmallerThanRequestedPorts (v1; the V2 code is unconfirmed)",
                        Basis.CONFIRMED, NatRules::rangeSize),
                new AzureRule("nat-range-replacement-headroom",
                        "A per-VM port range whose pool holds a scale set with automatic repairs by Replace has,"
                                + " beyond one port per instance, room for the replacements made at once: 5% of"
                                + " the scale set's maximum, at least one",
                        "Learn \"Automatic instance repairs for Azure Virtual Machine Scale Sets\" (at most 5% of"
                                + " the instances repaired at a time; Replace creates the new instance before the"
                                + " old one is deleted); Learn \"Inbound NAT rules\" (too few frontend ports block"
                                + " scaling the backend pool)",
                        "none at deployment: the repair is blocked at the ceiling (unconfirmed code)",
                        Basis.INFERRED, NatRules::replacementHeadroom),
                new AzureRule("lb-frontend-ports-distinct",
                        "On one frontend IP configuration, the frontend ports of load-balancing rules, single NAT"
                                + " rules, NAT rule V2 ranges and v1 NAT pool ranges do not overlap for overlapping"
                                + " protocols",
                        "Learn \"Multiple frontends for Azure Load Balancer\" (a rule is its frontend, protocol and"
                                + " port); Learn \"Inbound NAT rules\"",
                        "unconfirmed (a 400 naming the conflicting rules)", Basis.INFERRED,
                        NatRules::frontendPortsDistinct));
    }

    private static void noNatPools(ResourceGraph graph, Findings findings) {
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            List<Object> pools = Values.list(lb.inputs(), "inboundNatPools");
            for (int index = 0; index < pools.size(); index++) {
                findings.add(lb, "inboundNatPools[" + index + "]", "the load balancer declares the v1 inbound NAT"
                                + " pool " + Values.nameOf(Values.map(pools.get(index)), index)
                                + ", which retires on 30 September 2027",
                        "replace it with an inboundNatRules entry (V2): backendAddressPool, frontendPortRangeStart/End"
                                + " and backendPort");
            }
        }
        for (ResourceGraph.IpConfig config : graph.ipConfigs()) {
            List<Object> references = Values.list(config.inputs(), "loadBalancerInboundNatPools");
            for (int index = 0; index < references.size(); index++) {
                findings.add(config.scaleSet(), config.path() + ".loadBalancerInboundNatPools[" + index + "]",
                        "IP configuration " + config.label() + " joins a v1 inbound NAT pool",
                        "drop loadBalancerInboundNatPools and join the backend pool of an inbound NAT rule V2"
                                + " through loadBalancerBackendAddressPools");
            }
        }
    }

    private static void v2Shape(ResourceGraph graph, Findings findings) {
        for (Mapping mapping : Mapping.all(graph)) {
            if (mapping.kind() != Mapping.Kind.NAT_RULE_V2 || !mapping.inputs().containsKey("backendAddressPool")) {
                continue;
            }
            Map<String, Object> inputs = mapping.inputs();
            if (!Values.has(inputs, "frontendPortRangeStart") || !Values.has(inputs, "frontendPortRangeEnd")) {
                findings.add(mapping.loadBalancer(), mapping.path(), mapping.label() + " has a backend pool but not"
                        + " both frontendPortRangeStart and frontendPortRangeEnd", "set both ends of the range");
            }
            if (Values.has(inputs, "frontendPort")) {
                findings.add(mapping.loadBalancer(), mapping.path() + ".frontendPort", mapping.label()
                        + " has a backend pool and a frontendPort", "drop frontendPort: a V2 rule takes a range");
            }
        }
    }

    private static void replacementHeadroom(ResourceGraph graph, Findings findings) {
        for (Mapping mapping : Mapping.all(graph)) {
            if (mapping.kind() != Mapping.Kind.NAT_RULE_V2 || mapping.firstPort() < 1
                    || mapping.lastPort() < mapping.firstPort()) {
                continue;
            }
            List<Registration> members = mapping.backendPools().stream()
                    .flatMap(pool -> graph.members(pool).stream()).distinct().toList();
            long needed = 0;
            long headroom = 0;
            for (Registration scaleSet : members) {
                long maximum = graph.maximumSize(scaleSet) * (overprovisions(scaleSet) ? 2 : 1);
                needed += maximum;
                if (repairsByReplacing(scaleSet)) {
                    headroom += Math.max(1, (maximum + 19) / 20);
                }
            }
            long size = mapping.lastPort() - mapping.firstPort() + 1;
            // Fewer ports than instances is nat-port-range-size's finding; this one is about the margin above.
            if (headroom > 0 && size >= needed && size < needed + headroom) {
                findings.add(mapping.loadBalancer(), mapping.path() + ".frontendPortRangeEnd", mapping.label()
                                + " has " + size + " frontend ports for " + needed + " instances, and automatic"
                                + " repairs may replace " + headroom + " at once",
                        "widen the range to at least " + (needed + headroom) + " ports");
            }
        }
    }

    private static boolean repairsByReplacing(Registration scaleSet) {
        var policy = Values.map(scaleSet.inputs(), "automaticRepairsPolicy");
        return Values.bool(policy, "enabled").orElse(false)
                && Values.string(policy, "repairAction").map(action -> action.equalsIgnoreCase("Replace"))
                .orElse(true);
    }

    private static void rangeSize(ResourceGraph graph, Findings findings) {
        for (Mapping mapping : Mapping.all(graph)) {
            if (mapping.kind() != Mapping.Kind.NAT_RULE_V2 && mapping.kind() != Mapping.Kind.NAT_POOL) {
                continue;
            }
            Registration lb = mapping.loadBalancer();
            long first = mapping.firstPort();
            long last = mapping.lastPort();
            if (first < 0 || last < 0) {
                continue; // nat-rule-v2-shape reports the missing ends
            }
            if (first < 1 || last > HIGHEST_FRONTEND_PORT || first > last) {
                findings.add(lb, mapping.path() + ".frontendPortRangeStart", mapping.label() + " has the frontend"
                                + " range " + first + "-" + last + ", not an ascending range within 1-65534",
                        "choose frontendPortRangeStart <= frontendPortRangeEnd, both within 1-65534");
                continue;
            }
            mapping.backendPort().filter(port -> port < 1 || port > 65535).ifPresent(port -> findings.add(lb,
                    mapping.path() + ".backendPort", mapping.label() + " has backend port " + port,
                    "choose a backend port within 1-65535"));
            List<Registration> members = mapping.kind() == Mapping.Kind.NAT_POOL ? graph.members(mapping.self())
                    : mapping.backendPools().stream().flatMap(pool -> graph.members(pool).stream()).distinct()
                    .toList();
            long needed = 0;
            StringBuilder who = new StringBuilder();
            for (Registration scaleSet : members) {
                boolean overprovisions = overprovisions(scaleSet);
                long instances = graph.maximumSize(scaleSet) * (overprovisions ? 2 : 1);
                needed += instances;
                who.append(who.length() == 0 ? "" : ", ").append(graph.maximumExplained(scaleSet))
                        .append(overprovisions ? " overprovisioning, so twice that" : "");
            }
            long size = last - first + 1;
            if (size < needed) {
                findings.add(lb, mapping.path() + ".frontendPortRangeEnd", mapping.label() + " has " + size
                                + " frontend ports (" + first + "-" + last + ") but its pool can hold " + needed
                                + " instances: " + who,
                        "widen the range to at least " + needed + " ports (frontendPortRangeEnd >= "
                                + (first + needed - 1) + ")" + (first + needed - 1 > HIGHEST_FRONTEND_PORT
                                ? ", starting lower, since it must end by 65534" : "")
                                + ", or lower the scale sets' maximum");
            }
        }
    }

    private static void frontendPortsDistinct(ResourceGraph graph, Findings findings) {
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            List<Mapping> mappings = Mapping.of(graph, lb);
            for (int later = 0; later < mappings.size(); later++) {
                Mapping second = mappings.get(later);
                for (int earlier = 0; earlier < later; earlier++) {
                    Mapping first = mappings.get(earlier);
                    if (first.takesFrontendPortsWith(second)) {
                        findings.add(lb, second.path(), second.label() + " takes frontend ports "
                                        + second.portsText() + " (" + second.protocol() + ") on frontend "
                                        + second.frontendName() + ", overlapping " + first.label() + " ("
                                        + first.portsText() + ", " + first.protocol() + ")",
                                "move one of them to frontend ports of its own");
                    }
                }
            }
        }
    }

    /** Azure's default is to overprovision Uniform scale sets; Flexible ones do not. */
    static boolean overprovisions(Registration scaleSet) {
        if (Values.equalsIgnoreCase(Values.string(scaleSet.inputs(), "orchestrationMode"), "Flexible")) {
            return false;
        }
        return Values.bool(scaleSet.inputs(), "overprovision").orElse(true);
    }
}
