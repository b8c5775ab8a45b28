package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;

/**
 * How long one recurrence profile is active per week and what that means in VM hours.
 *
 * @param floorInstanceHours   hours x minimum: what the pool costs at least
 * @param ceilingInstanceHours hours x maximum: what it can cost at most
 */
public record ProfileHours(String profileName, ProfilePlan.Kind kind, Capacity capacity, int hours,
                           long floorInstanceHours, long ceilingInstanceHours) {
}
