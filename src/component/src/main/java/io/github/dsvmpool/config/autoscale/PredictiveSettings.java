package io.github.dsvmpool.config.autoscale;

/**
 * Predictive autoscale (CPU, scale-out only, needs 7 days of history before it acts).
 *
 * @param mode             default {@link PredictiveMode#Disabled}
 * @param lookAheadMinutes how early to scale out, 1-60; default 30
 */
public record PredictiveSettings(PredictiveMode mode, int lookAheadMinutes) {

    /** A DSVM needs several minutes to boot, run the mount extension and start JupyterHub. */
    public static final int DEFAULT_LOOK_AHEAD_MINUTES = 30;

    /**
     * The documented defaults.
     *
     * @return disabled, 30 minutes look-ahead
     */
    public static PredictiveSettings defaults() {
        return new PredictiveSettings(PredictiveMode.Disabled, DEFAULT_LOOK_AHEAD_MINUTES);
    }
}
