package io.github.dsvmpool.config.autoscale;


import java.util.List;

/**
 * The team's autoscale configuration after parsing and defaulting (see docs/autoscale.md). Build one from code
 * with {@link WeekSchedule#builder()}, which applies the same defaults as a stack file.
 *
 * @param timeZone                     a Windows time zone ID as Azure expects it (IANA names are already
 *                                     translated); default {@code UTC}
 * @param workingHours                 the working profiles, in configuration order; together with the fixed
 *                                     dates and off hours at most 20 profiles
 * @param offHours                     the capacity outside every working profile; default 0 to 0
 * @param fixedDates                   dated exceptions, in configuration order; default none
 * @param cpu                          the CPU rules of every profile; default {@link CpuSettings#defaults()}
 * @param predictive                   predictive autoscale; default disabled
 * @param notifications                who hears about scale actions; default nobody
 * @param scaleInPolicy                which VMs go first on scale-in; default {@link ScaleInPolicy#NewestVM}
 * @param terminateNotificationMinutes 0 = off, else 5-15 minutes of warning before a VM is deleted; default 10,
 *                                     0 on Spot
 * @param spot                         Spot priority; default off
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

    /**
     * Copies the lists; validation is {@code AutoscaleSettingsValidator}'s job.
     *
     * @param timeZone                     see the record component {@code timeZone}
     * @param workingHours                 see the record component {@code workingHours}
     * @param offHours                     see the record component {@code offHours}
     * @param fixedDates                   see the record component {@code fixedDates}
     * @param cpu                          see the record component {@code cpu}
     * @param predictive                   see the record component {@code predictive}
     * @param notifications                see the record component {@code notifications}
     * @param scaleInPolicy                see the record component {@code scaleInPolicy}
     * @param terminateNotificationMinutes see the record component {@code terminateNotificationMinutes}
     * @param spot                         see the record component {@code spot}
     */
    public AutoscaleSettings {
        workingHours = List.copyOf(workingHours);
        fixedDates = List.copyOf(fixedDates);
    }
}
