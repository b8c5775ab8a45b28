package io.github.dsvmpool.stackconfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Configuration from a map, for tests; lists its keys so that unknown keys are checked too. */
record MapConfigSource(Map<String, String> values) implements ConfigSource {
    static final String GOOD_PASSWORD = "Correct-Horse-Battery-9";

    /** The smallest valid configuration. */
    static MapConfigSource minimal() {
        return new MapConfigSource(Map.of("location", "westeurope", "allowedSourceRanges", "[\"203.0.113.0/24\"]",
                "adminPassword", GOOD_PASSWORD));
    }

    MapConfigSource with(String key, String value) {
        var copy = new HashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new MapConfigSource(copy);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Optional<Set<String>> keys() {
        return Optional.of(values.keySet());
    }
}
