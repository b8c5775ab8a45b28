package io.github.dsvmpool.plans;

import java.util.Optional;

/**
 * The pool's globally unique Azure names: storage account, Key Vault and the public IP's DNS label. Each is
 * the configured name when one is given, else derived from the pool's name and a hash of the subscription,
 * project, stack and pool. The subscription is what makes a second team's deployment of the same stack files
 * (or a pool named alike) get other names: hashed from project, stack and pool alone, every clone computed
 * the same names and the second deploy failed with StorageAccountAlreadyTaken, VaultAlreadyExists or a DNS
 * label in use. The names stay stable across updates of one stack (a new account name would replace the
 * account and its data), and a stack re-created in the same subscription finds its retained share's account
 * again. Deploying one stack name twice into one subscription (two state backends) still needs distinct pool
 * names or explicit names.
 *
 * @param storageAccountName the storage account's name
 * @param keyVaultName       the Key Vault's name (used only when the pool has a vault)
 * @param dnsLabel           the pool entry's DNS label
 */
public record GlobalNames(String storageAccountName, String keyVaultName, String dnsLabel) {

    /** The configured names, each optional; what is missing is derived. */
    public record Configured(Optional<String> storageAccountName, Optional<String> keyVaultName,
                             Optional<String> dnsLabel) {
        /** Nothing configured: every name derived. */
        public static final Configured NONE = new Configured(Optional.empty(), Optional.empty(), Optional.empty());

        /**
         * The globally unique names the user configured (storage account, Key Vault, DNS label).
         *
         * @param settings the pool's settings
         * @return the configured names
         */
        public static Configured of(io.github.dsvmpool.config.PoolSettings settings) {
            return new Configured(settings.storage().accountName(), settings.storage().keyVaultName(),
                    settings.loadBalancer().dnsLabel());
        }
    }

    /**
     * The names of one pool in one deployment.
     *
     * @param poolName       the pool's (component's) name
     * @param project        the Pulumi project
     * @param stack          the Pulumi stack
     * @param subscriptionId the Azure subscription deployed to (from the provider's client configuration)
     * @param configured     names the user chose, which win
     * @return the names
     */
    public static GlobalNames of(String poolName, String project, String stack, String subscriptionId,
                                 Configured configured) {
        java.util.Objects.requireNonNull(subscriptionId, "the provider's client configuration has no subscriptionId"
                + " (in tests: answer azure-native:authorization:getClientConfig, e.g. with DsvmPoolMocks)");
        String seed = seed(poolName, project, stack, subscriptionId);
        return new GlobalNames(
                configured.storageAccountName().orElseGet(() -> AzureNames.storageAccountName(poolName, seed)),
                configured.keyVaultName().orElseGet(() -> AzureNames.keyVaultName(poolName, seed)),
                configured.dnsLabel().orElseGet(() -> AzureNames.dnsLabel(poolName, seed)));
    }

    /** What the hash covers; the subscription id is case-insensitive in Azure, so it is lowered. */
    static String seed(String poolName, String project, String stack, String subscriptionId) {
        return subscriptionId.toLowerCase(java.util.Locale.ROOT) + "/" + project + "/" + stack + "/" + poolName;
    }
}
