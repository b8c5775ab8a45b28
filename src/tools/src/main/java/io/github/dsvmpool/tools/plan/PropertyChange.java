package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Optional;

/**
 * One changed leaf of a resource. {@code before}/{@code after} are empty where the property is absent. A
 * secret change keeps no values, only the marker, so no report can print what a secret held.
 *
 * @param path a JSON path of the inputs, or one of {@code (protect)}, {@code (retainOnDelete)},
 *             {@code (ignoreChanges)}, {@code (parent)}, {@code (dependencies)} for what is not an input
 * @param risk why Azure cannot apply this change in place, when a rule of {@link RiskyChanges} says so
 */
public record PropertyChange(String path, Optional<JsonElement> before, Optional<JsonElement> after, boolean secret,
                             Optional<String> risk) {

    public PropertyChange {
        if (secret) {
            before = before.map(ignored -> new JsonPrimitive(PlanValues.SECRET_MARKER));
            after = after.map(ignored -> new JsonPrimitive(PlanValues.SECRET_MARKER));
        }
    }

    public String kind() {
        return before.isEmpty() ? "added" : after.isEmpty() ? "removed" : "changed";
    }
}
