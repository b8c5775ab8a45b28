package io.github.dsvmpool.config.autoscale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.dsvmpool.problems.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, path-aware access to one JSON object of the configuration. Every wrong value becomes a
 * {@link io.github.dsvmpool.problems.Problem} naming the full path, and the caller gets the default back so that
 * parsing continues and all problems are reported together.
 *
 * <p>Pulumi hands structured config to Java as JSON, but values set with {@code pulumi config set --path} may
 * arrive as strings ({@code "80"}, {@code "true"}), so numbers and booleans written as strings are accepted too.
 */
public final class ConfigObject {
    private final JsonObject object;
    private final String path;
    private final Problems problems;

    private ConfigObject(JsonObject object, String path, Problems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    /** Wraps {@code element}; null or JSON null means "all defaults"; anything but an object is a problem. */
    public static ConfigObject of(JsonElement element, String path, Problems problems) {
        if (element == null || element.isJsonNull()) {
            return new ConfigObject(new JsonObject(), path, problems);
        }
        if (!element.isJsonObject()) {
            problems.add(path, element.toString(), "an object with named settings (see docs/autoscale.md)");
            return new ConfigObject(new JsonObject(), path, problems);
        }
        return new ConfigObject(element.getAsJsonObject(), path, problems);
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    String path(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    /** Reports every key that is not in {@code known}: a typo must not silently fall back to a default. */
    public void rejectUnknownKeys(Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problems.add(path(key), shortText(object.get(key)),
                        "not a known setting here; known settings: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    ConfigObject object(String key) {
        return of(object.get(key), path(key), problems);
    }

    /** The elements of a list, or empty when absent; a non-list is a problem. */
    Optional<List<JsonElement>> list(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = object.get(key);
        if (!value.isJsonArray()) {
            problems.add(path(key), shortText(value), "a list");
            return Optional.of(List.of());
        }
        List<JsonElement> elements = new ArrayList<>();
        JsonArray array = value.getAsJsonArray();
        array.forEach(elements::add);
        return Optional.of(elements);
    }

    /** An integer within [min, max]; {@code allowed} describes the range for the user. */
    int integer(String key, int defaultValue, int min, int max, String allowed) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonElement value = object.get(key);
        Optional<Long> parsed = asLong(value);
        if (parsed.isEmpty() || parsed.get() < min || parsed.get() > max) {
            problems.add(path(key), shortText(value), allowed);
            return defaultValue;
        }
        return parsed.get().intValue();
    }

    /** An integer that holds a rule of the schedule's fields. */
    int integer(String key, int defaultValue, ScheduleFields.IntRule rule) {
        return integer(key, defaultValue, rule.min(), rule.max(), rule.allowed());
    }

    /** Like {@link #integer} but without a default: empty when absent or invalid (the problem is recorded). */
    public Optional<Integer> optionalInteger(String key, int min, int max, String allowed) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = object.get(key);
        Optional<Long> parsed = asLong(value);
        if (parsed.isEmpty() || parsed.get() < min || parsed.get() > max) {
            problems.add(path(key), shortText(value), allowed);
            return Optional.empty();
        }
        return Optional.of(parsed.get().intValue());
    }

    double number(String key, double defaultValue, String allowed) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonElement value = object.get(key);
        if (value.isJsonPrimitive()) {
            try {
                double parsed = Double.parseDouble(value.getAsString().trim());
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
        }
        problems.add(path(key), shortText(value), allowed);
        return defaultValue;
    }

    boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonElement value = object.get(key);
        if (value.isJsonPrimitive()) {
            String text = value.getAsString().trim();
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
        }
        problems.add(path(key), shortText(value), "true or false");
        return defaultValue;
    }

    /** A string, or empty when absent; a non-string (object, list) is a problem. */
    public Optional<String> string(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement value = object.get(key);
        if (value.isJsonPrimitive()) {
            return Optional.of(value.getAsString());
        }
        problems.add(path(key), shortText(value), "a text value");
        return Optional.empty();
    }

    static Optional<Long> asLong(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(primitive.getAsString().trim()));
        } catch (NumberFormatException notAnInteger) {
            // 8.0 is an integer written as a decimal; 8.5 is not.
            try {
                double asDouble = Double.parseDouble(primitive.getAsString().trim());
                if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 1e12) {
                    return Optional.of((long) asDouble);
                }
            } catch (NumberFormatException notANumber) {
                // fall through
            }
            return Optional.empty();
        }
    }

    /** The value as the user would recognise it, without JSON quotes for plain strings. */
    static String shortText(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
