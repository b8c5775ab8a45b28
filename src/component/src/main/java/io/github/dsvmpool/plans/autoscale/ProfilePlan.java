package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.Capacity;

import java.util.List;

/**
 * One Azure autoscale profile, described without Pulumi types. Exactly one of {@code recurrence} and
 * {@code fixedWindow} is set.
 *
 * @param name   unique within the setting, stable for a given configuration, readable in the portal
 * @param rules  the CPU rules (scale-out first); empty when the count cannot change (minimum == maximum)
 * @param source the configuration setting this profile comes from, e.g. {@code autoscale.workingHours[0]}
 */
public record ProfilePlan(
        String name,
        Kind kind,
        Capacity capacity,
        RecurrenceStart recurrence,
        FixedWindow fixedWindow,
        List<CpuRulePlan> rules,
        String source) {

    public enum Kind {
        /** A dated exception; Azure evaluates these first. */
        FIXED_DATE,
        /** Starts a working window. */
        WORKING,
        /** Starts the off-hours floor after a working window. */
        OFF_HOURS
    }

    public ProfilePlan {
        rules = List.copyOf(rules);
        if ((recurrence == null) == (fixedWindow == null)) {
            throw new IllegalArgumentException("a profile has either a recurrence or a fixed window: " + name);
        }
    }

    /** Whether the profile carries CPU rules. */
    public boolean cpuRules() {
        return !rules.isEmpty();
    }

    public boolean isRecurring() {
        return recurrence != null;
    }
}
