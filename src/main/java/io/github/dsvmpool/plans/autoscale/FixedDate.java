package io.github.dsvmpool.plans.autoscale;

import java.time.LocalDateTime;

/**
 * A dated exception to the weekly schedule (a holiday, a course week), in the schedule's time zone.
 * Azure evaluates fixed-date profiles before recurrence profiles, so this wins while it lasts.
 */
public record FixedDate(String name, LocalDateTime start, LocalDateTime end, Capacity capacity) {

    public boolean overlaps(FixedDate other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
