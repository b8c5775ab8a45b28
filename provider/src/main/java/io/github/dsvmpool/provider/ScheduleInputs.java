package io.github.dsvmpool.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * The team's week as the component package receives it: the fields, names and defaults of the
 * {@code dsvm-pool:autoscale} stack setting (docs/autoscale.md). It is written back as that setting's JSON and read
 * by the same parser, so every default and every message is the stack file's.
 */
@Description("The team's week: working windows with their VM counts, off hours, dated exceptions, CPU rules and Spot; the fields of the dsvm-pool:autoscale stack setting.")
public final class ScheduleInputs extends ResourceArgs {
    @Description("A Windows time zone ID or a common IANA name; default UTC.")
    @Import(name = "timeZone")
    public String timeZone;
    @Description("The working windows; default Monday-Friday 8-18.")
    @Import(name = "workingHours")
    public List<WindowInputs> workingHours;
    @Description("The capacity outside every window; default 0 to 0.")
    @Import(name = "offHours")
    public CapacityInputs offHours;
    @Description("Dated exceptions; default none.")
    @Import(name = "fixedDates")
    public List<FixedDateInputs> fixedDates;
    @Description("CPU thresholds, windows, steps and cooldowns.")
    @Import(name = "cpu")
    public CpuInputs cpu;
    @Description("Which VMs Azure removes first when it scales in: Default, NewestVM (default) or OldestVM.")
    @Import(name = "scaleInPolicy")
    public String scaleInPolicy;
    @Description("0 (off) or 5-15 minutes of warning before a VM is deleted; default 10, 0 on Spot.")
    @Import(name = "terminateNotificationMinutes")
    public Integer terminateNotificationMinutes;
    @Description("Spot priority for the pool's VMs.")
    @Import(name = "spot")
    public SpotInputs spot;

    /** Counts of one profile. */
    @Description("Counts of one profile.")
    public static class CapacityInputs extends ResourceArgs {
        @Description("The fewest VMs in this profile, 0-1000.")
        @Import(name = "minimum")
        public Integer minimum;
        @Description("The VM count Azure sets when it cannot read the CPU metric; default the minimum.")
        @Import(name = "default")
        public Integer defaultCount;
        @Description("The most VMs in this profile, at most maxInstanceCount.")
        @Import(name = "maximum")
        public Integer maximum;
    }

    /** One working window. */
    @Description("One working window.")
    public static final class WindowInputs extends CapacityInputs {
        @Description("The name, 1-40 lowercase letters, digits and hyphens.")
        @Import(name = "name", required = true)
        public String name;
        @Description("The days of the window: Mon..Sun (or full English names); default Monday-Friday.")
        @Import(name = "days")
        public List<String> days;
        @Description("The hour the window starts, 0-23; default 8.")
        @Import(name = "startHour")
        public Integer startHour;
        @Description("The hour the window ends, 1-24, exclusive; default 18.")
        @Import(name = "endHour")
        public Integer endHour;
    }

    /** One dated exception. */
    @Description("One dated exception.")
    public static final class FixedDateInputs extends CapacityInputs {
        @Description("The name, 1-40 lowercase letters, digits and hyphens.")
        @Import(name = "name", required = true)
        public String name;
        @Description("When the exception starts: a local date and time in the schedule's time zone, e.g. 2026-12-24T00:00.")
        @Import(name = "start", required = true)
        public String start;
        @Description("When the exception ends, after start.")
        @Import(name = "end", required = true)
        public String end;
    }

    /** The CPU rules. */
    @Description("The CPU rules.")
    public static final class CpuInputs extends ResourceArgs {
        @Description("Average CPU percent above which a VM is added, 1-100; default 70.")
        @Import(name = "scaleOutAbovePercent")
        public Integer scaleOutAbovePercent;
        @Description("Average CPU percent below which a VM is removed, 0-99 and 20 points under the scale-out threshold; default 25.")
        @Import(name = "scaleInBelowPercent")
        public Integer scaleInBelowPercent;
        @Description("Minutes the CPU average is taken over, 5-720; default 10.")
        @Import(name = "timeWindowMinutes")
        public Integer timeWindowMinutes;
        @Description("Minutes per CPU sample, 1-720; default 1.")
        @Import(name = "timeGrainMinutes")
        public Integer timeGrainMinutes;
        @Description("VMs added at a time, 1-1000; default 1.")
        @Import(name = "scaleOutStep")
        public Integer scaleOutStep;
        @Description("VMs removed at a time, 1-1000; default 1.")
        @Import(name = "scaleInStep")
        public Integer scaleInStep;
        @Description("Minutes to wait after a scale-out, 1-10080; default 10.")
        @Import(name = "scaleOutCooldownMinutes")
        public Integer scaleOutCooldownMinutes;
        @Description("Minutes to wait after a scale-in, 1-10080; default 30.")
        @Import(name = "scaleInCooldownMinutes")
        public Integer scaleInCooldownMinutes;
    }

    /** Spot priority. */
    @Description("Spot priority.")
    public static final class SpotInputs extends ResourceArgs {
        @Description("Runs the pool's VMs at Spot priority (cheaper, may be evicted); default false.")
        @Import(name = "enabled")
        public Boolean enabled;
        @Description("The most to pay per VM hour: -1 (up to the on-demand price, default) or a price above 0.")
        @Import(name = "maxPrice")
        public Double maxPrice;
    }
}
