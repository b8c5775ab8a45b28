package io.github.dsvmpool.plans.autoscale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure cost arithmetic over the weekly schedule. */
public final class CostEstimator {

    /** An average month: 365.25 days / 12 months / 7 days = about 4.348 weeks (leap years included). */
    public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

    private CostEstimator() {
    }

    public static CostEstimate estimate(List<ProfilePlan> plans, double pricePerVmHour, int shareQuotaGiB,
                                        double pricePerGiBMonth, int poolMaximum) {
        return estimate(plans, pricePerVmHour, shareQuotaGiB, pricePerGiBMonth, poolMaximum, Optional.empty());
    }

    /**
     * The weekly estimate, each fixed date's span, and with {@code from} the twelve months from that date (fixed
     * dates replace the weekly schedule while they last, nights and weekends included).
     */
    public static CostEstimate estimate(List<ProfilePlan> plans, double pricePerVmHour, int shareQuotaGiB,
                                        double pricePerGiBMonth, int poolMaximum, Optional<LocalDate> from) {
        return estimate(WeeklyHours.of(plans), pricePerVmHour, shareQuotaGiB, pricePerGiBMonth, poolMaximum,
                FixedDateHours.of(plans), from.map(date -> TwelveMonths.from(plans, date)));
    }

    public static CostEstimate estimate(WeeklyHours weekly, double pricePerVmHour, int shareQuotaGiB,
                                        double pricePerGiBMonth, int poolMaximum) {
        return estimate(weekly, pricePerVmHour, shareQuotaGiB, pricePerGiBMonth, poolMaximum, List.of(),
                Optional.empty());
    }

    private static CostEstimate estimate(WeeklyHours weekly, double pricePerVmHour, int shareQuotaGiB,
                                         double pricePerGiBMonth, int poolMaximum, List<FixedDateHours> fixedDates,
                                         Optional<TwelveMonths> twelveMonths) {
        requireNonNegative("pricePerVmHour", pricePerVmHour);
        requireNonNegative("pricePerGiBMonth", pricePerGiBMonth);
        requireNonNegative("shareQuotaGiB", shareQuotaGiB);
        requireNonNegative("poolMaximum", poolMaximum);
        List<ProfileCost> profiles = new ArrayList<>();
        for (ProfileHours hours : weekly.profiles()) {
            profiles.add(new ProfileCost(hours.profileName(), hours.hours(), hours.capacity(),
                    hours.floorInstanceHours(), hours.ceilingInstanceHours(),
                    monthly(hours.floorInstanceHours(), pricePerVmHour),
                    monthly(hours.ceilingInstanceHours(), pricePerVmHour)));
        }
        double floor = monthly(weekly.floorInstanceHours(), pricePerVmHour);
        double ceiling = monthly(weekly.ceilingInstanceHours(), pricePerVmHour);
        double alwaysOn = monthly((long) WeekGrid.HOURS_PER_WEEK * poolMaximum, pricePerVmHour);
        double share = shareQuotaGiB * pricePerGiBMonth;
        return new CostEstimate(profiles, pricePerVmHour, poolMaximum, weekly.floorInstanceHours(),
                weekly.ceilingInstanceHours(), floor, ceiling, shareQuotaGiB, pricePerGiBMonth, share, alwaysOn,
                alwaysOn - floor, percent(alwaysOn - floor, alwaysOn), alwaysOn - ceiling,
                percent(alwaysOn - ceiling, alwaysOn), fixedDates, twelveMonths);
    }

    private static double monthly(long instanceHoursPerWeek, double pricePerVmHour) {
        return instanceHoursPerWeek * WEEKS_PER_MONTH * pricePerVmHour;
    }

    private static double percent(double part, double whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /**
     * Refuses a price or count that is negative, not a number or infinite.
     *
     * @param name  the argument's name, for the message
     * @param value the value
     * @throws IllegalArgumentException naming the argument
     */
    public static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
