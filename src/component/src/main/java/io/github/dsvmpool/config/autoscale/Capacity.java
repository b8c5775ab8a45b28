package io.github.dsvmpool.config.autoscale;

/**
 * Instance counts of one autoscale profile, as Azure's {@code capacity} block wants them: each 0-1000, with
 * {@code minimum <= defaultCount <= maximum <= maxInstanceCount}.
 *
 * @param minimum      the floor; autoscale never goes below it while the profile is active
 * @param defaultCount the count Azure sets when it cannot read the metric (e.g. at zero instances)
 *                     and the current count is lower; {@code default} is a Java keyword
 * @param maximum      the ceiling CPU rules may scale out to
 */
public record Capacity(int minimum, int defaultCount, int maximum) {

    /**
     * Whether CPU rules could change the count at all: with minimum == maximum there is nothing to decide.
     *
     * @return {@code maximum > minimum}
     */
    public boolean scalesOnCpu() {
        return maximum > minimum;
    }
}
