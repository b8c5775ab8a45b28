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
                worthReviewing(registration.type(), registration.aliases()),
                PlanValues.maskedObject(registration.inputs()));
    }

    private static final java.util.regex.Pattern API_VERSION = java.util.regex.Pattern.compile("/v\\d{8}[a-z]*:");

    /**
     * The aliases a reviewer needs: the generated azure-native SDK aliases every resource to each API version of
     * its own type (dozens per resource, the same in every plan), so aliases to a versioned form of the
     * resource's own type are left out; an alias to another type (the pool's subnet to its previous default
     * type) or another name or parent stays.
     */
    static List<String> worthReviewing(String type, List<String> aliases) {
        String unversioned = API_VERSION.matcher(type).replaceFirst(":");
        return aliases.stream().filter(alias -> {
            String[] parts = alias.split("::", 4);
            String qualifiedType = parts.length == 4 ? parts[2] : "";
            String aliasType = qualifiedType.substring(qualifiedType.lastIndexOf('$') + 1);
            boolean versionedFormOfOwnType = !aliasType.equals(type) && API_VERSION.matcher(aliasType).find()
                    && API_VERSION.matcher(aliasType).replaceFirst(":").equals(unversioned);
            return !versionedFormOfOwnType;
        }).toList();
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
