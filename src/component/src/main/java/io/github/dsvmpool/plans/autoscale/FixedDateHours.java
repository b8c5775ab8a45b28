package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fixed-date profile does to the pool while it lasts. Azure evaluates fixed-date profiles first and
 * only one profile applies at a time (Learn {@code autoscale-multiprofile.md}), so for its whole span the fixed
 * date's counts replace the weekly schedule's, nights and weekends included.
 *
 * <p>Counted in the schedule's local wall-clock time, minute by minute (a fixed date may start at 07:30); a
 * daylight-saving change inside a span makes the real span one hour shorter or longer than counted.
 *
 * @param hours                       the span in hours
 * @param floorInstanceHours          hours x the fixed date's minimum
 * @param ceilingInstanceHours        hours x its maximum
 * @param displacedFloorInstanceHours what the weekly schedule's minimums would have run in the same span
 * @param displacedCeilingInstanceHours likewise at the weekly maximums
 * @param hoursOutsideWorkingHours    hours of the span the weekly schedule leaves to off hours (nights, weekends)
 * @param workingHoursReplaced        hours of the span that the weekly schedule gives to working profiles
 */
public record FixedDateHours(String name, LocalDateTime start, LocalDateTime end, Capacity capacity, double hours,
                             double floorInstanceHours, double ceilingInstanceHours,
                             double displacedFloorInstanceHours, double displacedCeilingInstanceHours,
                             double hoursOutsideWorkingHours, double workingHoursReplaced) {

    /** Instance-hours the fixed date adds to (positive) or saves on (negative) the weekly schedule, at the floor. */
    public double extraFloorInstanceHours() {
        return floorInstanceHours - displacedFloorInstanceHours;
    }

    public double extraCeilingInstanceHours() {
        return ceilingInstanceHours - displacedCeilingInstanceHours;
    }

    /** VM-hours the fixed date's minimum keeps up while the weekly schedule would be in off hours. */
    public double floorInstanceHoursOutsideWorkingHours() {
        return hoursOutsideWorkingHours * capacity.minimum();
    }

    /** Every fixed date of the plans, over its whole span. */
    public static List<FixedDateHours> of(List<ProfilePlan> plans) {
        ProfilePlan[] weekly = RecurrenceSimulator.activeProfiles(plans);
        List<FixedDateHours> result = new ArrayList<>();
        for (ProfilePlan plan : plans) {
            if (!plan.isRecurring()) {
                result.add(over(plan, weekly, plan.fixedWindow().start(), plan.fixedWindow().end()));
            }
        }
        return result;
    }

    /** The part of one fixed-date profile between {@code from} and {@code to} (clipped to its span). */
    static FixedDateHours over(ProfilePlan fixed, ProfilePlan[] weekly, LocalDateTime from, LocalDateTime to) {
        LocalDateTime start = later(from, fixed.fixedWindow().start());
        LocalDateTime end = earlier(to, fixed.fixedWindow().end());
        long minutes = 0;
        long displacedFloor = 0;
        long displacedCeiling = 0;
        long outside = 0;
        for (LocalDateTime minute = start; minute.isBefore(end); minute = minute.plusMinutes(1)) {
            minutes++;
            ProfilePlan owner = weekly[WeekGrid.hourOfWeek(minute.getDayOfWeek(), minute.getHour())];
            if (owner == null || owner.kind() != ProfilePlan.Kind.WORKING) {
                outside++;
            }
            if (owner != null) {
                displacedFloor += owner.capacity().minimum();
                displacedCeiling += owner.capacity().maximum();
            }
        }
        Capacity capacity = fixed.capacity();
        double hours = minutes / 60.0;
        String name = fixed.name().startsWith("fixed-") ? fixed.name().substring("fixed-".length()) : fixed.name();
        return new FixedDateHours(name, fixed.fixedWindow().start(), fixed.fixedWindow().end(), capacity, hours,
                hours * capacity.minimum(), hours * capacity.maximum(), displacedFloor / 60.0,
                displacedCeiling / 60.0, outside / 60.0, (minutes - outside) / 60.0);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
