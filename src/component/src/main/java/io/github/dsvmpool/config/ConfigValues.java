package io.github.dsvmpool.config;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parsers from raw configuration text to typed values; a parse failure becomes a {@link Problem}. */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** A parser: text in, value out, or empty with a problem recorded. */
    interface Parser<T> {
        Optional<T> parse(String key, String text, Problems problems);
    }

    static Optional<String> text(String key, String text, Problems problems) {
        return Optional.of(text.trim());
    }

    static Optional<Integer> integer(String key, String text, Problems problems) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            problems.add(key, text, "a whole number");
            return Optional.empty();
        }
    }

    static Optional<Boolean> bool(String key, String text, Problems problems) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems.add(key, text, "true or false");
                yield Optional.empty();
            }
        };
    }

    /**
     * A YAML list (handed over as a JSON array) or, for `pulumi config set`, a comma-separated string.
     *
     * @param key      the setting's key, for the problem
     * @param text     the value
     * @param problems where a problem goes
     * @return the strings, or empty with a problem
     */
    public static Optional<List<String>> stringList(String key, String text, Problems problems) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("[")) {
            return Optional.of(Arrays.stream(trimmed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        try {
            JsonArray array = JsonParser.parseString(trimmed).getAsJsonArray();
            var values = new ArrayList<String>();
            for (JsonElement element : array) {
                if (!element.isJsonPrimitive()) {
                    problems.add(key, text, "a list of strings");
                    return Optional.empty();
                }
                values.add(element.getAsString().trim());
            }
            return Optional.of(values);
        } catch (JsonParseException | IllegalStateException e) {
            problems.add(key, text, "a list of strings, e.g. [\"203.0.113.0/24\"]");
            return Optional.empty();
        }
    }

    /** A YAML map of strings, handed over as a JSON object. */
    static Optional<Map<String, String>> stringMap(String key, String text, Problems problems) {
        try {
            JsonObject object = JsonParser.parseString(text.trim()).getAsJsonObject();
            var values = new LinkedHashMap<String, String>();
            for (var entry : object.entrySet()) {
                if (!entry.getValue().isJsonPrimitive()) {
                    problems.add(key + "." + entry.getKey(), entry.getValue().toString(), "a string value");
                    continue;
                }
                values.put(entry.getKey(), entry.getValue().getAsString());
            }
            return Optional.of(values);
        } catch (JsonParseException | IllegalStateException e) {
            problems.add(key, text, "a map of names to strings, e.g. {costCenter: \"1234\"}");
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> Parser<E> enumeration(Class<E> type) {
        return (key, text, problems) -> {
            for (E constant : type.getEnumConstants()) {
                // toString() is the configuration spelling where it differs from the constant (natGateway).
                if (constant.name().equalsIgnoreCase(text.trim()) || constant.toString().equals(text.trim())) {
                    return Optional.of(constant);
                }
            }
            problems.add(key, text, "one of " + Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        };
    }
}
