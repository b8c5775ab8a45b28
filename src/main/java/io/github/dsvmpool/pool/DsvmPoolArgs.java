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
    private final Optional<Output<String>> adminPassword;
    private final Output<List<String>> sshPublicKeys;
    private final Optional<Output<String>> resourceGroupName;

    private DsvmPoolArgs(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings is required");
        this.adminPassword = Optional.ofNullable(builder.adminPassword).map(Output::asSecret);
        this.sshPublicKeys = builder.sshPublicKeys;
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
    }

    /** The pool's plain settings: location, sizes, names, ranges, counts. */
    public PoolSettings settings() {
        return settings;
    }

    /**
     * The admin account's password, always handled as a secret; JupyterHub logs in with it. Empty (default): the
     * pool generates one with the random provider and exports it as its secret {@code adminPassword} output.
     */
    public Optional<Output<String>> adminPassword() {
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

        public Builder settings(PoolSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder adminPassword(Output<String> adminPassword) {
            this.adminPassword = adminPassword;
            return this;
        }

        /** The plain value is wrapped as a Pulumi secret. */
        public Builder adminPassword(String adminPassword) {
            return adminPassword(Output.ofSecret(adminPassword));
        }

        public Builder sshPublicKeys(Output<List<String>> sshPublicKeys) {
            this.sshPublicKeys = sshPublicKeys;
            return this;
        }

        public Builder sshPublicKeys(List<String> sshPublicKeys) {
            return sshPublicKeys(Output.of(List.copyOf(sshPublicKeys)));
        }

        public Builder resourceGroupName(Output<String> resourceGroupName) {
            this.resourceGroupName = resourceGroupName;
            return this;
        }

        public Builder resourceGroupName(String resourceGroupName) {
            return resourceGroupName(Output.of(resourceGroupName));
        }

        public DsvmPoolArgs build() {
            return new DsvmPoolArgs(this);
        }
    }
}
