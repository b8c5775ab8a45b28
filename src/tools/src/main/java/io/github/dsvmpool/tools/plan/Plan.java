package io.github.dsvmpool.tools.plan;

import io.github.dsvmpool.offline.Registration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a stack's program declared, in a stable order (by URN) so that two plans of the same program
 * compare equal: registration order depends on the timing of asynchronous outputs.
 */
public record Plan(String project, String stack, List<PlannedResource> resources) {

    public Plan {
        resources = resources.stream().sorted(Comparator.comparing(PlannedResource::urn)).toList();
    }

    /** The plan of one offline run; secrets are masked here, once, for every output made from it. */
    public static Plan of(String project, String stack, List<Registration> registrations) {
        return new Plan(project, stack, registrations.stream().map(Plan::planned).toList());
    }

    private static PlannedResource planned(Registration registration) {
        return new PlannedResource(registration.urn(), registration.type(), registration.name(),
                registration.parentUrn(), registration.custom(),
                List.copyOf(new TreeSet<>(registration.dependencies())), registration.protect(),
                registration.retainOnDelete(), registration.ignoreChanges(),
                PlanValues.maskedObject(registration.inputs()));
    }

    public Optional<PlannedResource> byUrn(String urn) {
        return resources.stream().filter(resource -> resource.urn().equals(urn)).findFirst();
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(resource -> resource.type().equals(type)).toList();
    }

    /** Resource counts by type, sorted by type. */
    public Map<String, Long> countsByType() {
        var counts = new TreeMap<String, Long>();
        resources.forEach(resource -> counts.merge(resource.type(), 1L, Long::sum));
        return new LinkedHashMap<>(counts);
    }
}
