package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.WorkingHours;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;

/** The 168 hours of a week, Monday 00:00 = hour 0, in the schedule's own time zone. */
public final class WeekGrid {

    public static final int HOURS_PER_WEEK = 7 * 24;
    /** Owner value for hours outside every working profile. */
    public static final int OFF_HOURS = -1;

    private WeekGrid() {
    }

    public static int hourOfWeek(DayOfWeek day, int hourOfDay) {
        return (day.getValue() - 1) * 24 + hourOfDay;
    }

    public static DayOfWeek day(int hourOfWeek) {
        return DayOfWeek.of(hourOfWeek / 24 + 1);
    }

    public static int hourOfDay(int hourOfWeek) {
        return hourOfWeek % 24;
    }

    public static int previous(int hourOfWeek) {
        return (hourOfWeek + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK;
    }

    /**
     * The intended schedule, straight from the configuration: for each hour, the index of the working profile
     * that covers it, or {@link #OFF_HOURS}. On (invalid) overlaps the first profile wins.
     */
    public static int[] intendedOwners(List<WorkingHours> workingHours) {
        int[] owners = new int[HOURS_PER_WEEK];
        Arrays.fill(owners, OFF_HOURS);
        for (int hour = 0; hour < HOURS_PER_WEEK; hour++) {
            for (int index = 0; index < workingHours.size(); index++) {
                if (workingHours.get(index).covers(day(hour), hourOfDay(hour))) {
                    owners[hour] = index;
                    break;
                }
            }
        }
        return owners;
    }
}
