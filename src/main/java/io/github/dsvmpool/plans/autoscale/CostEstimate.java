package io.github.dsvmpool.plans.autoscale;

import java.util.List;

/**
 * What the schedule costs per month compared with running the whole pool around the clock. Compute only
 * covers VM hours (disks, network, public IP and storage transactions are not included).
 *
 * @param monthlyComputeFloor    every profile at its minimum (the schedule's certain cost)
 * @param monthlyComputeCeiling  every profile at its maximum (the worst case)
 * @param monthlyShare           the share at its full quota (an upper bound: standard shares bill used GiB)
 * @param monthlyAlwaysOnCompute poolMaximum VMs for every hour of the month
 * @param savingAtFloor          always-on minus floor; likewise at the ceiling
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
        double savingPercentAtCeiling) {

    public CostEstimate {
        profiles = List.copyOf(profiles);
    }

    public double monthlyTotalFloor() {
        return monthlyComputeFloor + monthlyShare;
    }

    public double monthlyTotalCeiling() {
        return monthlyComputeCeiling + monthlyShare;
    }
}
