package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;

/** One recurrence profile's weekly VM hours and monthly compute cost at its floor and ceiling. */
public record ProfileCost(String profileName, int hoursPerWeek, Capacity capacity,
                          long floorInstanceHoursPerWeek, long ceilingInstanceHoursPerWeek,
                          double monthlyFloorCost, double monthlyCeilingCost) {
}
