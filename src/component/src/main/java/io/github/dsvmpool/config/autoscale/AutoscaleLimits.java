package io.github.dsvmpool.config.autoscale;

/** Azure's limits for autoscale settings and the margins this project adds on top (see docs/autoscale.md). */
public final class AutoscaleLimits {

    /** Azure: at most 20 profiles in one autoscale setting. */
    public static final int MAX_PROFILES = 20;
    /** Azure: at most 10 rules per profile. */
    public static final int MAX_RULES_PER_PROFILE = 10;
    /** Azure: metric time window 5 minutes to 12 hours. */
    public static final int MIN_TIME_WINDOW_MINUTES = 5;
    public static final int MAX_TIME_WINDOW_MINUTES = 720;
    /** Azure: metric time grain 1 minute to 12 hours. */
    public static final int MIN_TIME_GRAIN_MINUTES = 1;
    public static final int MAX_TIME_GRAIN_MINUTES = 720;
    /** Azure: cooldown 1 minute to 1 week. */
    public static final int MIN_COOLDOWN_MINUTES = 1;
    public static final int MAX_COOLDOWN_MINUTES = 7 * 24 * 60;
    /** Azure: predictive look-ahead 1 to 60 minutes. */
    public static final int MIN_LOOK_AHEAD_MINUTES = 1;
    public static final int MAX_LOOK_AHEAD_MINUTES = 60;
    /** Azure: terminate notification {@code notBeforeTimeout} PT5M..PT15M. */
    public static final int MIN_TERMINATE_NOTIFICATION_MINUTES = 5;
    public static final int MAX_TERMINATE_NOTIFICATION_MINUTES = 15;
    /** Default warning before a VM is deleted: enough to save a notebook, short enough not to stall scale-in. */
    public static final int DEFAULT_TERMINATE_NOTIFICATION_MINUTES = 10;
    /**
     * This project: scale-out threshold minus scale-in threshold, in CPU percentage points. Azure skips a
     * scale-in whose projected load would trigger a scale-out (flapping protection); thresholds closer than this
     * make scale-in rare and erratic, and close thresholds make the pool grow and shrink on noise.
     */
    public static final int MIN_THRESHOLD_MARGIN = 20;
    /** Azure: a Uniform scale set holds at most 1000 instances (100 with a single placement group). */
    public static final int LARGEST_POOL = 1000;
    /** Generated profile names stay short and readable; Azure needs them unique within the setting. */
    public static final int MAX_NAME_LENGTH = 40;

    private AutoscaleLimits() {
    }
}
