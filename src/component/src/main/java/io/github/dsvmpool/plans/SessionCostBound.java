package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.PoolSettings;
import java.util.Optional;

/**
 * What session protection can cost at most beyond what autoscale alone would spend (docs/sessions.md, "What it
 * costs at most"): protection only keeps VMs autoscale would have removed, each for at most
 * {@code min(maxProtectedHours, hours from resumeHour to latestHour)} a day, and never past the latest hour. So a
 * day costs at most {@code maxInstanceCount x those hours x the price of one VM hour}.
 *
 * @param vms              the most VMs that can be kept: {@code maxInstanceCount}
 * @param hoursPerVmPerDay the most hours one VM can be kept a day
 */
public record SessionCostBound(int vms, int hoursPerVmPerDay) {
    /** An average month (365.25 / 12 days), as the cost estimate counts it. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    /**
     * @param pool the pool's settings
     * @return the bound, or empty when session protection is off
     */
    public static Optional<SessionCostBound> of(PoolSettings pool) {
        if (!pool.sessionProtectionEnabled()) {
            return Optional.empty();
        }
        var sessions = pool.sessions();
        int window = Math.floorMod(sessions.latestHour() - sessions.resumeHour(), 24);
        return Optional.of(new SessionCostBound(pool.scaleSet().instanceCounts().maximum(),
                Math.min(sessions.maxProtectedHours(), window)));
    }

    /** VM-hours a day at most. */
    public int vmHoursPerDay() {
        return vms * hoursPerVmPerDay;
    }

    /** At most this a day at {@code pricePerVmHour}. */
    public double perDay(double pricePerVmHour) {
        return vmHoursPerDay() * pricePerVmHour;
    }

    /** At most this in an average month. */
    public double perMonth(double pricePerVmHour) {
        return perDay(pricePerVmHour) * DAYS_PER_MONTH;
    }
}
