package io.github.dsvmpool.problems;

import java.util.Objects;

/**
 * One invalid setting: which setting, the value it had and what would have been allowed.
 *
 * @param setting the configuration key or argument name, e.g. {@code maxInstanceCount}
 * @param value   the offending value as the user wrote it ({@link #SECRET_VALUE} for secrets)
 * @param allowed what the setting accepts, phrased for the user
 */
public record Problem(String setting, String value, String allowed) {

    /** Shown instead of a secret's value so that error messages never leak it. */
    public static final String SECRET_VALUE = "[secret]";

    /** For a key that is not a setting: its value is never shown (it may be a misspelt secret's). */
    public static final String VALUE_NOT_SHOWN = "(value not shown)";

    /**
     * Checks the setting and the explanation are present; a missing value is shown as {@code (not set)}.
     *
     * @param setting see the record component {@code setting}
     * @param value   see the record component {@code value}
     * @param allowed see the record component {@code allowed}
     */
    public Problem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(allowed, "allowed");
        value = value == null ? "(not set)" : value;
    }

    /**
     * A one-line, human-readable description.
     *
     * @return {@code setting = 'value': allowed}
     */
    public String message() {
        return value.equals(VALUE_NOT_SHOWN) ? setting + ": " + allowed : setting + " = " + quote(value) + ": " + allowed;
    }

    /**
     * This problem with its value shown as {@link #SECRET_VALUE}.
     *
     * @return the masked problem
     */
    public Problem withSecretValue() {
        return value.equals(VALUE_NOT_SHOWN) || value.equals("(not set)") ? this : new Problem(setting, SECRET_VALUE, allowed);
    }

    /**
     * This problem with every occurrence of {@code secret} in its texts replaced by {@link #SECRET_VALUE}.
     *
     * @param secret a secret's text
     * @return the problem without it
     */
    public Problem without(String secret) {
        return new Problem(setting, value.replace(secret, SECRET_VALUE), allowed.replace(secret, SECRET_VALUE));
    }

    private static String quote(String value) {
        return value.startsWith("(") || value.equals(SECRET_VALUE) ? value : "'" + value + "'";
    }
}
