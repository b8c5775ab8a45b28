package io.github.dsvmpool.config;

/**
 * Instance counts of the pool. {@code maximum} is structural: it sizes the subnet and the outbound SNAT design
 * (the per-VM NAT ranges hold the scale set's limit whatever it is); {@code minimum} may be 0 (scale to zero).
 *
 * @param minimum the floor of the always-on profile without a schedule, 1-{@code maximum}; default 1
 * @param initial the capacity at creation: {@code minimum}-{@code maximum} without a schedule, 0-{@code maximum}
 *                with one; default 1
 * @param maximum 1-1000; default 4
 */
public record InstanceCounts(int minimum, int initial, int maximum) {
}
