package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Objects;

/**
 * One deployment rule Azure documents (or this project's own policy), with where it is written, the error code
 * Azure answers with, and a check over the registered resource graph.
 */
public final class AzureRule {
    /** A rule's check: looks at the graph and adds what breaks the rule. */
    @FunctionalInterface
    interface Check {
        void run(ResourceGraph graph, Findings findings);
    }

    private final String id;
    private final String statement;
    private final String source;
    private final String errorCode;
    private final Basis basis;
    private final Check check;

    AzureRule(String id, String statement, String source, String errorCode, Basis basis, Check check) {
        this.id = Objects.requireNonNull(id);
        this.statement = Objects.requireNonNull(statement);
        this.source = Objects.requireNonNull(source);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.basis = Objects.requireNonNull(basis);
        this.check = Objects.requireNonNull(check);
    }

    /** Stable kebab-case id. */
    public String id() {
        return id;
    }

    /** The rule in one line. */
    public String statement() {
        return statement;
    }

    /** Where it is documented: Learn page title, REST spec file, public issue. */
    public String source() {
        return source;
    }

    /** The error code Azure answers with (or what happens instead, when it is not an error at deployment). */
    public String errorCode() {
        return errorCode;
    }

    public Basis basis() {
        return basis;
    }

    /** This rule alone on a graph; secrets' values never appear in what it returns. */
    public List<Violation> check(List<Registration> registrations) {
        return AzureRules.run(this, ResourceGraph.of(registrations));
    }

    List<Violation> evaluate(ResourceGraph graph) {
        Findings findings = new Findings(id);
        check.run(graph, findings);
        return findings.violations();
    }

    @Override
    public String toString() {
        return id;
    }
}
