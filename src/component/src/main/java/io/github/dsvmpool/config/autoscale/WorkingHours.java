package io.github.dsvmpool.config.autoscale;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One working-hours profile as configured: on each of {@code days}, from {@code startHour}:00 until
 * {@code endHour}:00 (exclusive; 24 means midnight at the end of that day).
 *
 * @param name      1-40 lowercase letters, digits and hyphens, unique among the windows
 * @param days      at least one day; default Monday-Friday
 * @param startHour 0-23; default 8
 * @param endHour   1-24, after {@code startHour}; default 18
 * @param capacity  the counts while the window lasts; default 1 to {@code maxInstanceCount}
 */
public record WorkingHours(String name, Set<DayOfWeek> days, int startHour, int endHour, Capacity capacity) {

    /**
     * Keeps the days in Monday-to-Sunday order.
     *
     * @param name      see the record component {@code name}
     * @param days      see the record component {@code days}
     * @param startHour see the record component {@code startHour}
     * @param endHour   see the record component {@code endHour}
     * @param capacity  see the record component {@code capacity}
     */
    public WorkingHours {
        // An EnumSet keeps Monday..Sunday order, which keeps generated profiles readable and stable.
        days = Collections.unmodifiableSet(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    }

    /**
     * Whether an hour of the week belongs to this profile.
     *
     * @param day  the day
     * @param hour 0-23
     * @return true when the window covers it
     */
    public boolean covers(DayOfWeek day, int hour) {
        return days.contains(day) && hour >= startHour && hour < endHour;
    }
}
