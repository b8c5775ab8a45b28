package io.github.dsvmpool.plans.autoscale;

import java.time.DayOfWeek;
import java.util.List;

/**
 * Azure's rule for recurrence profiles, simulated over one week: at each hour the active profile is the one
 * whose start is the most recent (wrapping around from Monday back to last Sunday). This is what Azure will
 * do with the planned starts; comparing it with {@link WeekGrid#intendedOwners} proves the plan right.
 */
public final class RecurrenceSimulator {

    private RecurrenceSimulator() {
    }

    /** For each hour of the week, the active recurrence profile; all null when there is no recurrence profile. */
    public static ProfilePlan[] activeProfiles(List<ProfilePlan> plans) {
        ProfilePlan[] startingAt = new ProfilePlan[WeekGrid.HOURS_PER_WEEK];
        boolean anyStart = false;
        for (ProfilePlan plan : plans) {
            if (!plan.isRecurring()) {
                continue;
            }
            RecurrenceStart start = plan.recurrence();
            if (start.minute() != 0) {
                throw new IllegalArgumentException("the week grid has whole hours only: " + plan.name());
            }
            for (DayOfWeek day : start.days()) {
                int hour = WeekGrid.hourOfWeek(day, start.hour());
                if (startingAt[hour] != null) {
                    throw new IllegalArgumentException("two profiles start at the same time: "
                            + startingAt[hour].name() + " and " + plan.name());
                }
                startingAt[hour] = plan;
                anyStart = true;
            }
        }
        ProfilePlan[] active = new ProfilePlan[WeekGrid.HOURS_PER_WEEK];
        if (!anyStart) {
            return active;
        }
        // The profile active at Monday 00:00 is the last one started in the week before.
        ProfilePlan current = null;
        for (int hour = WeekGrid.HOURS_PER_WEEK - 1; hour >= 0 && current == null; hour--) {
            current = startingAt[hour];
        }
        for (int hour = 0; hour < WeekGrid.HOURS_PER_WEEK; hour++) {
            if (startingAt[hour] != null) {
                current = startingAt[hour];
            }
            active[hour] = current;
        }
        return active;
    }
}
