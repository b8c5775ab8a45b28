package io.github.dsvmpool.vm;

/**
 * Non-secret arguments of the mount script. The storage account key travels separately (see
 * {@link MountScript#render(MountParameters, String)}) so that it never reaches a hash, a log or a visible
 * setting.
 *
 * @param storageAccountName    storage account name, e.g. {@code dsvmpoolfiles}
 * @param shareName             Azure Files share name, e.g. {@code dsvmshare}
 * @param mountPoint            absolute mount point on the VM, e.g. {@code /datamnt/dsvmshare}
 * @param storageEndpointSuffix storage endpoint suffix of the cloud, e.g. {@code core.windows.net}
 * @param adminUsername         the VM's admin user
 * @param protocol              SMB (with key) or NFS (without)
 */
public record MountParameters(String storageAccountName, String shareName, String mountPoint,
                              String storageEndpointSuffix, String adminUsername, ShareProtocol protocol) {}
