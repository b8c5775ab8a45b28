package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.ImageReference;
import io.github.dsvmpool.problems.Problems;

/**
 * The scale set's {@code virtualMachineProfile.securityProfile}: Trusted Launch (Secure Boot and vTPM) on Gen2
 * images and sizes. Pure. Learn "Trusted Launch for Azure virtual machines": Trusted Launch improves Generation 2
 * VMs, costs nothing extra, and is declared as {@code securityType: TrustedLaunch} with
 * {@code uefiSettings.secureBootEnabled} and {@code vTpmEnabled}; Learn "Enable Trusted launch on existing Uniform
 * scale set": an existing Uniform scale set takes it in place (instances follow when upgraded).
 *
 * @param enabled    whether the securityProfile is declared (setting {@value #SETTING}, default true)
 * @param secureBoot Secure Boot: off on GPU sizes, whose NVIDIA drivers Secure Boot would refuse to load (the GRID
 *                   driver needs it off on Linux; CUDA on a Secure Boot Ubuntu needs extra signing steps: Learn
 *                   "Trusted Launch for Azure virtual machines", note under "Virtual machines sizes")
 * @param vTpm       the virtual TPM (measured boot, attestation): on whenever Trusted Launch is
 */
public record TrustedLaunchPlan(boolean enabled, boolean secureBoot, boolean vTpm) {
    public static final String SETTING = "trustedLaunch";
    public static final String SECURITY_TYPE = "TrustedLaunch";
    public static final TrustedLaunchPlan OFF = new TrustedLaunchPlan(false, false, false);

    /** The plan for the setting and the VMs' size. */
    /**
     * Trusted Launch for the pool's VM size.
     *
     * @param settings the pool's settings
     * @return the securityProfile decisions
     */
    public static TrustedLaunchPlan of(io.github.dsvmpool.config.PoolSettings settings) {
        return of(settings.trustedLaunch().enabled(), settings.scaleSet().vmSize());
    }

    public static TrustedLaunchPlan of(boolean trustedLaunch, String vmSize) {
        return trustedLaunch ? new TrustedLaunchPlan(true, !VmSizes.gpu(vmSize), true) : OFF;
    }

    /**
     * Adds a problem where Azure would refuse Trusted Launch, checked up front: a listed size outside Learn's
     * Trusted Launch sizes ("The VM size ... is not supported for creation of VMs and Virtual Machine Scale Set
     * with 'TrustedLaunch' security type", Azure/azure-cli issue 28005), or a Generation 1 image ("Use of
     * TrustedLaunch setting is not supported for the provided image", same issue; Azure/azure-cli issue 17599).
     * Unlisted sizes, marketplace SKUs that do not name their generation and gallery images cannot be judged
     * offline: Azure answers at deployment (a gallery image may even require Trusted Launch).
     */
    public static void check(boolean trustedLaunch, String vmSize, ImageReference image, Problems problems) {
        if (!trustedLaunch) {
            return;
        }
        VmSizes.find(vmSize).filter(size -> !size.trustedLaunch()).ifPresent(size -> problems.add(SETTING, true,
                "false for vmSize " + size.name() + ", which Trusted Launch does not support (Gen2 sizes of the"
                        + " families Learn \"Trusted Launch for Azure virtual machines\" lists; see "
                        + VmSizes.LIST_PATH + "); or a size that supports it, such as "
                        + VmSizes.trustedLaunchExamples()));
        image.generation().filter(generation -> generation == 1).ifPresent(generation -> problems.add(SETTING, true,
                "false for imageSku " + image.sku() + ", a Generation 1 image (Trusted Launch needs Gen2); or the"
                        + " Gen2 image, e.g. imageSku " + ImageReference.UBUNTU_DSVM.sku()));
    }
}
