package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;

import java.util.Locale;

/** A plain-text cost table for terminals and pull-request comments. */
public final class CostReportFormatter {

    private CostReportFormatter() {
    }

    public static String format(CostEstimate estimate, String currency) {
        StringBuilder out = new StringBuilder();
        line(out, "Weekly schedule (recurrence profiles: an average week; fixed dates are below)");
        line(out, String.format(Locale.ROOT, "%-28s %6s %13s %10s %10s %12s %12s", "profile", "h/week", "min/def/max",
                "VMh floor", "VMh ceil", "month floor", "month ceil"));
        for (ProfileCost profile : estimate.profiles()) {
            Capacity capacity = profile.capacity();
            line(out, String.format(Locale.ROOT, "%-28s %6d %13s %10d %10d %12s %12s", profile.profileName(),
                    profile.hoursPerWeek(),
                    capacity.minimum() + "/" + capacity.defaultCount() + "/" + capacity.maximum(),
                    profile.floorInstanceHoursPerWeek(), profile.ceilingInstanceHoursPerWeek(),
                    money(profile.monthlyFloorCost()), money(profile.monthlyCeilingCost())));
        }
        line(out, String.format(Locale.ROOT, "%-28s %6d %13s %10d %10d %12s %12s", "total",
                estimate.profiles().stream().mapToInt(ProfileCost::hoursPerWeek).sum(), "",
                estimate.weeklyFloorInstanceHours(), estimate.weeklyCeilingInstanceHours(),
                money(estimate.monthlyComputeFloor()), money(estimate.monthlyComputeCeiling())));
        fixedDates(out, estimate, currency);
        line(out, "");
        line(out, String.format(Locale.ROOT, "Prices: %s %s per VM hour, %s %s per GiB-month; a month is %.4f weeks"
                        + " (365.25 / 12 / 7)", price(estimate.pricePerVmHour()), currency,
                price(estimate.pricePerGiBMonth()), currency, CostEstimator.WEEKS_PER_MONTH));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s", "Compute per month, at the floor", money(estimate.monthlyComputeFloor()), currency));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s", "Compute per month, at the ceiling", money(estimate.monthlyComputeCeiling()), currency));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s", "Share per month (" + estimate.shareQuotaGiB() + " GiB quota)", money(estimate.monthlyShare()), currency));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s", "Always on (" + estimate.poolMaximum() + " VMs, 24x7)", money(estimate.monthlyAlwaysOnCompute()), currency));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s (%.1f%%)", "Saving vs always on, at the floor",
                money(estimate.savingAtFloor()), currency, estimate.savingPercentAtFloor()));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s (%.1f%%)", "Saving vs always on, at the ceiling",
                money(estimate.savingAtCeiling()), currency, estimate.savingPercentAtCeiling()));
        estimate.twelveMonths().ifPresent(year -> {
            line(out, String.format(Locale.ROOT, "%-50s %12s %s", "Compute " + year.from() + " to " + year.to()
                    + ", at the floor", money(estimate.compute(year.floorInstanceHours())), currency));
            line(out, String.format(Locale.ROOT, "%-50s %12s %s", "Compute " + year.from() + " to " + year.to()
                    + ", at the ceiling", money(estimate.compute(year.ceilingInstanceHours())), currency));
            line(out, "  (the weekly schedule hour by hour, " + (year.fixedDates().isEmpty() ? "no fixed date inside"
                    : "with the fixed dates inside: " + String.join(", ", year.fixedDates().stream()
                            .map(FixedDateHours::name).toList())) + ")");
        });
        line(out, "Not included: OS disks, network, public IP, storage transactions, taxes and discounts.");
        return out.toString();
    }

    /**
     * The monitoring lines: logs at the floor and ceiling, alert rules, and the total; an estimate (the ingestion per
     * VM hour is assumed, docs/costs-and-sizes.md).
     */
    public static String formatMonitoring(MonitoringCost cost, String currency) {
        StringBuilder out = new StringBuilder();
        line(out, String.format(Locale.ROOT, "Monitoring (estimate): logs %.2f-%.2f GB a month at %s %s per GB,"
                        + " %d log alert rules at %s %s a month", cost.gigabytesFloor(), cost.gigabytesCeiling(),
                price(cost.pricePerGigabyte()), currency, cost.alertRules(), price(cost.pricePerRule()), currency));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s", "Monitoring per month, at the floor",
                money(cost.monthlyFloor()), currency));
        line(out, String.format(Locale.ROOT, "%-44s %12s %s", "Monitoring per month, at the ceiling",
                money(cost.monthlyCeiling()), currency));
        return out.toString();
    }

    /**
     * Each fixed date over its whole span: Azure applies only one profile at a time and fixed dates win, so the
     * span runs at the fixed date's counts day and night; "vs week" is what that adds to (or saves on) the
     * weekly schedule it replaces.
     */
    private static void fixedDates(StringBuilder out, CostEstimate estimate, String currency) {
        if (estimate.fixedDates().isEmpty()) {
            return;
        }
        line(out, "");
        line(out, "Fixed dates (each replaces the weekly schedule for its whole span, nights and weekends included)");
        line(out, String.format(Locale.ROOT, "%-20s %6s %11s %9s %9s %12s %12s %8s", "fixed date", "hours",
                "min/def/max", "VMh floor", "VMh ceil", "vs week min", "vs week max", "h off-wk"));
        for (FixedDateHours fixed : estimate.fixedDates()) {
            Capacity capacity = fixed.capacity();
            line(out, String.format(Locale.ROOT, "%-20s %6.1f %11s %9.1f %9.1f %12s %12s %8.1f",
                    fixed.name(), fixed.hours(),
                    capacity.minimum() + "/" + capacity.defaultCount() + "/" + capacity.maximum(),
                    fixed.floorInstanceHours(), fixed.ceilingInstanceHours(),
                    signed(estimate.compute(fixed.extraFloorInstanceHours())),
                    signed(estimate.compute(fixed.extraCeilingInstanceHours())), fixed.hoursOutsideWorkingHours()));
            line(out, "  " + fixed.start() + " to " + fixed.end());
        }
        line(out, "  vs week: " + currency + " the fixed date adds (+) or saves (-) against the weekly schedule's");
        line(out, "  minimums / maximums over the same span; h off-wk: its hours that the week leaves to off hours");
    }

    private static String signed(double amount) {
        return (amount > 0 ? "+" : "") + money(amount);
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** Unit prices keep their precision: 0.096 per hour is not 0.10. */
    private static String price(double amount) {
        return java.math.BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
