package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.problems.InvalidConfigurationException;
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

    /**
     * The minimal configuration with {@code key} set to {@code value}, read by the stack reader, which must refuse it.
     *
     * @return the refusal
     */
    static InvalidConfigurationException refusedWith(String key, String value) {
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> StackConfiguration.read(minimal().with(key, value)), InvalidConfigurationException.class);
        org.assertj.core.api.Assertions.assertThat(error).as("%s = %s must be refused", key, value).isNotNull();
        return error;
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
