package io.github.dsvmpool.plans;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which Azure regions have availability zones: a dated table of the public cloud's regions, by programmatic
 * name. Source: Microsoft Learn "Azure regions list" (MicrosoftDocs/reliability-docs
 * {@code articles/reliability/regions-list.md}, ms.date 2025-09-23, read 2026-12-02), its "Availability zone
 * support" column. Regions marked "coming soon" there are left out of both lists, as are sovereign clouds: a region
 * this table does not know is neither allowed nor refused here (the stack must say what it wants).
 *
 * <p>Learn "Create a Virtual Machine Scale Set that uses Availability Zones": a region with availability zones has at
 * least three, numbered {@code "1"}, {@code "2"}, {@code "3"} in ARM's {@code zones} lists.
 */
public final class AvailabilityZones {
    public static final String SOURCE = "Microsoft Learn \"Azure regions list\" (2025-09-23)";
    public static final String READ = "2026-12-02";
    /** The zones a region with availability zones offers every subscription. */
    public static final List<String> ALL = List.of("1", "2", "3");

    static final Set<String> WITH_ZONES = Set.of(
            "australiaeast", "austriaeast", "belgiumcentral", "brazilsouth", "canadacentral", "centralindia",
            "centralus", "chilecentral", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral",
            "indonesiacentral", "israelcentral", "italynorth", "japaneast", "japanwest", "koreacentral",
            "malaysiawest", "mexicocentral", "newzealandnorth", "northeurope", "norwayeast", "polandcentral",
            "qatarcentral", "southafricanorth", "southcentralus", "southeastasia", "spaincentral", "swedencentral",
            "switzerlandnorth", "uaenorth", "uksouth", "westeurope", "westus2", "westus3");

    static final Set<String> WITHOUT_ZONES = Set.of(
            "australiacentral", "australiacentral2", "australiasoutheast", "brazilsoutheast", "canadaeast",
            "francesouth", "germanynorth", "koreasouth", "northcentralus", "norwaywest", "southafricawest",
            "southindia", "switzerlandwest", "uaecentral", "ukwest", "westcentralus", "westindia", "westus");

    private AvailabilityZones() {
    }

    /**
     * Whether the region has availability zones.
     *
     * @param region a programmatic region name such as {@code westeurope} (case-insensitive)
     * @return true or false when the table knows the region, empty when it does not
     */
    public static Optional<Boolean> hasZones(String region) {
        if (region == null) {
            return Optional.empty();
        }
        String name = region.toLowerCase(Locale.ROOT);
        if (WITH_ZONES.contains(name)) {
            return Optional.of(true);
        }
        return WITHOUT_ZONES.contains(name) ? Optional.of(false) : Optional.empty();
    }

    /** A few regions with zones, for messages. */
    public static String examples() {
        return "westeurope, northeurope, swedencentral, eastus2, uksouth";
    }
}
