package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One resource of a plan, as written to {@code plan.json}: what the program declared, with secrets already
 * replaced by {@link PlanValues#SECRET_MARKER}.
 *
 * @param parentUrn    the parent's URN, empty for the stack itself
 * @param dependencies URNs this resource depends on, sorted and without duplicates
 * @param aliases      URNs this resource was known by (its aliases), so that a diff matches it to its old self
 * @param inputs       input properties with secrets masked
 */
public record PlannedResource(String urn, String type, String name, String parentUrn, boolean custom,
                              List<String> dependencies, boolean protect, boolean retainOnDelete,
                              List<String> ignoreChanges, List<String> aliases, JsonObject inputs) {

    public PlannedResource {
        dependencies = List.copyOf(dependencies);
        ignoreChanges = List.copyOf(ignoreChanges);
        aliases = List.copyOf(aliases);
        inputs = inputs.deepCopy();
    }

    @Override
    public JsonObject inputs() {
        return inputs.deepCopy();
    }

    public boolean hasParent() {
        return !parentUrn.isEmpty();
    }
}
