package io.github.dsvmpool.config;

/**
 * Instance counts of the pool. {@code maximum} is structural: it sizes the NAT port ranges, the subnet and the
 * SNAT ports, so raising it changes the network; {@code minimum} may be 0 (scale to zero).
 */
public record InstanceCounts(int minimum, int initial, int maximum) {
}
