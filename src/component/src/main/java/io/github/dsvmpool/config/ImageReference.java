package io.github.dsvmpool.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The image of the pool's VMs: a marketplace image, or an image of an Azure Compute Gallery (a newer Ubuntu
 * DSVM, or a team's own image built from one) when {@code galleryImageId} is set. DSVM marketplace versions are
 * kept 12 months, and the Ubuntu 22.04 DSVM offer will end (Azure Batch ends Ubuntu 22.04 images, microsoft-dsvm
 * among them, on 2027-06-30: Azure/Batch issue 200), so the image is configuration, not code.
 *
 * @param publisher      marketplace publisher, letters, digits, '.', '_', '-'; default {@code microsoft-dsvm}
 * @param offer          marketplace offer; default {@code ubuntu-2204}
 * @param sku            marketplace SKU; default {@code 2204-gen2} ({@code 2204} is the Gen1 image)
 * @param version        {@code latest} (default) or a pinned {@code x.y.z} (DSVM versions are kept 12 months)
 * @param galleryImageId an Azure Compute Gallery image definition (its latest version) or image version id;
 *                       when present it replaces the marketplace image
 */
public record ImageReference(String publisher, String offer, String sku, String version,
                             Optional<String> galleryImageId) {
    /** The current Ubuntu 22.04 Data Science VM for Gen2 sizes. */
    public static final ImageReference UBUNTU_DSVM = new ImageReference("microsoft-dsvm", "ubuntu-2204", "2204-gen2",
            "latest", Optional.empty());

    /**
     * The Windows Server 2022 Data Science VM, without a purchase plan (AZURE-NOTES "Windows pool": the AVM Bicep
     * AI-platform baseline deploys it without one).
     */
    public static final ImageReference WINDOWS_DSVM = new ImageReference("microsoft-dsvm", "dsvm-win-2022",
            "winserver-2022", "latest", Optional.empty());

    /**
     * The default image of an operating system: the values behind the catalog's "as {@code operatingSystem}"
     * defaults of {@code imageOffer} and {@code imageSku}.
     *
     * @param system the pool's operating system
     * @return {@link #UBUNTU_DSVM} or {@link #WINDOWS_DSVM}
     */
    public static ImageReference defaultFor(OperatingSystem system) {
        return system == OperatingSystem.WINDOWS ? WINDOWS_DSVM : UBUNTU_DSVM;
    }

    /**
     * An Azure Compute Gallery image id: {@code /subscriptions/<id>/resourceGroups/<group>/providers/
     * Microsoft.Compute/galleries/<gallery>/images/<definition>}, optionally {@code /versions/<x.y.z>}
     * (Learn "Create a scale set from a generalized image": imageReference.id).
     */
    public static final Pattern GALLERY_IMAGE_ID = Pattern.compile("/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/"
            + "[-\\w.()]{1,90}/providers/Microsoft\\.Compute/galleries/[A-Za-z0-9_.]{1,80}/images/[-\\w.]{1,80}"
            + "(/versions/\\d+\\.\\d+\\.\\d+)?", Pattern.CASE_INSENSITIVE);

    /**
     * A marketplace image.
     *
     * @param publisher marketplace publisher
     * @param offer     marketplace offer
     * @param sku       marketplace SKU
     * @param version   {@code latest} or a pinned version
     */
    public ImageReference(String publisher, String offer, String sku, String version) {
        this(publisher, offer, sku, version, Optional.empty());
    }

    /** The Ubuntu 22.04 Data Science VM's Gen1 SKU (AZURE-NOTES "Image and JupyterHub": {@code 2204} is Gen1). */
    public static final String UBUNTU_DSVM_GEN1_SKU = "2204";

    /**
     * The image's Hyper-V generation, where the reference tells it: a SKU naming {@code gen2} or {@code gen1}
     * (Azure's marketplace convention, e.g. {@code 2204-gen2}, {@code 22_04-lts-gen2}), or the DSVM offer's known
     * Gen1 SKU {@code 2204}. Empty for other SKUs and for gallery images: only Azure knows those (the image
     * definition's {@code hyperVGeneration}, read with {@code az vm image show} or {@code az sig image-definition
     * show}).
     *
     * @return 1 or 2 when known from the reference, else empty
     */
    public Optional<Integer> generation() {
        if (galleryImageId.isPresent() || sku == null) {
            return Optional.empty();
        }
        String lower = sku.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("gen2")) {
            return Optional.of(2);
        }
        boolean dsvmGen1 = UBUNTU_DSVM.publisher().equalsIgnoreCase(publisher) && UBUNTU_DSVM.offer().equalsIgnoreCase(offer)
                && UBUNTU_DSVM_GEN1_SKU.equals(lower);
        return lower.contains("gen1") || dsvmGen1 ? Optional.of(1) : Optional.empty();
    }

    /**
     * Whether the marketplace keys say something other than their defaults.
     *
     * @return true when publisher, offer, SKU or version differ from {@link #UBUNTU_DSVM}'s
     */
    public boolean marketplaceChanged() {
        return marketplaceChangedFrom(UBUNTU_DSVM);
    }

    /**
     * Whether the marketplace keys say something other than an operating system's defaults.
     *
     * @param defaults the defaults, {@link #defaultFor(OperatingSystem)}
     * @return true when publisher, offer, SKU or version differ from the defaults'
     */
    public boolean marketplaceChangedFrom(ImageReference defaults) {
        return !(publisher + offer + sku + version).equals(defaults.publisher() + defaults.offer()
                + defaults.sku() + defaults.version());
    }
}
