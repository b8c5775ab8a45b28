package io.github.dsvmpool.vm.windows;

/**
 * Non-secret arguments of the Windows provisioning script. The storage key, when there is no Key Vault, travels
 * separately ({@link WindowsProvisioningScript#renderWithKey}).
 *
 * @param storageAccountName    storage account name, e.g. {@code dsvmpoolfiles}
 * @param shareName             Azure Files share name, e.g. {@code dsvmshare}
 * @param storageEndpointSuffix storage endpoint suffix of the cloud, e.g. {@code core.windows.net}
 * @param driveLetter           the drive letter every user sees, one of D-Z (A-C are floppy and system drives)
 */
public record WindowsMountParameters(String storageAccountName, String shareName, String storageEndpointSuffix,
                                     String driveLetter) {}
