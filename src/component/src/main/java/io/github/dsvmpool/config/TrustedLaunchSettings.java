package io.github.dsvmpool.config;

/**
 * Trusted Launch (Secure Boot and vTPM) on the pool's VMs ({@code trustedLaunch}, default true); decided by
 * {@code plans.TrustedLaunchPlan}.
 *
 * @param enabled false for an image or size that does not support it
 */
public record TrustedLaunchSettings(boolean enabled) {
}
