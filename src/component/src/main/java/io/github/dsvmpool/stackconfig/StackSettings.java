package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.config.PoolSettings;

import java.util.List;
import java.util.Optional;

/**
 * Everything one stack's configuration says, validated: the pool's settings plus its secrets.
 *
 * @param adminPassword the configured admin password; empty when the pool generates one
 */
public record StackSettings(String poolName, PoolSettings pool, Optional<SecretText> adminPassword, List<String> sshPublicKeys,
                            Optional<String> existingResourceGroupName) {
    public StackSettings {
        sshPublicKeys = List.copyOf(sshPublicKeys);
    }
}
