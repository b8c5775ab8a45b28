package io.github.dsvmpool.config;

import java.util.Optional;

/**
 * The VMs of the pool: size, image, admin account name and how many there may be. {@code provisioningRevision}
 * is part of the provisioning extension's {@code forceUpdateTag}: changing it re-runs the extension on every
 * VM (e.g. after rotating the storage key by hand). {@code notebookIdleTimeoutMinutes} is the idle culler's
 * timeout (0 = off).
 *
 * @param vmSize               an Azure VM size, default {@code Standard_D2s_v3}; the default image is Gen2
 * @param vmSizeUnlisted       true to use a size that the project's size list ({@code plans/VmSizes}) does not
 *                             know yet; its premium-storage support then comes from Azure's naming convention
 * @param computerNamePrefix   1-9 lowercase letters, digits, hyphens, starting with a letter; default {@code dsvm}
 * @param adminUsername        1-32 lowercase characters, not a name Azure reserves; default {@code dsadmin}
 * @param image                the marketplace image; default {@link ImageReference#UBUNTU_DSVM}
 * @param plan                 the purchase plan, only if the image needs one; default none
 * @param osDiskType           {@code Standard_LRS}, {@code StandardSSD_LRS} (default), {@code StandardSSD_ZRS},
 *                             {@code Premium_LRS} or {@code Premium_ZRS}
 * @param upgradeMode          {@code Automatic} (default) or {@code Manual}
 * @param instanceCounts       minimum, initial and maximum VMs; default 1, 1, 4
 * @param provisioningRevision 1-32 letters, digits, '.', '_', '-'; default {@code 1}
 * @param notebookIdleTimeoutMinutes minutes before an idle notebook server is stopped: 0 (off) or 10-10080;
 *                             default 60
 * @param sshPasswordLogin     SSH login with the admin password: empty (default) means on only when the pool has
 *                             no SSH public keys; true keeps it on; false turns it off (needs a key)
 */
public record ScaleSetSettings(String vmSize, boolean vmSizeUnlisted, String computerNamePrefix, String adminUsername, ImageReference image,
                               Optional<PurchasePlan> plan, String osDiskType, String upgradeMode,
                               InstanceCounts instanceCounts, String provisioningRevision,
                               int notebookIdleTimeoutMinutes, Optional<Boolean> sshPasswordLogin) {
}
