package io.github.dsvmpool.plans.autoscale;

import java.util.List;
import java.util.Optional;

/**
 * What the schedule costs per month compared with running the whole pool around the clock. Compute only
 * covers VM hours (disks, network, public IP and storage transactions are not included).
 *
 * @param monthlyComputeFloor    every profile at its minimum (the schedule's certain cost)
 * @param monthlyComputeCeiling  every profile at its maximum (the worst case)
 * @param monthlyShare           the share at its full quota (an upper bound: standard shares bill used GiB)
 * @param monthlyAlwaysOnCompute poolMaximum VMs for every hour of the month
 * @param savingAtFloor          always-on minus floor; likewise at the ceiling
 * @param fixedDates             each fixed date over its whole span: what it runs and what it adds to (or saves
 *                               on) the weekly schedule; not in the monthly figures, which are an average week
 * @param twelveMonths           the twelve months from a given date, weekly schedule and fixed dates together
 */
public record CostEstimate(
        List<ProfileCost> profiles,
        double pricePerVmHour,
        int poolMaximum,
        long weeklyFloorInstanceHours,
        long weeklyCeilingInstanceHours,
        double monthlyComputeFloor,
        double monthlyComputeCeiling,
        int shareQuotaGiB,
        double pricePerGiBMonth,
        double monthlyShare,
        double monthlyAlwaysOnCompute,
        double savingAtFloor,
        double savingPercentAtFloor,
        double savingAtCeiling,
        double savingPercentAtCeiling,
        List<FixedDateHours> fixedDates,
        Optional<TwelveMonths> twelveMonths) {

    public CostEstimate {
        profiles = List.copyOf(profiles);
        fixedDates = List.copyOf(fixedDates);
    }

    /** The compute cost of some instance-hours at this estimate's price. */
    public double compute(double instanceHours) {
        return instanceHours * pricePerVmHour;
    }

    public double monthlyTotalFloor() {
        return monthlyComputeFloor + monthlyShare;
    }

    public double monthlyTotalCeiling() {
        return monthlyComputeCeiling + monthlyShare;
    }
}
