package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.DayNames;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When an Azure recurrence profile starts: at {@code hour}:{@code minute} on each of {@code days}, in
 * {@code timeZone}. Azure has no end time: the profile lasts until the next profile starts.
 */
public record RecurrenceStart(String timeZone, Set<DayOfWeek> days, int hour, int minute) {

    /** Azure's {@code recurrence.frequency} for weekly schedules. */
    public static final String FREQUENCY = "Week";

    public RecurrenceStart {
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** {@code recurrence.schedule.days} as Azure spells them: Monday .. Sunday. */
    public List<String> azureDays() {
        return days.stream().map(DayNames::azure).toList();
    }

    /** {@code recurrence.schedule.hours}: one hour. */
    public List<Integer> hours() {
        return List.of(hour);
    }

    /** {@code recurrence.schedule.minutes}: one minute. */
    public List<Integer> minutes() {
        return List.of(minute);
    }
}
