package io.github.dsvmpool.config;

/**
 * Outbound access of the pool's VMs.
 *
 * @param type       how outbound is served; default {@link OutboundType#AUTO}, which picks by the pool's size
 * @param portsPerVm SNAT ports each VM may use at the pool's maximum size: a multiple of 8, 8-64,000; default
 *                   1024; refused when the pool would need more than 16 outbound addresses
 */
public record OutboundSettings(OutboundType type, int portsPerVm) {
}
