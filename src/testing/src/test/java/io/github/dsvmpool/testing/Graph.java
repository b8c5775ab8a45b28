package io.github.dsvmpool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resource graph a program registered, with small helpers to walk its inputs in assertions. */
public record Graph(List<Registration> registrations) {
    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_]+)(?:\\[(\\d+)])?");

    public List<Registration> ofType(String type) {
        return registrations.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Registration single(String type) {
        var found = ofType(type);
        assertThat(found).as("resources of type %s", type).hasSize(1);
        return found.get(0);
    }

    public Registration byUrn(String urn) {
        return registrations.stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource with URN " + urn));
    }

    /** Walks {@code a.b[0].c} through maps and lists; secrets are looked through. */
    public static Object at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            Matcher step = STEP.matcher(part);
            if (!step.matches()) {
                throw new IllegalArgumentException("bad path step " + part);
            }
            current = reveal(current);
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step.group(1))) {
                throw new AssertionError("no '" + step.group(1) + "' on the way to " + path + " in " + current);
            }
            current = reveal(map.get(step.group(1)));
            if (step.group(2) != null) {
                current = reveal(((List<?>) current).get(Integer.parseInt(step.group(2))));
            }
        }
        return current;
    }

    public static Object input(Registration registration, String path) {
        return at(registration.inputs(), path);
    }

    public static Object reveal(Object value) {
        return value instanceof Registration.SecretValue secret ? secret.value() : value;
    }
}
