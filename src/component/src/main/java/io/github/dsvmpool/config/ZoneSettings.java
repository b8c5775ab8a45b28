package io.github.dsvmpool.config;

import java.util.List;
import java.util.Optional;

/**
 * The availability zones of the pool's VMs ({@code zones}): empty means the default, the region's zones in
 * production and none elsewhere; a list of zone numbers ({@code 1}, {@code 2}, {@code 3}); an empty list or
 * {@code none} means no zones. Decided by {@code plans.ZonePlan}.
 *
 * @param zones the configured list, if any
 */
public record ZoneSettings(Optional<List<String>> zones) {
    public ZoneSettings {
        zones = zones.map(List::copyOf);
    }
}
