package io.github.dsvmpool.config.autoscale;

/**
 * The CPU rules' thresholds, windows, steps and cooldowns, all in percent, minutes or instances.
 *
 * @param scaleOutAbovePercent    scale out when the average CPU is above this, 1-100; default 70
 * @param scaleInBelowPercent     scale in when it is below this, 0-99, at least 20 points under the scale-out
 *                                threshold; default 25
 * @param timeWindowMinutes       the averaging window, 5-720; default 10
 * @param timeGrainMinutes        the metric's grain, 1-720; default 1
 * @param scaleOutStep            VMs added per scale-out, 1-1000; default 1
 * @param scaleInStep             VMs removed per scale-in, 1-1000; default 1
 * @param scaleOutCooldownMinutes 1-10080; default 10
 * @param scaleInCooldownMinutes  1-10080; default 30
 */
public record CpuSettings(
        int scaleOutAbovePercent,
        int scaleInBelowPercent,
        int timeWindowMinutes,
        int timeGrainMinutes,
        int scaleOutStep,
        int scaleInStep,
        int scaleOutCooldownMinutes,
        int scaleInCooldownMinutes) {

    /** Default scale-out threshold, percent CPU. */
    public static final int DEFAULT_SCALE_OUT_ABOVE_PERCENT = 70;
    /** Default scale-in threshold, percent CPU. */
    public static final int DEFAULT_SCALE_IN_BELOW_PERCENT = 25;
    /** Default averaging window, minutes. */
    public static final int DEFAULT_TIME_WINDOW_MINUTES = 10;
    /** Default metric grain, minutes. */
    public static final int DEFAULT_TIME_GRAIN_MINUTES = 1;
    /** Default VMs per scale action. */
    public static final int DEFAULT_STEP = 1;
    /** Short: people are waiting for a seat when the pool is busy. */
    public static final int DEFAULT_SCALE_OUT_COOLDOWN_MINUTES = 10;
    /** Long: every scale-in deletes a VM somebody may be working on. */
    public static final int DEFAULT_SCALE_IN_COOLDOWN_MINUTES = 30;

    /**
     * The documented defaults.
     *
     * @return 70 % out, 25 % in, a 10-minute window of 1-minute grains, steps of 1, cooldowns 10 and 30 minutes
     */
    public static CpuSettings defaults() {
        return new CpuSettings(DEFAULT_SCALE_OUT_ABOVE_PERCENT, DEFAULT_SCALE_IN_BELOW_PERCENT,
                DEFAULT_TIME_WINDOW_MINUTES, DEFAULT_TIME_GRAIN_MINUTES, DEFAULT_STEP, DEFAULT_STEP,
                DEFAULT_SCALE_OUT_COOLDOWN_MINUTES, DEFAULT_SCALE_IN_COOLDOWN_MINUTES);
    }
}
