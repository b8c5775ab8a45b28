package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import io.github.dsvmpool.config.PoolSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link DsvmPool}. The plain {@link PoolSettings} decide the shape of the pool (they size ports and
 * subnets, so they must be known at construction); secrets and references to existing resources may be outputs.
 * Values given as plain values (the {@code String} and {@code List} overloads of the builder) are validated by the
 * component with the stack reader's rules; values given as outputs are not known in time and are not checked.
 */
public final class DsvmPoolArgs {
    private final PoolSettings settings;
    private final Optional<Output<String>> adminPassword;
    private final Output<List<String>> sshPublicKeys;
    private final Optional<Output<String>> resourceGroupName;
    private final PlainValues plain;
    private final Optional<ExistingNetwork> network;

    private DsvmPoolArgs(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings is required");
        this.adminPassword = Optional.ofNullable(builder.adminPassword).map(Output::asSecret);
        this.sshPublicKeys = builder.sshPublicKeys;
        this.resourceGroupName = Optional.ofNullable(builder.resourceGroupName);
        this.plain = builder.plain;
        this.network = Optional.ofNullable(builder.network);
    }

    /**
     * An existing subnet to join instead of declaring a virtual network and subnet; empty (default) declares
     * them from {@code addressSpace} and {@code subnetPrefix}.
     *
     * @return the subnet to join, if one was given
     */
    public Optional<ExistingNetwork> network() {
        return network;
    }

    /** The values given as plain values rather than outputs: the component validates these before any child. */
    PlainValues plain() {
        return plain;
    }

    /**
     * The pool's plain settings: location, sizes, names, ranges, counts.
     *
     * @return the settings; required
     */
    public PoolSettings settings() {
        return settings;
    }

    /**
     * The admin account's password, always handled as a secret; JupyterHub logs in with it. Empty (default): the
     * pool generates one with the random provider and exports it as its secret {@code adminPassword} output.
     *
     * @return the password as a secret output, if one was given
     */
    public Optional<Output<String>> adminPassword() {
        return adminPassword;
    }

    /**
     * OpenSSH public keys for the admin account, in addition to the password. Default: none.
     *
     * @return the keys
     */
    public Output<List<String>> sshPublicKeys() {
        return sshPublicKeys;
    }

    /**
     * An existing resource group to deploy into; empty (default) creates one for the pool.
     *
     * @return the group's name, if one was given
     */
    public Optional<Output<String>> resourceGroupName() {
        return resourceGroupName;
    }

    /**
     * Starts empty arguments: {@code settings} is required; without {@code adminPassword} the pool generates one.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the arguments; each method returns the builder. */
    public static final class Builder {
        private PoolSettings settings;
        private Output<String> adminPassword;
        private Output<List<String>> sshPublicKeys = Output.of(List.of());
        private Output<String> resourceGroupName;
        private PlainValues plain = PlainValues.NONE;
        private ExistingNetwork network;

        private Builder() {
        }

        /**
         * The pool's plain settings. Required.
         *
         * @param settings built with {@link PoolSettings#builder()}; validated by the component
         * @return this builder
         */
        public Builder settings(PoolSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * The admin password as an output (e.g. {@code config.requireSecret("adminPassword")}); marked secret.
         * Not checked by the component (its value is not known in time): Azure's rules apply (12-72 characters,
         * 3 of 4 character classes, not a well-known password). Default: none, and the pool generates one.
         *
         * @param adminPassword the password
         * @return this builder
         */
        public Builder adminPassword(Output<String> adminPassword) {
            this.adminPassword = adminPassword;
            plain = plain.withAdminPassword(Optional.empty());
            return this;
        }

        /**
         * The admin password as a plain value, wrapped as a Pulumi secret and checked by the component: 12-72
         * characters, 3 of lowercase, uppercase, digit and special character, no control characters, not a
         * well-known password. Default: none ({@code null}), and the pool generates one.
         *
         * @param adminPassword the password, or {@code null} to have one generated
         * @return this builder
         */
        public Builder adminPassword(String adminPassword) {
            if (adminPassword == null) {
                this.adminPassword = null;
                plain = plain.withAdminPassword(Optional.empty());
                return this;
            }
            adminPassword(Output.ofSecret(adminPassword));
            plain = plain.withAdminPassword(Optional.of(Optional.of(adminPassword)));
            return this;
        }

        /**
         * OpenSSH public keys for the admin account, as an output (not checked by the component). Default none.
         *
         * @param sshPublicKeys the keys
         * @return this builder
         */
        public Builder sshPublicKeys(Output<List<String>> sshPublicKeys) {
            this.sshPublicKeys = sshPublicKeys;
            plain = plain.withSshPublicKeys(Optional.empty());
            return this;
        }

        /**
         * OpenSSH public keys for the admin account, checked by the component: {@code ssh-rsa},
         * {@code ssh-ed25519} or {@code ecdsa-sha2-nistp256/384/521} lines. Default none.
         *
         * @param sshPublicKeys the keys, one per entry
         * @return this builder
         */
        public Builder sshPublicKeys(List<String> sshPublicKeys) {
            var keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sshPublicKeys));
            sshPublicKeys(Output.of(keys));
            plain = plain.withSshPublicKeys(Optional.of(keys));
            return this;
        }

        /**
         * An existing resource group to deploy into, as an output (e.g. another resource's name). Default: the
         * pool creates {@code <name>-rg}.
         *
         * @param resourceGroupName the group's name
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> resourceGroupName) {
            this.resourceGroupName = resourceGroupName;
            plain = plain.withResourceGroupName(Optional.empty());
            return this;
        }

        /**
         * An existing resource group to deploy into, checked by the component: 1-90 letters, digits, '_', '-',
         * '.', '(' or ')', not ending with '.'. Default: the pool creates {@code <name>-rg}.
         *
         * @param resourceGroupName the group's name
         * @return this builder
         */
        public Builder resourceGroupName(String resourceGroupName) {
            resourceGroupName(Output.of(resourceGroupName));
            plain = plain.withResourceGroupName(Optional.of(Optional.ofNullable(resourceGroupName)));
            return this;
        }

        /**
         * Joins an existing subnet (another pool's, or one managed elsewhere) instead of declaring a virtual
         * network and subnet; the settings' {@code addressSpace} and {@code subnetPrefix} are then not used.
         * Default: the pool declares its own network.
         *
         * @param network the subnet, {@code null} for the default
         * @return this builder
         */
        public Builder network(ExistingNetwork network) {
            this.network = network;
            return this;
        }

        /**
         * Builds the arguments.
         *
         * @return the arguments
         * @throws NullPointerException without {@code settings}
         */
        public DsvmPoolArgs build() {
            return new DsvmPoolArgs(this);
        }
    }
}
