package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;

/** References between the resources: every id that names a part of this graph must name one that exists. */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static List<AzureRule> rules() {
        return List.of(new AzureRule("references-resolve",
                "Every id in the inputs that names a resource of this graph (the mock engine's id, or the ARM id of"
                        + " a declared type, such as a load balancer's own frontendIPConfigurations/backendAddressPools"
                        + "/probes/inboundNatRules/inboundNatPools) resolves to a declared resource or element",
                "Azure Resource Manager resolves every resource id on deployment (Learn \"Resolve errors for"
                        + " resource not found\"); the other rules cannot be checked through a reference that"
                        + " names nothing",
                "InvalidResourceReference (network) / ResourceNotFound; inferred for this graph", Basis.INFERRED,
                ReferenceRules::everyReferenceResolves));
    }

    private static void everyReferenceResolves(ResourceGraph graph, Findings findings) {
        for (Registration registration : graph.registrations()) {
            if (registration.custom()) {
                walk(graph, registration, registration.inputs(), "", findings);
            }
        }
    }

    private static void walk(ResourceGraph graph, Registration owner, Object value, String path, Findings findings) {
        if (value instanceof Registration.SecretValue) {
            return; // a secret is not quoted, not even its ids
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                walk(graph, owner, entry.getValue(), path.isEmpty() ? key : path + "." + key, findings);
            }
        } else if (value instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                walk(graph, owner, list.get(index), path + "[" + index + "]", findings);
            }
        } else if (value instanceof String id && ResourceGraph.mustResolve(id) && graph.resolve(id).isEmpty()) {
            findings.add(owner, path, "the reference " + id + " does not resolve to any resource (or element of"
                            + " one) in this graph, so Azure would not find it and no other rule can follow it",
                    "reference a declared resource by its id, or build the ARM id from the target's Azure name"
                            + " (for a load balancer's parts: .../loadBalancers/<loadBalancerName>/<collection>/<name>"
                            + " with an element of that name)");
        }
    }
}
