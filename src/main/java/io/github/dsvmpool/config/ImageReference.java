package io.github.dsvmpool.config;

/**
 * The marketplace image of the pool's VMs.
 *
 * @param publisher marketplace publisher, letters, digits, '.', '_', '-'; default {@code microsoft-dsvm}
 * @param offer     marketplace offer; default {@code ubuntu-2204}
 * @param sku       marketplace SKU; default {@code 2204-gen2} ({@code 2204} is the Gen1 image)
 * @param version   {@code latest} (default) or a pinned {@code x.y.z} (DSVM versions are kept 12 months)
 */
public record ImageReference(String publisher, String offer, String sku, String version) {
    /** The current Ubuntu 22.04 Data Science VM for Gen2 sizes. */
    public static final ImageReference UBUNTU_DSVM = new ImageReference("microsoft-dsvm", "ubuntu-2204", "2204-gen2",
            "latest");
}
