package io.github.dsvmpool.vm;

/** How a VM mounts the Azure Files share. */
public enum ShareProtocol {
    /** SMB 3.1.1 with the storage account key (standard and premium shares). */
    SMB,
    /** NFS 4.1 without a key, access by network rules (premium FileStorage shares only). */
    NFS;

    /**
     * The value of the mount script's {@code DSVM_PROTOCOL}.
     *
     * @return {@code smb} or {@code nfs}
     */
    public String scriptValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
