package io.github.dsvmpool.plans.autoscale;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Instance-hours over the twelve months from a date, fixed dates included: the weekly schedule hour by hour,
 * with each fixed date's part inside the window replacing what the week would have run. Fixed dates outside
 * the window (past, or more than a year ahead) do not count.
 *
 * @param fixedDates the fixed dates' parts inside the window (empty spans left out)
 */
public record TwelveMonths(LocalDate from, LocalDate to, double floorInstanceHours, double ceilingInstanceHours,
                           List<FixedDateHours> fixedDates) {

    public TwelveMonths {
        fixedDates = List.copyOf(fixedDates);
    }

    public static TwelveMonths from(List<ProfilePlan> plans, LocalDate from) {
        LocalDate to = from.plusMonths(12);
        ProfilePlan[] weekly = RecurrenceSimulator.activeProfiles(plans);
        double floor = 0;
        double ceiling = 0;
        LocalDateTime end = to.atStartOfDay();
        for (LocalDateTime hour = from.atStartOfDay(); hour.isBefore(end); hour = hour.plusHours(1)) {
            ProfilePlan owner = weekly[WeekGrid.hourOfWeek(hour.getDayOfWeek(), hour.getHour())];
            if (owner != null) {
                floor += owner.capacity().minimum();
                ceiling += owner.capacity().maximum();
            }
        }
        List<FixedDateHours> inside = new ArrayList<>();
        for (ProfilePlan plan : plans) {
            if (plan.isRecurring()) {
                continue;
            }
            FixedDateHours part = FixedDateHours.over(plan, weekly, from.atStartOfDay(), end);
            if (part.hours() > 0) {
                inside.add(part);
                floor += part.extraFloorInstanceHours();
                ceiling += part.extraCeilingInstanceHours();
            }
        }
        return new TwelveMonths(from, to, floor, ceiling, inside);
    }
}
