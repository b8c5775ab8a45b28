package io.github.dsvmpool.config;

/**
 * Outbound access of the pool's VMs.
 *
 * @param type       how outbound is served; {@link OutboundType#AUTO} picks by the pool's size
 * @param portsPerVm SNAT ports each VM may use at the pool's maximum size: a multiple of 8, 8-64,000
 */
public record OutboundSettings(OutboundType type, int portsPerVm) {
}
