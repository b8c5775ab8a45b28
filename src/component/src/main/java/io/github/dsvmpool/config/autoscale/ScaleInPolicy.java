package io.github.dsvmpool.config.autoscale;

/** The scale set's {@code scaleInPolicy.rules} value; the constant names are the Azure spellings. */
public enum ScaleInPolicy {
    /** Azure's default: balance across zones and fault domains, then the highest instance id. */
    Default,
    /** The newest VMs go first, so the morning's warm floor stays (this project's default). */
    NewestVM,
    /** The oldest VMs go first. */
    OldestVM
}
