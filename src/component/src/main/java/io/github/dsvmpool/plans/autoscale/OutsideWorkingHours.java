package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which profiles keep VMs up outside working hours, in words for a reviewer: an off-hours minimum above 0, and
 * every fixed date (a fixed date wins over the weekly schedule day and night, Learn
 * {@code autoscale-multiprofile.md}). A fixed date without counts is 0/0/0 (the parser's defaults: minimum 0,
 * default and maximum follow it): it keeps no VM at all, working hours included.
 */
public final class OutsideWorkingHours {

    private OutsideWorkingHours() {
    }

    public static List<String> describe(List<ProfilePlan> plans) {
        List<String> lines = new ArrayList<>();
        for (ProfileHours hours : WeeklyHours.of(plans).profiles()) {
            if (hours.kind() == ProfilePlan.Kind.OFF_HOURS && hours.capacity().minimum() > 0) {
                lines.add(String.format(Locale.ROOT, "%s keeps at least %d VMs up outside working hours: %d h a week"
                                + " (%d VM-hours)", hours.profileName(), hours.capacity().minimum(), hours.hours(),
                        hours.floorInstanceHours()));
            }
        }
        for (FixedDateHours fixed : FixedDateHours.of(plans)) {
            Capacity capacity = fixed.capacity();
            String span = "fixed date " + fixed.name() + " (" + fixed.start() + " to " + fixed.end() + ", "
                    + capacity.minimum() + "/" + capacity.defaultCount() + "/" + capacity.maximum() + ")";
            if (capacity.minimum() > 0) {
                lines.add(String.format(Locale.ROOT, "%s keeps at least %d VMs up day and night: %.0f h of it are off"
                                + " hours in the weekly schedule (%.0f VM-hours outside working hours)", span,
                        capacity.minimum(), fixed.hoursOutsideWorkingHours(),
                        fixed.floorInstanceHoursOutsideWorkingHours()));
            } else if (capacity.maximum() > 0) {
                lines.add(String.format(Locale.ROOT, "%s keeps no VM at its floor but lets CPU rules run up to %d day"
                        + " and night", span, capacity.maximum()));
            } else {
                lines.add(String.format(Locale.ROOT, "%s keeps no VM: the pool is closed for the whole span, its"
                        + " %.0f h of working hours included", span, fixed.workingHoursReplaced()));
            }
        }
        return lines;
    }
}
