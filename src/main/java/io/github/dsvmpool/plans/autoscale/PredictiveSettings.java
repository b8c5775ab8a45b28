package io.github.dsvmpool.plans.autoscale;

/** Predictive autoscale (CPU, scale-out only, needs 7 days of history before it acts). */
public record PredictiveSettings(PredictiveMode mode, int lookAheadMinutes) {

    /** A DSVM needs several minutes to boot, run the mount extension and start JupyterHub. */
    public static final int DEFAULT_LOOK_AHEAD_MINUTES = 30;

    public static PredictiveSettings defaults() {
        return new PredictiveSettings(PredictiveMode.Disabled, DEFAULT_LOOK_AHEAD_MINUTES);
    }
}
