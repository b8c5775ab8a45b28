package io.github.dsvmpool.config;

import io.github.dsvmpool.vm.ShareProtocol;
import java.util.Optional;

/**
 * The shared Azure Files workspace. {@code accountName} empty means one derived from the stack;
 * {@code restrictToSubnet} limits the account to the pool's subnet (service endpoint and network rules).
 *
 * @param accountName      3-24 lowercase letters and digits, globally unique; empty (default) derives
 *                         {@code <poolName letters><hash>}, stable for a stack and different between stacks
 * @param sku              {@code Standard_LRS} (default), {@code Standard_ZRS}, {@code Standard_GRS},
 *                         {@code Standard_RAGRS}, {@code Standard_GZRS}, {@code Standard_RAGZRS}, {@code Premium_LRS}
 *                         or {@code Premium_ZRS} (premium makes a FileStorage account)
 * @param shareName        3-63 lowercase letters, digits and single hyphens, not at the ends; default
 *                         {@code dsvmshare}
 * @param shareQuotaGiB    1-102400 GiB (premium: 100-102400); default 100
 * @param protocol         SMB (default) or NFS (needs a premium {@code sku})
 * @param softDeleteDays   1-365 days of share soft delete; default 14
 * @param mountPoint       absolute path of letters, digits, '.', '_', '-'; default {@code /datamnt/dsvmshare}
 * @param endpointSuffix   DNS suffix of the storage endpoints; default {@code core.windows.net}
 * @param restrictToSubnet storage network rules admit only the pool's subnet; default true
 * @param keySource        where the VMs get the SMB key: {@code extension} or {@code keyVault}; empty (default)
 *                         resolves by {@link #keySource(boolean)}
 * @param keyVaultName     the Key Vault's name when the key lives in one; empty (default) derives one
 * @param restrictKeyVaultToSubnet the Key Vault's network rules deny everything but the pool's subnet and
 *                         Azure's trusted services; default true
 */
public record StorageSettings(Optional<String> accountName, String sku, String shareName, int shareQuotaGiB,
                              ShareProtocol protocol, int softDeleteDays, String mountPoint, String endpointSuffix,
                              boolean restrictToSubnet, java.util.Optional<StorageKeySource> keySource,
                              java.util.Optional<String> keyVaultName, boolean restrictKeyVaultToSubnet) {

    /**
     * Where the VMs get the key: the configured source, else Key Vault for SMB in production and the extension
     * elsewhere; NFS needs no key.
     *
     * @param production whether the pool is a production pool
     * @return the resolved source
     */
    public StorageKeySource keySource(boolean production) {
        return keySource.orElse(production && protocol == ShareProtocol.SMB ? StorageKeySource.KEY_VAULT
                : StorageKeySource.EXTENSION);
    }

    /**
     * Whether the account is a premium FileStorage account.
     *
     * @return true for the {@code Premium_*} SKUs
     */
    public boolean isPremium() {
        return sku.startsWith("Premium_");
    }
}
