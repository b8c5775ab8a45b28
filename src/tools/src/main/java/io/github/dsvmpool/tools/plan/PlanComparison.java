package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Compares two plans resource by resource (by URN) and property by property (by JSON path). */
public final class PlanComparison {
    private PlanComparison() {
    }

    /**
     * Every added, removed or changed resource, in URN order; unchanged resources are left out. A resource of
     * {@code after} whose alias names a URN only {@code before} has is the same resource under a new URN (Pulumi
     * updates it in place): it is compared with that one, and a change of type shows as {@code (type)}.
     */
    public static List<ResourceChange> compare(Plan before, Plan after) {
        Map<String, String> renamed = renamedByAliases(before, after);
        if (!renamed.isEmpty()) {
            before = new Plan(before.project(), before.stack(),
                    before.resources().stream().map(resource -> renamed(resource, renamed)).toList());
        }
        Set<String> urns = new TreeSet<>();
        before.resources().forEach(resource -> urns.add(resource.urn()));
        after.resources().forEach(resource -> urns.add(resource.urn()));
        var changes = new ArrayList<ResourceChange>();
        for (String urn : urns) {
            Optional<PlannedResource> old = before.byUrn(urn);
            Optional<PlannedResource> now = after.byUrn(urn);
            if (old.isEmpty()) {
                changes.add(resourceChange(ResourceChange.Kind.ADDED, now.get(), false, List.of()));
            } else if (now.isEmpty()) {
                changes.add(resourceChange(ResourceChange.Kind.REMOVED, old.get(), old.get().protect(), List.of()));
            } else {
                List<PropertyChange> properties = properties(old.get(), now.get());
                if (!properties.isEmpty()) {
                    changes.add(resourceChange(ResourceChange.Kind.CHANGED, now.get(), old.get().protect(), properties));
                }
            }
        }
        return changes;
    }

    /** Old URN -> new URN, for each alias in {@code after} that names a resource gone from it. */
    static Map<String, String> renamedByAliases(Plan before, Plan after) {
        var renamed = new LinkedHashMap<String, String>();
        for (PlannedResource resource : after.resources()) {
            for (String alias : resource.aliases()) {
                if (before.byUrn(alias).isPresent() && after.byUrn(alias).isEmpty()) {
                    renamed.putIfAbsent(alias, resource.urn());
                }
            }
        }
        return renamed;
    }

    /** The resource with every URN it holds (its own, its parent's, its dependencies') under its new name. */
    private static PlannedResource renamed(PlannedResource resource, Map<String, String> renamed) {
        return new PlannedResource(renamed.getOrDefault(resource.urn(), resource.urn()), resource.type(),
                resource.name(), renamed.getOrDefault(resource.parentUrn(), resource.parentUrn()), resource.custom(),
                resource.dependencies().stream().map(urn -> renamed.getOrDefault(urn, urn)).sorted().distinct().toList(),
                resource.protect(), resource.retainOnDelete(), resource.ignoreChanges(), resource.aliases(),
                resource.inputs());
    }

    private static ResourceChange resourceChange(ResourceChange.Kind kind, PlannedResource resource,
                                                 boolean protectedBefore, List<PropertyChange> properties) {
        return new ResourceChange(kind, resource.urn(), resource.type(), resource.name(), protectedBefore, properties,
                RiskyChanges.resourceRisks(kind, protectedBefore, properties));
    }

    static List<PropertyChange> properties(PlannedResource before, PlannedResource after) {
        Map<String, JsonElement> old = leaves(before);
        Map<String, JsonElement> now = leaves(after);
        List<String> secretPaths = new ArrayList<>();
        for (var leaves : List.of(old, now)) {
            leaves.forEach((path, value) -> {
                if (PlanValues.isSecretMarker(value)) {
                    secretPaths.add(path);
                }
            });
        }
        Set<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(now.keySet());
        var changes = new ArrayList<PropertyChange>();
        for (String path : paths) {
            Optional<JsonElement> was = Optional.ofNullable(old.get(path));
            Optional<JsonElement> is = Optional.ofNullable(now.get(path));
            if (!was.equals(is)) {
                // A path inside (or around) a secret on either side is secret: a value that stops being marked
                // secret must not be printed either.
                boolean secret = secretPaths.stream().anyMatch(secretPath ->
                        JsonPaths.isWithin(path, secretPath) || JsonPaths.isWithin(secretPath, path));
                changes.add(new PropertyChange(path, was, is, secret,
                        RiskyChanges.assess(after.type(), path, was, is)));
            }
        }
        changes.addAll(dependencyChanges(before, after));
        return changes;
    }

    /** Inputs by path, then the options and the parent under names no input path can take. */
    private static Map<String, JsonElement> leaves(PlannedResource resource) {
        var leaves = new LinkedHashMap<>(JsonPaths.flatten(resource.inputs()));
        leaves.put("(protect)", new JsonPrimitive(resource.protect()));
        leaves.put("(retainOnDelete)", new JsonPrimitive(resource.retainOnDelete()));
        leaves.put("(ignoreChanges)", new JsonPrimitive(String.join(", ", resource.ignoreChanges())));
        leaves.put("(parent)", new JsonPrimitive(resource.parentUrn()));
        leaves.put("(type)", new JsonPrimitive(resource.type()));
        return leaves;
    }

    /** Dependencies compare as sets: one line per URN added or removed, not shifted list positions. */
    private static List<PropertyChange> dependencyChanges(PlannedResource before, PlannedResource after) {
        var changes = new ArrayList<PropertyChange>();
        for (String urn : before.dependencies()) {
            if (!after.dependencies().contains(urn)) {
                changes.add(new PropertyChange("(dependencies)", Optional.of(new JsonPrimitive(urn)), Optional.empty(),
                        false, Optional.empty()));
            }
        }
        for (String urn : after.dependencies()) {
            if (!before.dependencies().contains(urn)) {
                changes.add(new PropertyChange("(dependencies)", Optional.empty(), Optional.of(new JsonPrimitive(urn)),
                        false, Optional.empty()));
            }
        }
        return changes;
    }
}
