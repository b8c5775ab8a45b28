package io.github.dsvmpool.config.autoscale;

import java.time.LocalDateTime;

/**
 * A dated exception to the weekly schedule (a holiday, a course week), in the schedule's time zone.
 * Azure evaluates fixed-date profiles before recurrence profiles, so this wins while it lasts.
 *
 * @param name     1-40 lowercase letters, digits and hyphens, unique among the fixed dates
 * @param start    the first moment, in the schedule's time zone
 * @param end      the end, after {@code start}; fixed dates do not overlap
 * @param capacity the counts while it lasts; default 0 to 0 (closed)
 */
public record FixedDate(String name, LocalDateTime start, LocalDateTime end, Capacity capacity) {

    /**
     * Whether the two share any moment.
     *
     * @param other another fixed date
     * @return true when they overlap
     */
    public boolean overlaps(FixedDate other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
