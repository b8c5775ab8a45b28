package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.FixedDate;
import io.github.dsvmpool.config.autoscale.WorkingHours;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the Azure profiles for valid {@link AutoscaleSettings}: fixed-date profiles first, then recurrence
 * profiles.
 *
 * <p>An Azure recurrence profile has one start time for a set of days and lasts until the next profile starts.
 * So the planner lays the configured week out hour by hour ({@link WeekGrid#intendedOwners}) and emits a start
 * wherever the owner changes: a working profile starts at its startHour on the days where the hour before belongs
 * to something else, and an off-hours profile starts where a working window ends (endHour 24 ends at 00:00 of the
 * next day). Off-hours starts at the same hour share one profile ({@code off-hours-1800}); because each profile
 * lasts until the next start, the off-hours profile started on Friday evening also covers the weekend.
 */
public final class ProfilePlanner {

    private ProfilePlanner() {
    }

    public static List<ProfilePlan> plan(AutoscaleSettings settings) {
        List<ProfilePlan> plans = new ArrayList<>();
        for (int index = 0; index < settings.fixedDates().size(); index++) {
            FixedDate fixedDate = settings.fixedDates().get(index);
            plans.add(new ProfilePlan("fixed-" + fixedDate.name(), ProfilePlan.Kind.FIXED_DATE, fixedDate.capacity(),
                    null, new FixedWindow(settings.timeZone(), fixedDate.start(), fixedDate.end()),
                    CpuRulePlanner.rules(settings.cpu(), fixedDate.capacity()),
                    AutoscaleSettingsParser.ROOT + ".fixedDates[" + index + "]"));
        }
        plans.addAll(recurrencePlans(settings));
        return List.copyOf(plans);
    }

    private static List<ProfilePlan> recurrencePlans(AutoscaleSettings settings) {
        List<WorkingHours> working = settings.workingHours();
        int[] owners = WeekGrid.intendedOwners(working);
        List<Set<DayOfWeek>> workingStartDays = new ArrayList<>();
        working.forEach(profile -> workingStartDays.add(EnumSet.noneOf(DayOfWeek.class)));
        Map<Integer, Set<DayOfWeek>> offHoursStartDaysByHour = new TreeMap<>();
        boolean anyChange = false;
        for (int hour = 0; hour < WeekGrid.HOURS_PER_WEEK; hour++) {
            int owner = owners[hour];
            if (owner == owners[WeekGrid.previous(hour)]) {
                continue;
            }
            anyChange = true;
            DayOfWeek day = WeekGrid.day(hour);
            if (owner == WeekGrid.OFF_HOURS) {
                offHoursStartDaysByHour.computeIfAbsent(WeekGrid.hourOfDay(hour), h -> EnumSet.noneOf(DayOfWeek.class))
                        .add(day);
            } else {
                workingStartDays.get(owner).add(day);
            }
        }
        if (!anyChange) {
            // One owner all week (no working profile, or one covering every hour): start it every midnight.
            Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
            if (owners[0] == WeekGrid.OFF_HOURS) {
                offHoursStartDaysByHour.put(0, everyDay);
            } else {
                workingStartDays.set(owners[0], everyDay);
            }
        }
        List<ProfilePlan> plans = new ArrayList<>();
        for (int index = 0; index < working.size(); index++) {
            WorkingHours profile = working.get(index);
            Set<DayOfWeek> days = workingStartDays.get(index);
            if (days.isEmpty()) {
                continue;
            }
            int hour = days.size() == 7 && !anyChange ? 0 : profile.startHour();
            plans.add(new ProfilePlan("working-" + profile.name(), ProfilePlan.Kind.WORKING, profile.capacity(),
                    new RecurrenceStart(settings.timeZone(), days, hour, 0), null,
                    CpuRulePlanner.rules(settings.cpu(), profile.capacity()),
                    AutoscaleSettingsParser.ROOT + ".workingHours[" + index + "]"));
        }
        offHoursStartDaysByHour.forEach((hour, days) -> plans.add(new ProfilePlan(
                String.format(Locale.ROOT, "off-hours-%02d00", hour), ProfilePlan.Kind.OFF_HOURS, settings.offHours(),
                new RecurrenceStart(settings.timeZone(), days, hour, 0), null,
                CpuRulePlanner.rules(settings.cpu(), settings.offHours()), AutoscaleSettingsParser.ROOT + ".offHours")));
        return plans;
    }
}
