package io.github.dsvmpool.tools.plan;

import java.util.List;
import java.util.Optional;

/**
 * What happens to one resource (by URN) between two plans.
 *
 * @param protectedBefore whether the resource was protected in the plan before (its removal is then risky)
 * @param changes         changed properties (empty for added and removed resources)
 * @param risks           resource-level reasons, e.g. the removal of a protected resource
 */
public record ResourceChange(Kind kind, String urn, String type, String name, boolean protectedBefore,
                             List<PropertyChange> changes, List<String> risks) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public ResourceChange {
        changes = List.copyOf(changes);
        risks = List.copyOf(risks);
    }

    public boolean isRisky() {
        return !risks.isEmpty() || changes.stream().anyMatch(change -> change.risk().isPresent());
    }

    /** Every reason this change is risky, resource-level first. */
    public List<String> allRisks() {
        var reasons = new java.util.ArrayList<>(risks);
        changes.stream().map(PropertyChange::risk).flatMap(Optional::stream).distinct().forEach(reasons::add);
        return reasons;
    }
}
