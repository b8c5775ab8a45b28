package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last guard that no secret's value reaches a message: every string (and number) found inside a
 * {@link Registration.SecretValue} anywhere in the graph is replaced by {@code [secret]} in every violation.
 * The checks already avoid quoting secrets; this catches what they might not foresee (a secret that is also
 * used as a plain value elsewhere, for instance).
 */
final class Secrets {
    static final String MASK = "[secret]";
    /** Shorter values would mask ordinary words and numbers; a secret that short is no secret anyway. */
    private static final int SHORTEST_MASKED = 3;

    private final List<String> values;

    private Secrets(Set<String> values) {
        this.values = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Secrets in(List<Registration> registrations) {
        Set<String> found = new TreeSet<>();
        for (Registration registration : registrations) {
            collect(registration.inputs(), false, found);
        }
        return new Secrets(found);
    }

    private static void collect(Object value, boolean insideSecret, Set<String> found) {
        if (value instanceof Registration.SecretValue secret) {
            collect(secret.value(), true, found);
        } else if (value instanceof Map<?, ?> map) {
            for (Object child : map.values()) {
                collect(child, insideSecret, found);
            }
        } else if (value instanceof List<?> list) {
            for (Object child : list) {
                collect(child, insideSecret, found);
            }
        } else if (insideSecret && (value instanceof String || value instanceof Number)) {
            String text = String.valueOf(value);
            if (text.length() >= SHORTEST_MASKED) {
                found.add(text);
                // Multi-line secrets (scripts) may be quoted one line at a time.
                for (String line : text.split("\\R")) {
                    if (line.trim().length() >= 8) {
                        found.add(line.trim());
                    }
                }
            }
        }
    }

    String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String secret : values) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    Violation mask(Violation violation) {
        return new Violation(violation.ruleId(), mask(violation.resource()), mask(violation.property()),
                mask(violation.problem()), mask(violation.fix()));
    }
}
