package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.Optional;

/** Renders plan changes as plain text (a terminal, a log) or Markdown (a pull-request comment). */
public final class DiffReport {
    /** Values longer than this are cut in reports; plan.json keeps them whole. */
    static final int MAX_VALUE_LENGTH = 160;

    private DiffReport() {
    }

    public static String headline(String stack, List<ResourceChange> changes) {
        if (changes.isEmpty()) {
            return "stack " + stack + ": no changes";
        }
        long risky = changes.stream().filter(ResourceChange::isRisky).count();
        return "stack " + stack + ": " + count(changes, ResourceChange.Kind.ADDED) + " added, "
                + count(changes, ResourceChange.Kind.REMOVED) + " removed, "
                + count(changes, ResourceChange.Kind.CHANGED) + " changed"
                + (risky > 0 ? ", " + risky + " RISKY" : "");
    }

    public static String text(String stack, List<ResourceChange> changes) {
        var text = new StringBuilder(headline(stack, changes)).append('\n');
        for (ResourceChange change : changes) {
            text.append('\n').append(symbol(change.kind())).append(' ').append(change.type()).append("  ")
                    .append(change.name()).append(change.isRisky() ? "  RISKY" : "").append('\n');
            text.append("    urn: ").append(change.urn()).append('\n');
            change.risks().forEach(risk -> text.append("    RISKY: ").append(risk).append('\n'));
            for (PropertyChange property : change.changes()) {
                text.append("    ").append(line(property, "")).append('\n');
                property.risk().ifPresent(risk -> text.append("        RISKY: ").append(risk).append('\n'));
            }
        }
        return text.toString();
    }

    public static String markdown(String stack, List<ResourceChange> changes) {
        var md = new StringBuilder("### Plan diff: `").append(stack).append("`\n\n");
        if (changes.isEmpty()) {
            return md.append("No changes to the declared resources.\n").toString();
        }
        md.append("**").append(headline(stack, changes).replace("stack " + stack + ": ", "")).append("**\n\n");
        List<ResourceChange> risky = changes.stream().filter(ResourceChange::isRisky).toList();
        if (!risky.isEmpty()) {
            md.append("> [!WARNING]\n> Changes Azure cannot apply in place; plan the order of operations:\n");
            for (ResourceChange change : risky) {
                for (String reason : change.allRisks()) {
                    md.append("> - `").append(change.name()).append("` (").append(PlanFacts.shortType(change.type()))
                            .append("): ").append(reason).append('\n');
                }
            }
            md.append('\n');
        }
        md.append("| | resource | type | properties |\n|---|---|---|---:|\n");
        for (ResourceChange change : changes) {
            md.append("| ").append(symbol(change.kind())).append(change.isRisky() ? " ⚠️" : "").append(" | `")
                    .append(change.name()).append("` | `").append(change.type()).append("` | ")
                    .append(change.kind() == ResourceChange.Kind.CHANGED ? change.changes().size() : "").append(" |\n");
        }
        for (ResourceChange change : changes) {
            if (change.changes().isEmpty()) {
                continue;
            }
            md.append("\n<details><summary><code>").append(change.name()).append("</code>: ")
                    .append(change.changes().size()).append(" changed propert")
                    .append(change.changes().size() == 1 ? "y" : "ies").append("</summary>\n\n```text\n");
            for (PropertyChange property : change.changes()) {
                // A value holding a code fence would end the block early.
                md.append(line(property, property.risk().map(risk -> "   <- RISKY").orElse(""))
                        .replace("```", "'''")).append('\n');
            }
            md.append("```\n</details>\n");
        }
        return md.toString();
    }

    /** {@code path: before -> after}, or {@code path: changed (secret)} without values. */
    static String line(PropertyChange change, String suffix) {
        String label = change.path() + ": ";
        if (change.secret()) {
            return label + change.kind() + " (secret)" + suffix;
        }
        return label + switch (change.kind()) {
            case "added" -> "(added) " + value(change.after());
            case "removed" -> value(change.before()) + " (removed)";
            default -> value(change.before()) + " -> " + value(change.after());
        } + suffix;
    }

    private static String value(Optional<JsonElement> value) {
        String text = value.map(JsonElement::toString).orElse("");
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…(cut)";
    }

    private static String symbol(ResourceChange.Kind kind) {
        return switch (kind) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
        };
    }

    private static long count(List<ResourceChange> changes, ResourceChange.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }
}
