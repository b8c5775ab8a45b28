package io.github.dsvmpool.plans.autoscale;

/** The CPU rules' thresholds, windows, steps and cooldowns, all in percent, minutes or instances. */
public record CpuSettings(
        int scaleOutAbovePercent,
        int scaleInBelowPercent,
        int timeWindowMinutes,
        int timeGrainMinutes,
        int scaleOutStep,
        int scaleInStep,
        int scaleOutCooldownMinutes,
        int scaleInCooldownMinutes) {

    public static final int DEFAULT_SCALE_OUT_ABOVE_PERCENT = 70;
    public static final int DEFAULT_SCALE_IN_BELOW_PERCENT = 25;
    public static final int DEFAULT_TIME_WINDOW_MINUTES = 10;
    public static final int DEFAULT_TIME_GRAIN_MINUTES = 1;
    public static final int DEFAULT_STEP = 1;
    /** Short: people are waiting for a seat when the pool is busy. */
    public static final int DEFAULT_SCALE_OUT_COOLDOWN_MINUTES = 10;
    /** Long: every scale-in deletes a VM somebody may be working on. */
    public static final int DEFAULT_SCALE_IN_COOLDOWN_MINUTES = 30;

    public static CpuSettings defaults() {
        return new CpuSettings(DEFAULT_SCALE_OUT_ABOVE_PERCENT, DEFAULT_SCALE_IN_BELOW_PERCENT,
                DEFAULT_TIME_WINDOW_MINUTES, DEFAULT_TIME_GRAIN_MINUTES, DEFAULT_STEP, DEFAULT_STEP,
                DEFAULT_SCALE_OUT_COOLDOWN_MINUTES, DEFAULT_SCALE_IN_COOLDOWN_MINUTES);
    }
}
