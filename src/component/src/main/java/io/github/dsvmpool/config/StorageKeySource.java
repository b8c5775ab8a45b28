package io.github.dsvmpool.config;

/** Where the VMs get the SMB storage key from. */
public enum StorageKeySource {
    /** In the CustomScript extension's protectedSettings (encrypted, never returned by Azure). */
    EXTENSION("extension"),
    /** Read at mount time from a Key Vault secret with a user-assigned identity. */
    KEY_VAULT("keyVault");

    private final String configValue;

    StorageKeySource(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String toString() {
        return configValue;
    }
}
