package io.github.dsvmpool.plans.autoscale;

/** Azure's {@code predictiveAutoscalePolicy.scaleMode}; the constant names are the Azure spellings. */
public enum PredictiveMode {
    Disabled,
    ForecastOnly,
    Enabled
}
