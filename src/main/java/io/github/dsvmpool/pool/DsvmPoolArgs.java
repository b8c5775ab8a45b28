package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import io.github.dsvmpool.config.PoolSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link DsvmPool}. The plain {@link PoolSettings} decide the shape of the pool (they size ports and
 * subnets, so they must be known at construction); secrets and references to existing resources may be outputs.
 */
public final class DsvmPoolArgs {
    private final PoolSettings settings;
    private final Output<String> adminPassword;
    private final Output<List<String>> sshPublicKeys;
    private final Optional<Output<String>> resourceGroupName;
    private final PlainValues plain;

    private DsvmPoolArgs(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings is required");
        this.adminPassword = Objects.requireNonNull(builder.adminPassword, "adminPassword is required").asSecret();
        this.sshPublicKeys = builder.sshPublicKeys;
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
        this.plain = builder.plain;
    }

    /** The values given as plain values rather than outputs: the component validates these before any child. */
    PlainValues plain() {
        return plain;
    }

    /** The pool's plain settings: location, sizes, names, ranges, counts. */
    public PoolSettings settings() {
        return settings;
    }

    /** The admin account's password, always handled as a secret; JupyterHub logs in with it. */
    public Output<String> adminPassword() {
        return adminPassword;
    }

    /** OpenSSH public keys for the admin account, in addition to the password. Default: none. */
    public Output<List<String>> sshPublicKeys() {
        return sshPublicKeys;
    }

    /** An existing resource group to deploy into; empty (default) creates one for the pool. */
    public Optional<Output<String>> resourceGroupName() {
        return resourceGroupName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private PoolSettings settings;
        private Output<String> adminPassword;
        private Output<List<String>> sshPublicKeys = Output.of(List.of());
        private Output<String> resourceGroupName;
        private PlainValues plain = PlainValues.NONE;

        public Builder settings(PoolSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder adminPassword(Output<String> adminPassword) {
            this.adminPassword = adminPassword;
            plain = plain.withAdminPassword(Optional.empty());
            return this;
        }

        /** The plain value is wrapped as a Pulumi secret. */
        public Builder adminPassword(String adminPassword) {
            adminPassword(Output.ofSecret(adminPassword));
            plain = plain.withAdminPassword(Optional.of(Optional.ofNullable(adminPassword)));
            return this;
        }

        public Builder sshPublicKeys(Output<List<String>> sshPublicKeys) {
            this.sshPublicKeys = sshPublicKeys;
            plain = plain.withSshPublicKeys(Optional.empty());
            return this;
        }

        public Builder sshPublicKeys(List<String> sshPublicKeys) {
            var keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sshPublicKeys));
            sshPublicKeys(Output.of(keys));
            plain = plain.withSshPublicKeys(Optional.of(keys));
            return this;
        }

        public Builder resourceGroupName(Output<String> resourceGroupName) {
            this.resourceGroupName = resourceGroupName;
            plain = plain.withResourceGroupName(Optional.empty());
            return this;
        }

        public Builder resourceGroupName(String resourceGroupName) {
            resourceGroupName(Output.of(resourceGroupName));
            plain = plain.withResourceGroupName(Optional.of(Optional.ofNullable(resourceGroupName)));
            return this;
        }

        public DsvmPoolArgs build() {
            return new DsvmPoolArgs(this);
        }
    }
}
