package io.github.dsvmpool.plans.autoscale;

/**
 * Spot priority for the pool's VMs.
 *
 * @param maxPrice {@link #PAY_UP_TO_ON_DEMAND} (-1) to be evicted only for capacity, never for price;
 *                 otherwise the highest price per VM hour in the billing currency
 */
public record SpotSettings(boolean enabled, double maxPrice) {

    public static final double PAY_UP_TO_ON_DEMAND = -1;

    public static SpotSettings defaults() {
        return new SpotSettings(false, PAY_UP_TO_ON_DEMAND);
    }
}
