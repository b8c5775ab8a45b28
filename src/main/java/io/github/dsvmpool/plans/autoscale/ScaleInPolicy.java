package io.github.dsvmpool.plans.autoscale;

/** The scale set's {@code scaleInPolicy.rules} value; the constant names are the Azure spellings. */
public enum ScaleInPolicy {
    Default,
    NewestVM,
    OldestVM
}
