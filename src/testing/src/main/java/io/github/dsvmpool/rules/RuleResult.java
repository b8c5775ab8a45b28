package io.github.dsvmpool.rules;

import java.util.List;

/** One rule and what breaks it in the graph (nothing when it holds). */
public record RuleResult(AzureRule rule, List<Violation> violations) {
    public RuleResult {
        violations = List.copyOf(violations);
    }

    public boolean holds() {
        return violations.isEmpty();
    }
}
