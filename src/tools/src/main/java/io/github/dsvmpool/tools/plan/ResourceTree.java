package io.github.dsvmpool.tools.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code tree.txt}: the resources as {@code pulumi preview} lists them, each child indented under its parent,
 * with the options a reviewer should notice. A resource whose parent is not in the plan is shown at the top.
 */
public final class ResourceTree {
    /** Each level of the tree is indented by this many characters more than its parent. */
    public static final int INDENT = 3;

    private ResourceTree() {
    }

    public static String render(Plan plan) {
        Set<String> urns = plan.resources().stream().map(PlannedResource::urn).collect(Collectors.toSet());
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        List<PlannedResource> roots = new ArrayList<>();
        for (PlannedResource resource : plan.resources()) {
            if (resource.hasParent() && urns.contains(resource.parentUrn())) {
                children.computeIfAbsent(resource.parentUrn(), ignored -> new ArrayList<>()).add(resource);
            } else {
                roots.add(resource);
            }
        }
        var lines = new ArrayList<String[]>();
        sorted(roots).forEach(root -> add(root, "", "", children, lines));
        int typeWidth = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
        var text = new StringBuilder();
        text.append("Plan of stack ").append(plan.stack()).append(" (project ").append(plan.project()).append("): ")
                .append(plan.resources().size()).append(" resources, made offline under the mock engine\n\n");
        text.append(pad("Type", typeWidth)).append("  Name\n");
        lines.forEach(line -> text.append(pad(line[0], typeWidth)).append("  ").append(line[1]).append('\n'));
        return text.toString();
    }

    private static void add(PlannedResource resource, String prefix, String childPrefix,
                            Map<String, List<PlannedResource>> children, List<String[]> lines) {
        lines.add(new String[] {prefix + resource.type(), resource.name() + flags(resource)});
        List<PlannedResource> kids = sorted(children.getOrDefault(resource.urn(), List.of()));
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            add(kids.get(i), childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "), children,
                    lines);
        }
    }

    private static List<PlannedResource> sorted(List<PlannedResource> resources) {
        return resources.stream()
                .sorted(Comparator.comparing(PlannedResource::name).thenComparing(PlannedResource::type))
                .toList();
    }

    private static String flags(PlannedResource resource) {
        var flags = new ArrayList<String>();
        if (resource.protect()) {
            flags.add("protect");
        }
        if (resource.retainOnDelete()) {
            flags.add("retainOnDelete");
        }
        if (!resource.ignoreChanges().isEmpty()) {
            flags.add("ignoreChanges: " + String.join(", ", resource.ignoreChanges()));
        }
        return flags.isEmpty() ? "" : "  [" + String.join("; ", flags) + "]";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
