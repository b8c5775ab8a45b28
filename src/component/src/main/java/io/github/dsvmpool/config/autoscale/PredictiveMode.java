package io.github.dsvmpool.config.autoscale;

/** Azure's {@code predictiveAutoscalePolicy.scaleMode}; the constant names are the Azure spellings. */
public enum PredictiveMode {
    /** No prediction (default). */
    Disabled,
    /** Forecasts are computed and shown, but do not scale. */
    ForecastOnly,
    /** Forecasts scale the pool out ahead of the load. */
    Enabled
}
