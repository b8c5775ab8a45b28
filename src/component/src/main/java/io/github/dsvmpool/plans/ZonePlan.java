package io.github.dsvmpool.plans;

import io.github.dsvmpool.problems.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the pool's VMs and public addresses sit among the region's availability zones. Pure.
 *
 * <p>The setting {@value #SETTING}: a list of zone numbers, or {@code none}. Left out, a production pool spans the
 * region's zones ({@link AvailabilityZones#ALL}) and any other pool uses none (cheaper to reason about, nothing to
 * balance). A zone-redundant resource can only be created in a region with availability zones (Azure update "Upcoming
 * changes to Standard Public IPs and Standard Load Balancers", 2020-08-31; Azure answers
 * {@code LocationNotSupportAvailabilityZones}: Azure/terraform-azurerm-loadbalancer issue 38).
 *
 * @param scaleSetZones the scale set's {@code zones}: empty (regional), one (zonal) or several (zone-spanning)
 * @param zoneBalance   strict balance across the zones; REST spec compute {@code virtualMachineScaleSet.json}
 *                      (zoneBalance): "can only be set if the zones property of the scale set contains more than
 *                      one zone", so true only then and otherwise left out
 * @param publicIpZones the Standard public IPs' {@code zones}: all of the region's (zone-redundant, Learn "Create
 *                      a public IP address using a Resource Manager template") whenever the VMs are in zones, so
 *                      the entry and the outbound addresses survive one zone's outage; empty otherwise
 */
public record ZonePlan(List<String> scaleSetZones, boolean zoneBalance, List<String> publicIpZones) {
    public static final String SETTING = "zones";
    /** The value that says "no zones" in a stack file ({@code zones: none}); an empty list says the same. */
    public static final String NONE = "none";
    public static final ZonePlan REGIONAL = new ZonePlan(List.of(), false, List.of());

    public ZonePlan {
        scaleSetZones = List.copyOf(scaleSetZones);
        publicIpZones = List.copyOf(publicIpZones);
    }

    /** Whether anything is placed in zones. */
    public boolean zonal() {
        return !scaleSetZones.isEmpty();
    }

    /**
     * The plan for a pool; invalid settings (which validation refuses) give the regional plan.
     *
     * @param location   the pool's region
     * @param production whether the pool is a production pool (zones by default)
     * @param configured the setting, if the stack sets it
     * @return where the scale set and public IPs go
     */
    /**
     * Where the pool's scale set and public IPs sit, defaults resolved.
     *
     * @param settings the pool's settings
     * @return the zone plan
     */
    public static ZonePlan of(io.github.dsvmpool.config.PoolSettings settings) {
        return of(settings.location(), settings.production(), settings.zones().zones());
    }

    public static ZonePlan of(String location, boolean production, Optional<List<String>> configured) {
        List<String> zones = configured.map(ZonePlan::normalized)
                .orElseGet(() -> production && AvailabilityZones.hasZones(location).orElse(false)
                        ? AvailabilityZones.ALL : List.of());
        if (zones.isEmpty() || !valid(zones)) {
            return REGIONAL;
        }
        return new ZonePlan(zones, zones.size() > 1, AvailabilityZones.ALL);
    }

    /**
     * Adds what is wrong with the zone setting for this region, naming the setting, the region and what is
     * allowed; a region the table does not know accepts an explicit list (Azure decides) but not the default.
     */
    public static void check(String location, boolean production, Optional<List<String>> configured,
                             Problems problems) {
        Optional<Boolean> regionHasZones = AvailabilityZones.hasZones(location);
        String whereZonesAre = "a region with availability zones such as " + AvailabilityZones.examples() + " ("
                + AvailabilityZones.SOURCE + ", read " + AvailabilityZones.READ + ")";
        if (configured.isPresent()) {
            List<String> zones = normalized(configured.get());
            if (!valid(zones)) {
                problems.add(SETTING, configured.get(), "zone numbers 1, 2 and 3, each once (e.g. [1, 2, 3]), or "
                        + NONE + " for no zones");
            } else if (!zones.isEmpty() && regionHasZones.equals(Optional.of(false))) {
                problems.add(SETTING, zones, NONE + ": region " + location + " has no availability zones; or "
                        + whereZonesAre);
            }
            return;
        }
        if (!production || regionHasZones.equals(Optional.of(true)) || location == null) {
            return;
        }
        String defaulted = "(production default: " + String.join(", ", AvailabilityZones.ALL) + ")";
        if (regionHasZones.isPresent()) {
            problems.add(SETTING, defaulted, NONE + " to run this production pool without zones: region " + location
                    + " has no availability zones; or " + whereZonesAre);
        } else {
            problems.add(SETTING, defaulted, "an explicit value: region " + location + " is not in the project's"
                    + " region table (" + AvailabilityZones.SOURCE + "); set " + NONE + ", or [1, 2, 3] if the"
                    + " region has availability zones");
        }
    }

    /** The list as given, with {@code none} (alone) meaning empty; entries trimmed. */
    static List<String> normalized(List<String> configured) {
        List<String> trimmed = configured.stream().map(zone -> zone == null ? "" : zone.trim()).toList();
        return trimmed.size() == 1 && trimmed.get(0).toLowerCase(Locale.ROOT).equals(NONE) ? List.of() : trimmed;
    }

    private static boolean valid(List<String> zones) {
        return zones.stream().allMatch(AvailabilityZones.ALL::contains) && new HashSet<>(zones).size() == zones.size();
    }
}
