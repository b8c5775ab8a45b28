package io.github.dsvmpool.pool;

import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@link DsvmPoolArgs} that were given as plain values: only these can be checked before any
 * child is declared (an {@code Output} is not known yet). Each is empty when the argument was not set or was
 * given as an output; the inner optional of the password and group is empty for an explicit {@code null}.
 */
record PlainValues(Optional<Optional<String>> adminPassword, Optional<List<String>> sshPublicKeys,
                   Optional<Optional<String>> resourceGroupName) {
    /** Nothing given: no keys is a known value (the builder's default), the rest are unset. */
    static final PlainValues NONE = new PlainValues(Optional.empty(), Optional.of(List.of()), Optional.empty());

    PlainValues withAdminPassword(Optional<Optional<String>> value) {
        return new PlainValues(value, sshPublicKeys, resourceGroupName);
    }

    PlainValues withSshPublicKeys(Optional<List<String>> value) {
        return new PlainValues(adminPassword, value, resourceGroupName);
    }

    PlainValues withResourceGroupName(Optional<Optional<String>> value) {
        return new PlainValues(adminPassword, sshPublicKeys, value);
    }
}
