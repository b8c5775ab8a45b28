package io.github.dsvmpool.stackconfig;

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

    /**
     * Keys of the project's namespace whose values are secret ({@code pulumi config set --secret}): their values
     * are decrypted by the time the program sees them, so no message may show them.
     */
    default Set<String> secretKeys() {
        return Set.of();
    }

    /**
     * Every full key outside the project's namespace ({@code azure-native:location}, {@code dsvmpool:vmSize},
     * or a key with no namespace at all), when the source can list them; used to warn about near misses.
     */
    default Optional<Set<String>> otherKeys() {
        return Optional.empty();
    }
}
