package io.github.dsvmpool.plans;

import java.util.Locale;

/**
 * Where the VMs get the SMB storage key: from a Key Vault (RBAC model) secret that a user-assigned identity
 * may read (role <i>Key Vault Secrets User</i>, granted before the scale set exists), through IMDS and the Key
 * Vault REST API at mount time; or, when {@code enabled} is false, from the extension's protectedSettings as
 * before. Pure: the component only wires. Sources: Learn "Azure Key Vault RBAC guide" (Key Vault Secrets User
 * {@value #SECRETS_USER_ROLE}), "How to use managed identities for Azure resources on an Azure VM to acquire an
 * access token" (IMDS, {@code client_id} for a user-assigned identity), Key Vault REST "Get Secret" (7.4).
 *
 * @param enabled              whether the Key Vault is declared (SMB only)
 * @param purgeProtection      on in production (irreversible: Azure accepts no false once set)
 * @param softDeleteDays       7-90 days a deleted vault is kept (and its name taken)
 * @param storageEndpointSuffix the cloud's storage suffix, which tells the Key Vault DNS suffix
 * @param restrictToSubnet     the vault's network rules deny everything but the pool's subnet and trusted services
 */
public record KeyVaultPlan(boolean enabled, boolean purgeProtection, int softDeleteDays,
                           String storageEndpointSuffix, boolean restrictToSubnet) {
    public static final String SECRET_NAME = "storage-key";
    /** Built-in role "Key Vault Secrets User": reads secret contents. */
    public static final String SECRETS_USER_ROLE = "4633458b-17de-408a-b874-0445c86b69e6";
    public static final String SKU = "standard";
    public static final int PRODUCTION_SOFT_DELETE_DAYS = 90;
    public static final int DEFAULT_SOFT_DELETE_DAYS = 7;

    /**
     * Where the VMs get the storage key.
     *
     * @param settings the pool's settings
     * @return the Key Vault plan (disabled when the key travels in the extension)
     */
    /**
     * Whether the pool keeps its storage key in Key Vault and the VMs read it there: Key Vault chosen and an SMB
     * share (an NFS share is reached without a key).
     *
     * @param settings the pool's settings
     * @return whether a vault holds the key
     */
    public static boolean holdsTheKey(io.github.dsvmpool.config.PoolSettings settings) {
        return of(settings).enabled() && settings.storage().protocol() == io.github.dsvmpool.vm.ShareProtocol.SMB;
    }

    public static KeyVaultPlan of(io.github.dsvmpool.config.PoolSettings settings) {
        boolean production = settings.production();
        return new KeyVaultPlan(settings.storage().keySource(production) == io.github.dsvmpool.config.StorageKeySource.KEY_VAULT,
                production, production ? PRODUCTION_SOFT_DELETE_DAYS : DEFAULT_SOFT_DELETE_DAYS,
                settings.storage().endpointSuffix(), settings.storage().restrictKeyVaultToSubnet());
    }

    /** {@code vault.azure.net} in the public cloud; the sovereign clouds' equivalents. */
    public String vaultDnsSuffix() {
        return switch (storageEndpointSuffix.toLowerCase(Locale.ROOT)) {
            case "core.chinacloudapi.cn" -> "vault.azure.cn";
            case "core.usgovcloudapi.net" -> "vault.usgovcloudapi.net";
            default -> "vault.azure.net";
        };
    }

    /**
     * The vault's data-plane address, e.g. {@code https://dsvmprodkv1a2b3c4d.vault.azure.net}.
     *
     * @param vaultName the vault's name ({@link GlobalNames#keyVaultName()})
     * @return the address
     */
    public String vaultUrl(String vaultName) {
        return "https://" + vaultName + "." + vaultDnsSuffix();
    }

    /** The token audience (IMDS {@code resource}) of that cloud's Key Vault. */
    public String tokenResource() {
        return "https://" + vaultDnsSuffix();
    }
}
