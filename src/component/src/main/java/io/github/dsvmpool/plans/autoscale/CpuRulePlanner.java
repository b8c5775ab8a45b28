package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.CpuSettings;

import java.util.List;

/** Turns {@link CpuSettings} into the two Azure rules a CPU-scaled profile carries. */
public final class CpuRulePlanner {

    private CpuRulePlanner() {
    }

    /** Scale-out and scale-in rules, or none when the profile's count cannot change. */
    public static List<CpuRulePlan> rules(CpuSettings cpu, Capacity capacity) {
        if (!capacity.scalesOnCpu()) {
            return List.of();
        }
        return List.of(
                rule(cpu, "GreaterThan", cpu.scaleOutAbovePercent(), "Increase", cpu.scaleOutStep(),
                        cpu.scaleOutCooldownMinutes()),
                rule(cpu, "LessThan", cpu.scaleInBelowPercent(), "Decrease", cpu.scaleInStep(),
                        cpu.scaleInCooldownMinutes()));
    }

    private static CpuRulePlan rule(CpuSettings cpu, String operator, int threshold, String direction, int step,
                                    int cooldownMinutes) {
        return new CpuRulePlan(CpuRulePlan.METRIC_NAME, CpuRulePlan.METRIC_NAMESPACE, "Average", "Average", operator,
                threshold, IsoDurations.minutes(cpu.timeGrainMinutes()), IsoDurations.minutes(cpu.timeWindowMinutes()),
                direction, "ChangeCount", step, IsoDurations.minutes(cooldownMinutes));
    }
}
