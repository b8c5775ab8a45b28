package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the engine's plain-Java input values: maps, lists, strings, booleans, longs and doubles, any of them
 * possibly wrapped in a {@link Registration.SecretValue}. Every accessor looks through secrets; callers must not
 * put what they read from a secret into a message (only key names and sizes).
 */
final class Values {

    private Values() {
    }

    static Object reveal(Object value) {
        Object current = value;
        while (current instanceof Registration.SecretValue secret) {
            current = secret.value();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return reveal(value) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return reveal(value) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key));
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        return list(parent.get(key));
    }

    static boolean has(Map<String, Object> parent, String key) {
        return parent.containsKey(key) && reveal(parent.get(key)) != null;
    }

    static Optional<String> string(Map<String, Object> parent, String key) {
        Object value = reveal(parent.get(key));
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    static String stringOr(Map<String, Object> parent, String key, String fallback) {
        return string(parent, key).orElse(fallback);
    }

    /** Whole numbers given as Long, Integer, a whole Double or a string of digits (autoscale capacities). */
    static Optional<Long> whole(Object raw) {
        Object value = reveal(raw);
        if (value instanceof Long number) {
            return Optional.of(number);
        }
        if (value instanceof Integer number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text && text.trim().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(text.trim()));
        }
        return Optional.empty();
    }

    static Optional<Long> whole(Map<String, Object> parent, String key) {
        return whole(parent.get(key));
    }

    static Optional<Boolean> bool(Map<String, Object> parent, String key) {
        Object value = reveal(parent.get(key));
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.empty();
    }

    static boolean isTrue(Map<String, Object> parent, String key) {
        return bool(parent, key).orElse(false);
    }

    static boolean equalsIgnoreCase(Optional<String> value, String expected) {
        return value.map(text -> text.equalsIgnoreCase(expected)).orElse(false);
    }

    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** The element's {@code name}, or its position when it has none. */
    static String nameOf(Map<String, Object> element, int index) {
        return string(element, "name").orElse("#" + index);
    }
}
