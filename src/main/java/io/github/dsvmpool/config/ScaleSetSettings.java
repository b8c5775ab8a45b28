package io.github.dsvmpool.config;

import java.util.Optional;

/** The VMs of the pool: size, image, admin account name and how many there may be. */
public record ScaleSetSettings(String vmSize, String computerNamePrefix, String adminUsername, ImageReference image,
                               Optional<PurchasePlan> plan, String osDiskType, String upgradeMode,
                               InstanceCounts instanceCounts) {
}
