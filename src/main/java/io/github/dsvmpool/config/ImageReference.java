package io.github.dsvmpool.config;

/** The marketplace image of the pool's VMs; {@code version} is {@code latest} or a pinned x.y.z. */
public record ImageReference(String publisher, String offer, String sku, String version) {
    /** The current Ubuntu 22.04 Data Science VM for Gen2 sizes. */
    public static final ImageReference UBUNTU_DSVM = new ImageReference("microsoft-dsvm", "ubuntu-2204", "2204-gen2",
            "latest");
}
