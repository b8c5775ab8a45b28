package io.github.dsvmpool.config;

import java.util.List;
import java.util.Optional;

/** Everything one stack's configuration says, validated: the pool's settings plus its secrets. */
public record StackSettings(String poolName, PoolSettings pool, SecretText adminPassword, List<String> sshPublicKeys,
                            Optional<String> existingResourceGroupName) {
    public StackSettings {
        sshPublicKeys = List.copyOf(sshPublicKeys);
    }
}
