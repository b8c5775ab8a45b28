package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One inbound mapping of a load balancer: a load-balancing rule, an inbound NAT rule (single-VM or V2 with a
 * backend pool and a port range) or a v1 inbound NAT pool, with the frontend ports it takes and the backends it
 * reaches.
 *
 * @param frontend     the frontend IP configuration it listens on, when the reference resolves
 * @param firstPort    first frontend port it takes (1-65535 for HA ports), -1 when not given
 * @param lastPort     last frontend port it takes, -1 when not given
 * @param backendPort  its backend port, empty when not given (0 means every port)
 * @param backendPools the backend pools it sends to (a NAT pool reaches IP configurations through
 *                     {@code loadBalancerInboundNatPools} instead, by its own key)
 * @param publicSide   "public", "internal" or "?" (its frontend's type, for the per-type backend-port rule)
 */
record Mapping(Kind kind, Registration loadBalancer, int index, Map<String, Object> inputs, String name,
               String protocol, Optional<SubResource.Key> frontend, String frontendName, long firstPort,
               long lastPort, Optional<Long> backendPort, boolean floatingIp, List<SubResource.Key> backendPools,
               SubResource.Key self, String publicSide) {

    enum Kind {
        LOAD_BALANCING_RULE("loadBalancingRules", "load-balancing rule"),
        NAT_RULE("inboundNatRules", "inbound NAT rule"),
        NAT_RULE_V2("inboundNatRules", "inbound NAT rule V2"),
        NAT_POOL("inboundNatPools", "inbound NAT pool (v1)");

        final String collection;
        final String label;

        Kind(String collection, String label) {
            this.collection = collection;
            this.label = label;
        }
    }

    String path() {
        return kind.collection + "[" + index + "]";
    }

    String label() {
        return kind.label + " " + name;
    }

    /** Frontend ports it takes; 0 when none are given. */
    long portCount() {
        return firstPort < 0 || lastPort < firstPort ? 0 : lastPort - firstPort + 1;
    }

    String portsText() {
        return firstPort == lastPort ? String.valueOf(firstPort) : firstPort + "-" + lastPort;
    }

    boolean takesFrontendPortsWith(Mapping other) {
        return frontend.isPresent() && frontend.equals(other.frontend) && portCount() > 0 && other.portCount() > 0
                && firstPort <= other.lastPort && other.firstPort <= lastPort
                && protocolsOverlap(protocol, other.protocol);
    }

    boolean sameBackendPortAndProtocol(Mapping other) {
        if (backendPort.isEmpty() || other.backendPort.isEmpty() || !protocolsOverlap(protocol, other.protocol)) {
            return false;
        }
        long mine = backendPort.get();
        long theirs = other.backendPort.get();
        return mine == theirs || mine == 0 || theirs == 0;
    }

    /** {@code All} overlaps Tcp and Udp; otherwise the names must match. */
    static boolean protocolsOverlap(String first, String second) {
        return first.equalsIgnoreCase("All") || second.equalsIgnoreCase("All") || first.equalsIgnoreCase(second);
    }

    /** Every inbound mapping of every load balancer, in input order. */
    static List<Mapping> all(ResourceGraph graph) {
        List<Mapping> mappings = new ArrayList<>();
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            mappings.addAll(of(graph, lb));
        }
        return mappings;
    }

    static List<Mapping> of(ResourceGraph graph, Registration lb) {
        List<Mapping> mappings = new ArrayList<>();
        for (String collection : new String[] {"loadBalancingRules", "inboundNatRules", "inboundNatPools"}) {
            List<Object> items = Values.list(lb.inputs(), collection);
            for (int index = 0; index < items.size(); index++) {
                mappings.add(build(graph, lb, collection, index, Values.map(items.get(index))));
            }
        }
        return mappings;
    }

    private static Mapping build(ResourceGraph graph, Registration lb, String collection, int index,
                                 Map<String, Object> inputs) {
        Kind kind = switch (collection) {
            case "loadBalancingRules" -> Kind.LOAD_BALANCING_RULE;
            case "inboundNatPools" -> Kind.NAT_POOL;
            default -> inputs.containsKey("backendAddressPool") || inputs.containsKey("frontendPortRangeStart")
                    || inputs.containsKey("frontendPortRangeEnd") ? Kind.NAT_RULE_V2 : Kind.NAT_RULE;
        };
        String name = Values.nameOf(inputs, index);
        Optional<SubResource> frontendTarget = graph.resolveReference(inputs.get("frontendIPConfiguration"))
                .filter(target -> !target.isWholeResource());
        long first = -1;
        long last = -1;
        if (kind == Kind.NAT_RULE_V2 || kind == Kind.NAT_POOL) {
            first = Values.whole(inputs, "frontendPortRangeStart").orElse(-1L);
            last = Values.whole(inputs, "frontendPortRangeEnd").orElse(-1L);
        } else {
            Optional<Long> port = Values.whole(inputs, "frontendPort");
            if (port.isPresent()) {
                first = port.get() == 0 ? 1 : port.get();
                last = port.get() == 0 ? 65535 : port.get();
            }
        }
        List<SubResource.Key> pools = new ArrayList<>();
        if (kind != Kind.NAT_POOL) {
            graph.resolveReference(inputs.get("backendAddressPool")).filter(t -> !t.isWholeResource())
                    .ifPresent(target -> pools.add(target.key()));
            for (Object reference : Values.list(inputs, "backendAddressPools")) {
                graph.resolveReference(reference).filter(t -> !t.isWholeResource())
                        .ifPresent(target -> pools.add(target.key()));
            }
        }
        String side = frontendTarget.map(target -> target.element().containsKey("publicIPAddress")
                || target.element().containsKey("publicIPPrefix") ? "public"
                : target.element().containsKey("subnet") ? "internal" : "?").orElse("?");
        return new Mapping(kind, lb, index, inputs, name, Values.stringOr(inputs, "protocol", "?"),
                frontendTarget.map(SubResource::key), frontendTarget.map(SubResource::name).orElse("(unresolved)"),
                first, last, Values.whole(inputs, "backendPort"), Values.isTrue(inputs, "enableFloatingIP"),
                List.copyOf(pools), new SubResource.Key(lb.urn(), Values.lower(collection), Values.lower(name)), side);
    }

    /** Whether the mapping sends traffic to the IP configuration (through a backend pool or as its NAT pool). */
    boolean reaches(ResourceGraph graph, ResourceGraph.IpConfig config) {
        if (kind == Kind.NAT_POOL) {
            return graph.joined(config, "loadBalancerInboundNatPools").contains(self);
        }
        var joined = graph.joined(config, "loadBalancerBackendAddressPools");
        return backendPools.stream().anyMatch(joined::contains);
    }
}
