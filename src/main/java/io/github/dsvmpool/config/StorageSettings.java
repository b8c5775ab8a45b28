package io.github.dsvmpool.config;

import io.github.dsvmpool.vm.ShareProtocol;
import java.util.Optional;

/**
 * The shared Azure Files workspace. {@code accountName} empty means one derived from the stack;
 * {@code restrictToSubnet} limits the account to the pool's subnet (service endpoint and network rules).
 */
public record StorageSettings(Optional<String> accountName, String sku, String shareName, int shareQuotaGiB,
                              ShareProtocol protocol, int softDeleteDays, String mountPoint, String endpointSuffix,
                              boolean restrictToSubnet, java.util.Optional<StorageKeySource> keySource,
                              java.util.Optional<String> keyVaultName) {

    /** Key Vault for SMB in production, the extension elsewhere; NFS needs no key. */
    public StorageKeySource keySource(boolean production) {
        return keySource.orElse(production && protocol == ShareProtocol.SMB ? StorageKeySource.KEY_VAULT
                : StorageKeySource.EXTENSION);
    }

    public boolean isPremium() {
        return sku.startsWith("Premium_");
    }
}
