package io.github.dsvmpool.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * The team's week as the component package receives it: the fields, names and defaults of the
 * {@code dsvm-pool:autoscale} stack setting (docs/autoscale.md). It is written back as that setting's JSON and read
 * by the same parser, so every default and every message is the stack file's.
 */
public final class ScheduleInputs extends ResourceArgs {
    /** A Windows time zone ID or a common IANA name; default UTC. */
    @Import(name = "timeZone")
    public String timeZone;
    /** The working windows; default Monday-Friday 8-18. */
    @Import(name = "workingHours")
    public List<WindowInputs> workingHours;
    /** The capacity outside every window; default 0 to 0. */
    @Import(name = "offHours")
    public CapacityInputs offHours;
    /** Dated exceptions; default none. */
    @Import(name = "fixedDates")
    public List<FixedDateInputs> fixedDates;
    /** CPU thresholds, windows, steps and cooldowns. */
    @Import(name = "cpu")
    public CpuInputs cpu;
    /** Default, NewestVM (default) or OldestVM. */
    @Import(name = "scaleInPolicy")
    public String scaleInPolicy;
    /** 0 (off) or 5-15 minutes of warning before a VM is deleted; default 10, 0 on Spot. */
    @Import(name = "terminateNotificationMinutes")
    public Integer terminateNotificationMinutes;
    /** Spot priority. */
    @Import(name = "spot")
    public SpotInputs spot;

    /** Counts of one profile. */
    public static class CapacityInputs extends ResourceArgs {
        /** The floor, 0-1000. */
        @Import(name = "minimum")
        public Integer minimum;
        /** The count Azure sets when it cannot read the metric; default the minimum. */
        @Import(name = "default")
        public Integer defaultCount;
        /** The ceiling, at most maxInstanceCount. */
        @Import(name = "maximum")
        public Integer maximum;
    }

    /** One working window. */
    public static final class WindowInputs extends CapacityInputs {
        /** 1-40 lowercase letters, digits and hyphens. */
        @Import(name = "name", required = true)
        public String name;
        /** Mon..Sun (or full English names); default Monday-Friday. */
        @Import(name = "days")
        public List<String> days;
        /** 0-23; default 8. */
        @Import(name = "startHour")
        public Integer startHour;
        /** 1-24, exclusive; default 18. */
        @Import(name = "endHour")
        public Integer endHour;
    }

    /** One dated exception. */
    public static final class FixedDateInputs extends CapacityInputs {
        /** 1-40 lowercase letters, digits and hyphens. */
        @Import(name = "name", required = true)
        public String name;
        /** A local date and time in the schedule's time zone, e.g. 2026-12-24T00:00. */
        @Import(name = "start", required = true)
        public String start;
        /** After start. */
        @Import(name = "end", required = true)
        public String end;
    }

    /** The CPU rules. */
    public static final class CpuInputs extends ResourceArgs {
        /** 1-100; default 70. */
        @Import(name = "scaleOutAbovePercent")
        public Integer scaleOutAbovePercent;
        /** 0-99, 20 points under the scale-out threshold; default 25. */
        @Import(name = "scaleInBelowPercent")
        public Integer scaleInBelowPercent;
        /** 5-720; default 10. */
        @Import(name = "timeWindowMinutes")
        public Integer timeWindowMinutes;
        /** 1-720; default 1. */
        @Import(name = "timeGrainMinutes")
        public Integer timeGrainMinutes;
        /** 1-1000; default 1. */
        @Import(name = "scaleOutStep")
        public Integer scaleOutStep;
        /** 1-1000; default 1. */
        @Import(name = "scaleInStep")
        public Integer scaleInStep;
        /** 1-10080; default 10. */
        @Import(name = "scaleOutCooldownMinutes")
        public Integer scaleOutCooldownMinutes;
        /** 1-10080; default 30. */
        @Import(name = "scaleInCooldownMinutes")
        public Integer scaleInCooldownMinutes;
    }

    /** Spot priority. */
    public static final class SpotInputs extends ResourceArgs {
        /** Spot VMs; default false. */
        @Import(name = "enabled")
        public Boolean enabled;
        /** -1 (up to the on-demand price, default) or a price per VM hour above 0. */
        @Import(name = "maxPrice")
        public Double maxPrice;
    }
}
