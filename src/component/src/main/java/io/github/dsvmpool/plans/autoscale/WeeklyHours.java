package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance-hours per week of the recurring schedule, per profile and in total, at the floor (every profile at its
 * minimum) and at the ceiling (every profile at its maximum). Fixed-date profiles are dated, not weekly, and are
 * left out.
 */
public record WeeklyHours(List<ProfileHours> profiles) {

    public WeeklyHours {
        profiles = List.copyOf(profiles);
    }

    /** From the planned profiles, with Azure's "lasts until the next start" rule applied. */
    public static WeeklyHours of(List<ProfilePlan> plans) {
        ProfilePlan[] active = RecurrenceSimulator.activeProfiles(plans);
        Map<String, Integer> hoursByName = new LinkedHashMap<>();
        for (ProfilePlan plan : plans) {
            if (plan.isRecurring()) {
                hoursByName.put(plan.name(), 0);
            }
        }
        for (ProfilePlan plan : active) {
            if (plan != null) {
                hoursByName.merge(plan.name(), 1, Integer::sum);
            }
        }
        List<ProfileHours> profiles = new ArrayList<>();
        for (ProfilePlan plan : plans) {
            if (plan.isRecurring()) {
                int hours = hoursByName.get(plan.name());
                profiles.add(new ProfileHours(plan.name(), plan.kind(), plan.capacity(), hours,
                        (long) hours * plan.capacity().minimum(), (long) hours * plan.capacity().maximum()));
            }
        }
        return new WeeklyHours(profiles);
    }

    public static WeeklyHours of(AutoscaleSettings settings) {
        return of(ProfilePlanner.plan(settings));
    }

    public int totalHours() {
        return profiles.stream().mapToInt(ProfileHours::hours).sum();
    }

    public long floorInstanceHours() {
        return profiles.stream().mapToLong(ProfileHours::floorInstanceHours).sum();
    }

    public long ceilingInstanceHours() {
        return profiles.stream().mapToLong(ProfileHours::ceilingInstanceHours).sum();
    }
}
