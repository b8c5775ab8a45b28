package io.github.dsvmpool.plans.autoscale;

import java.util.List;

/**
 * The team's autoscale configuration after parsing and defaulting (see docs/autoscale.md).
 *
 * @param timeZone                     a Windows time zone ID as Azure expects it (IANA names are already translated)
 * @param workingHours                 the working profiles, in configuration order
 * @param offHours                     the capacity outside every working profile
 * @param fixedDates                   dated exceptions, in configuration order
 * @param terminateNotificationMinutes 0 = off, else 5-15 minutes of warning before a VM is deleted
 */
public record AutoscaleSettings(
        String timeZone,
        List<WorkingHours> workingHours,
        Capacity offHours,
        List<FixedDate> fixedDates,
        CpuSettings cpu,
        PredictiveSettings predictive,
        NotificationSettings notifications,
        ScaleInPolicy scaleInPolicy,
        int terminateNotificationMinutes,
        SpotSettings spot) {

    public AutoscaleSettings {
        workingHours = List.copyOf(workingHours);
        fixedDates = List.copyOf(fixedDates);
    }
}
