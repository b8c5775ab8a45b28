package io.github.dsvmpool.plans.autoscale;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One working-hours profile as configured: on each of {@code days}, from {@code startHour}:00 until
 * {@code endHour}:00 (exclusive; 24 means midnight at the end of that day).
 */
public record WorkingHours(String name, Set<DayOfWeek> days, int startHour, int endHour, Capacity capacity) {

    public WorkingHours {
        // An EnumSet keeps Monday..Sunday order, which keeps generated profiles readable and stable.
        days = Collections.unmodifiableSet(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    }

    /** Whether the hour {@code hour} (0-23) of {@code day} belongs to this profile. */
    public boolean covers(DayOfWeek day, int hour) {
        return days.contains(day) && hour >= startHour && hour < endHour;
    }
}
