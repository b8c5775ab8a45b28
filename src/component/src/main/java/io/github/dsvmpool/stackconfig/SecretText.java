package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.problems.Problem;

import java.util.Objects;

/** A secret string that never shows itself in logs, messages or {@code toString}. */
public final class SecretText {
    private final String value;

    public SecretText(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The secret itself, to hand to Pulumi as a secret output; never print it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return Problem.SECRET_VALUE;
    }
}
