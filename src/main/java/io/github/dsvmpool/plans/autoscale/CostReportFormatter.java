package io.github.dsvmpool.plans.autoscale;

import java.util.Locale;

/** A plain-text cost table for terminals and pull-request comments. */
public final class CostReportFormatter {

    private CostReportFormatter() {
    }

    public static String format(CostEstimate estimate, String currency) {
        StringBuilder out = new StringBuilder();
        line(out, "Weekly schedule (recurrence profiles; fixed dates not included)");
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
        line(out, "Not included: OS disks, network, public IP, storage transactions, taxes and discounts.");
        return out.toString();
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
