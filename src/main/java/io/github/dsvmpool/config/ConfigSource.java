package io.github.dsvmpool.config;

import java.util.Optional;
import java.util.Set;

/** Raw stack configuration: values as strings, structured values as JSON text (as Pulumi hands them over). */
public interface ConfigSource {
    /** The value of {@code key} in the project's namespace, e.g. {@code maxInstanceCount}. */
    Optional<String> get(String key);

    /** Every key set in the project's namespace, when the source can list them; empty when it cannot. */
    default Optional<Set<String>> keys() {
        return Optional.empty();
    }
}
