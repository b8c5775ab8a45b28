package io.github.dsvmpool.config;

import java.util.Optional;

/**
 * The VMs of the pool: size, image, admin account name and how many there may be. {@code provisioningRevision}
 * is part of the provisioning extension's {@code forceUpdateTag}: changing it re-runs the extension on every
 * VM (e.g. after rotating the storage key by hand). {@code notebookIdleTimeoutMinutes} is the idle culler's
 * timeout (0 = off).
 */
public record ScaleSetSettings(String vmSize, String computerNamePrefix, String adminUsername, ImageReference image,
                               Optional<PurchasePlan> plan, String osDiskType, String upgradeMode,
                               InstanceCounts instanceCounts, String provisioningRevision,
                               int notebookIdleTimeoutMinutes) {
}
