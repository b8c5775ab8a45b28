package io.github.dsvmpool.rules;

/** How far a rule's statement is backed by its source. */
public enum Basis {
    /** The source states the rule; where its error code is not confirmed, the code says so ("unconfirmed"). */
    CONFIRMED("confirmed"),
    /** No public source settles it (or its error code); the check is designed to be safe either way. */
    INFERRED("inferred"),
    /** Not Azure's rule: this project's own security policy. */
    PROJECT_POLICY("project policy");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
