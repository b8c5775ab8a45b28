package io.github.dsvmpool.config.autoscale;

/**
 * Spot priority for the pool's VMs.
 *
 * @param enabled  Spot VMs (eviction policy Delete); default false
 * @param maxPrice {@link #PAY_UP_TO_ON_DEMAND} (-1, default) to be evicted only for capacity, never for price;
 *                 otherwise the highest price per VM hour in the billing currency
 */
public record SpotSettings(boolean enabled, double maxPrice) {

    /** The {@code maxPrice} that pays up to the on-demand price. */
    public static final double PAY_UP_TO_ON_DEMAND = -1;

    /**
     * The documented defaults.
     *
     * @return on-demand VMs
     */
    public static SpotSettings defaults() {
        return new SpotSettings(false, PAY_UP_TO_ON_DEMAND);
    }
}
