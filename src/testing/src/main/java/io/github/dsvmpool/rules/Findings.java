package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;

/** Where a rule's check puts what it finds; stamps each violation with the rule's id. */
final class Findings {
    private final String ruleId;
    private final List<Violation> violations = new ArrayList<>();

    Findings(String ruleId) {
        this.ruleId = ruleId;
    }

    void add(Registration resource, String property, String problem, String fix) {
        violations.add(new Violation(ruleId, Violation.resourceOf(resource), property, problem, fix));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }
}
