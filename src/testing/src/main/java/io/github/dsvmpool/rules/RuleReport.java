package io.github.dsvmpool.rules;

import java.util.List;

/** Every rule of the table evaluated on one graph. */
public record RuleReport(List<RuleResult> results) {
    public RuleReport {
        results = List.copyOf(results);
    }

    /** The rules the graph breaks, in table order. */
    public List<RuleResult> broken() {
        return results.stream().filter(result -> !result.holds()).toList();
    }

    /** True when every rule holds. */
    public boolean holds() {
        return broken().isEmpty();
    }

    /** Every violation, rule by rule in table order. */
    public List<Violation> violations() {
        return results.stream().flatMap(result -> result.violations().stream()).toList();
    }

    /** A section for {@code summary.md}: the table of every rule, then each violation with what to change. */
    public String markdown() {
        StringBuilder out = new StringBuilder("## Azure deployment rules\n\n");
        List<RuleResult> broken = broken();
        out.append(broken.isEmpty()
                ? "All " + results.size() + " rules hold on this graph.\n\n"
                : broken.size() + " of " + results.size() + " rules are BROKEN: Azure would refuse this graph.\n\n");
        out.append("| Rule | Result | Statement | Basis | Source | Error code |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (RuleResult result : results) {
            AzureRule rule = result.rule();
            out.append("| `").append(rule.id()).append("` | ")
                    .append(result.holds() ? "holds" : "**BROKEN** (" + result.violations().size() + ")")
                    .append(" | ").append(cell(rule.statement()))
                    .append(" | ").append(rule.basis().label())
                    .append(" | ").append(cell(rule.source()))
                    .append(" | ").append(cell(rule.errorCode())).append(" |\n");
        }
        if (!broken.isEmpty()) {
            out.append("\n### Broken rules\n");
            for (RuleResult result : broken) {
                AzureRule rule = result.rule();
                out.append("\n#### `").append(rule.id()).append("`: ").append(inline(rule.statement())).append('\n');
                out.append("\nSource: ").append(inline(rule.source())).append(". Azure answers: ")
                        .append(inline(rule.errorCode())).append(".\n\n");
                for (Violation violation : result.violations()) {
                    out.append("- `").append(inline(violation.resource())).append("`, `")
                            .append(inline(violation.property())).append("`: ").append(inline(violation.problem()))
                            .append(" **Change:** ").append(inline(violation.fix())).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Console lines: a count, then one line per violation. Ends with a newline. */
    public String text() {
        List<RuleResult> broken = broken();
        StringBuilder out = new StringBuilder();
        if (broken.isEmpty()) {
            return out.append("Azure rules: all ").append(results.size()).append(" hold\n").toString();
        }
        out.append("Azure rules: ").append(broken.size()).append(" of ").append(results.size())
                .append(" broken\n");
        for (RuleResult result : broken) {
            AzureRule rule = result.rule();
            for (Violation violation : result.violations()) {
                out.append("BROKEN ").append(rule.id()).append(" [").append(rule.errorCode()).append("] ")
                        .append(violation.resource()).append(" ").append(violation.property()).append(": ")
                        .append(violation.problem()).append(" -> ").append(violation.fix())
                        .append(" (source: ").append(rule.source()).append(")\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replace("\r", " ").replace("\n", " ");
    }
}
