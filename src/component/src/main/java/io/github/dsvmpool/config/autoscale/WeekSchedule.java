package io.github.dsvmpool.config.autoscale;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the team's week ({@link AutoscaleSettings}) from code, with the same fields, defaults and limits as the
 * {@code dsvm-pool:autoscale} stack setting (docs/autoscale.md). The builder makes the typed values directly; its
 * per-field rules and defaults are the parser's ({@link AutoscaleSettingsParser}, {@code ScheduleFields}), so both
 * paths give the same settings and the same messages:
 *
 * <pre>{@code
 * AutoscaleSettings week = WeekSchedule.builder()
 *         .timeZone("Europe/Berlin")
 *         .workingHours("office", WeekSchedule.WEEKDAYS, 9, 17, 1, 2)
 *         .offHours(0, 0)
 *         .build();
 * PoolSettings settings = PoolSettings.builder().location("westeurope").maxInstanceCount(4)
 *         .autoscale(week) ... .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} refuses values outside a field's range (an hour of 25, a malformed name) at once;
 * rules that involve the pool (a maximum above {@code maxInstanceCount}, overlapping windows, thresholds too
 * close, more than 20 profiles) are checked with the pool's other settings by {@code PoolSettingsValidator.problems},
 * which the component calls before it declares anything.
 */
public final class WeekSchedule {
    /** Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    /** Every day of the week. */
    public static final Set<DayOfWeek> EVERY_DAY = Set.of(DayOfWeek.values());

    private WeekSchedule() {
    }

    /**
     * Starts an empty schedule: time zone UTC, no working hours given (then the parser's default window applies:
     * Monday-Friday 8-18 at 1 to {@value AutoscaleLimits#LARGEST_POOL} VMs), off hours at 0, no fixed dates,
     * default CPU rules, scale-in policy {@code NewestVM}, 10 minutes of terminate notification (0 on Spot),
     * on-demand VMs.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the schedule's fields; each method returns the builder. Not thread-safe. */
    public static final class Builder {
        /** A working-hours window as given, checked in {@link #build()}. */
        private record Window(String name, Set<DayOfWeek> days, int startHour, int endHour, int minimum,
                              int defaultCount, int maximum) {
        }

        /** A fixed date as given, checked in {@link #build()}. */
        private record Dated(String name, LocalDateTime start, LocalDateTime end, int minimum, int maximum) {
        }

        private Optional<String> timeZone = Optional.empty();
        private final List<Window> workingHours = new ArrayList<>();
        private Optional<int[]> offHours = Optional.empty();
        private final List<Dated> fixedDates = new ArrayList<>();
        private final Map<String, Integer> cpu = new HashMap<>();
        private PredictiveSettings predictive = PredictiveSettings.defaults();
        private NotificationSettings notifications = NotificationSettings.none();
        private ScaleInPolicy scaleInPolicy = ScaleInPolicy.NewestVM;
        private Optional<Integer> terminateNotificationMinutes = Optional.empty();
        private Optional<Double> spotMaxPrice = Optional.empty();

        private Builder() {
        }

        /**
         * The schedule's time zone. Default {@code UTC}.
         *
         * @param timeZone a Windows time zone ID as Azure spells it ({@code W. Europe Standard Time}) or a common
         *                 IANA name ({@code Europe/Berlin}), translated to the Windows ID
         * @return this builder
         */
        public Builder timeZone(String timeZone) {
            this.timeZone = Optional.ofNullable(timeZone);
            return this;
        }

        /**
         * Adds a working-hours window, with the default count equal to the minimum.
         *
         * @param name      1-40 lowercase letters, digits and hyphens, unique among the windows
         * @param days      the days it applies to, at least one
         * @param startHour 0-23, the first hour of the window
         * @param endHour   1-24, exclusive (24 = midnight at the end of the day), after {@code startHour}
         * @param minimum   the floor while the window lasts, 0-1000 (at most {@code maxInstanceCount})
         * @param maximum   the ceiling CPU rules may scale out to, minimum-1000 (at most {@code maxInstanceCount})
         * @return this builder
         */
        public Builder workingHours(String name, Set<DayOfWeek> days, int startHour, int endHour, int minimum,
                                    int maximum) {
            return workingHours(name, days, startHour, endHour, minimum, minimum, maximum);
        }

        /**
         * Adds a working-hours window with an explicit default count.
         *
         * @param name         1-40 lowercase letters, digits and hyphens, unique among the windows
         * @param days         the days it applies to, at least one
         * @param startHour    0-23, the first hour of the window
         * @param endHour      1-24, exclusive (24 = midnight at the end of the day), after {@code startHour}
         * @param minimum      the floor while the window lasts, 0-1000
         * @param defaultCount the count Azure sets when it cannot read the metric, minimum-maximum
         * @param maximum      the ceiling CPU rules may scale out to, 0-1000
         * @return this builder
         */
        public Builder workingHours(String name, Set<DayOfWeek> days, int startHour, int endHour, int minimum,
                                    int defaultCount, int maximum) {
            workingHours.add(new Window(name, Set.copyOf(days), startHour, endHour, minimum, defaultCount, maximum));
            return this;
        }

        /**
         * The capacity outside every working window. Default 0 to 0: the pool is empty off hours.
         *
         * @param minimum the floor, 0-1000
         * @param maximum the ceiling, minimum-1000
         * @return this builder
         */
        public Builder offHours(int minimum, int maximum) {
            offHours = Optional.of(new int[] {minimum, maximum});
            return this;
        }

        /**
         * Adds a dated exception (a holiday, a course week) that wins over the week while it lasts.
         *
         * @param name    1-40 lowercase letters, digits and hyphens, unique among the fixed dates
         * @param start   the first moment, in the schedule's time zone
         * @param end     the end, after {@code start}; fixed dates must not overlap
         * @param minimum the floor, 0-1000 (0 closes the pool)
         * @param maximum the ceiling, minimum-1000
         * @return this builder
         */
        public Builder fixedDate(String name, LocalDateTime start, LocalDateTime end, int minimum, int maximum) {
            fixedDates.add(new Dated(name, start, end, minimum, maximum));
            return this;
        }

        /**
         * The CPU thresholds of every profile. Defaults: scale out above 70 %, in below 25 %; the two must be
         * at least {@value AutoscaleLimits#MIN_THRESHOLD_MARGIN} points apart.
         *
         * @param scaleOutAbovePercent 1-100
         * @param scaleInBelowPercent  0-99
         * @return this builder
         */
        public Builder cpuThresholds(int scaleOutAbovePercent, int scaleInBelowPercent) {
            cpu.put("scaleOutAbovePercent", scaleOutAbovePercent);
            cpu.put("scaleInBelowPercent", scaleInBelowPercent);
            return this;
        }

        /**
         * How the CPU metric is read. Defaults: a 10-minute window of 1-minute grains.
         *
         * @param timeWindowMinutes 5-720
         * @param timeGrainMinutes  1-720
         * @return this builder
         */
        public Builder cpuWindow(int timeWindowMinutes, int timeGrainMinutes) {
            cpu.put("timeWindowMinutes", timeWindowMinutes);
            cpu.put("timeGrainMinutes", timeGrainMinutes);
            return this;
        }

        /**
         * How far and how often one CPU rule moves the count. Defaults: 1 VM, cooldowns 10 minutes out and 30 in.
         *
         * @param scaleOutStep            1-1000 VMs added per scale-out
         * @param scaleInStep             1-1000 VMs removed per scale-in
         * @param scaleOutCooldownMinutes 1-10080
         * @param scaleInCooldownMinutes  1-10080
         * @return this builder
         */
        public Builder cpuSteps(int scaleOutStep, int scaleInStep, int scaleOutCooldownMinutes,
                                int scaleInCooldownMinutes) {
            cpu.put("scaleOutStep", scaleOutStep);
            cpu.put("scaleInStep", scaleInStep);
            cpu.put("scaleOutCooldownMinutes", scaleOutCooldownMinutes);
            cpu.put("scaleInCooldownMinutes", scaleInCooldownMinutes);
            return this;
        }

        /**
         * Predictive autoscale. Default {@link PredictiveMode#Disabled}, 30 minutes look-ahead.
         *
         * @param mode             Disabled, ForecastOnly or Enabled
         * @param lookAheadMinutes 1-60
         * @return this builder
         */
        public Builder predictive(PredictiveMode mode, int lookAheadMinutes) {
            // Checked in build(); a missing mode is the stack file's default, Disabled.
            predictive = new PredictiveSettings(mode == null ? PredictiveMode.Disabled : mode, lookAheadMinutes);
            return this;
        }

        /**
         * Who hears about scale actions. Default nobody.
         *
         * @param emails   e-mail addresses
         * @param webhooks HTTPS webhook URLs
         * @return this builder
         */
        public Builder notifications(List<String> emails, List<String> webhooks) {
            notifications = new NotificationSettings(emails, webhooks);
            return this;
        }

        /**
         * Which VMs go first when the pool shrinks. Default {@link ScaleInPolicy#NewestVM}.
         *
         * @param policy the scale set's scale-in rule
         * @return this builder
         */
        public Builder scaleInPolicy(ScaleInPolicy policy) {
            scaleInPolicy = policy == null ? ScaleInPolicy.NewestVM : policy;
            return this;
        }

        /**
         * The warning before a VM is deleted. Default 10 minutes, 0 on Spot.
         *
         * @param minutes 0 (off) or 5-15; not available on Spot
         * @return this builder
         */
        public Builder terminateNotificationMinutes(int minutes) {
            terminateNotificationMinutes = Optional.of(minutes);
            return this;
        }

        /**
         * Runs the pool on Spot VMs (evicted when Azure needs the capacity). Default: on-demand VMs.
         *
         * @param maxPrice {@value SpotSettings#PAY_UP_TO_ON_DEMAND} to pay up to the on-demand price, else the
         *                 highest price per VM hour, above 0
         * @return this builder
         */
        public Builder spot(double maxPrice) {
            spotMaxPrice = Optional.of(maxPrice);
            return this;
        }

        /**
         * Builds the schedule with every default applied.
         *
         * @return the schedule, to pass to {@code PoolSettings.Builder.autoscale}
         * @throws InvalidConfigurationException naming every field outside its range at once, by the same
         *                                       names as a stack file ({@code autoscale.workingHours[0].startHour})
         */
        public AutoscaleSettings build() {
            var problems = new Problems();
            String root = AutoscaleSettingsParser.ROOT;
            String zone = ScheduleFields.timeZone(root + ".timeZone", timeZone, problems);
            List<WorkingHours> windows = new ArrayList<>();
            for (int index = 0; index < workingHours.size(); index++) {
                windows.add(window(root + ".workingHours[" + index + "]", workingHours.get(index), problems));
            }
            if (windows.isEmpty()) {
                windows.add(AutoscaleSettingsParser.defaultWorkingHours(AutoscaleLimits.LARGEST_POOL));
            }
            int[] off = offHours.orElse(new int[] {0, 0});
            Capacity offCapacity = capacity(root + ".offHours", off[0], Optional.empty(), Optional.of(off[1]), 0, problems);
            List<FixedDate> dated = new ArrayList<>();
            for (int index = 0; index < fixedDates.size(); index++) {
                dated.add(fixedDate(root + ".fixedDates[" + index + "]", fixedDates.get(index), problems));
            }
            var predictiveSettings = new PredictiveSettings(predictive.mode(), ScheduleFields.LOOK_AHEAD_MINUTES.check(
                    root + ".predictive.lookAheadMinutes", predictive.lookAheadMinutes(),
                    PredictiveSettings.DEFAULT_LOOK_AHEAD_MINUTES, problems));
            SpotSettings spot = spotMaxPrice.map(price -> new SpotSettings(true,
                    ScheduleFields.maxPrice(root + ".spot.maxPrice", price, problems))).orElse(SpotSettings.defaults());
            int terminate = ScheduleFields.terminateNotificationMinutes(root + ".terminateNotificationMinutes",
                    terminateNotificationMinutes, spot.enabled(), problems);
            CpuSettings cpuSettings = cpu(root + ".cpu", problems);
            problems.throwIfAny("the autoscale schedule");
            return new AutoscaleSettings(zone, windows, offCapacity, dated, cpuSettings,
                    predictiveSettings, notifications, scaleInPolicy, terminate, spot);
        }

        private static WorkingHours window(String path, Window window, Problems problems) {
            String name = ScheduleFields.name(path + ".name", Optional.ofNullable(window.name()), problems);
            int start = ScheduleFields.START_HOUR.check(path + ".startHour", window.startHour(),
                    AutoscaleSettingsParser.DEFAULT_START_HOUR, problems);
            int end = ScheduleFields.END_HOUR.check(path + ".endHour", window.endHour(),
                    AutoscaleSettingsParser.DEFAULT_END_HOUR, problems);
            Capacity capacity = capacity(path, window.minimum(), Optional.of(window.defaultCount()),
                    Optional.of(window.maximum()), 1, problems);
            return new WorkingHours(name, window.days(), start, end, capacity);
        }

        private static FixedDate fixedDate(String path, Dated date, Problems problems) {
            String name = ScheduleFields.name(path + ".name", Optional.ofNullable(date.name()), problems);
            return new FixedDate(name, required(path + ".start", date.start(), problems),
                    required(path + ".end", date.end(), problems),
                    capacity(path, date.minimum(), Optional.empty(), Optional.of(date.maximum()), 0, problems));
        }

        private static LocalDateTime required(String path, LocalDateTime value, Problems problems) {
            if (value == null) {
                problems.add(path, null, "required: " + ScheduleFields.DATE_TIME_ALLOWED);
                return AutoscaleSettingsParser.UNREADABLE_DATE;
            }
            return value;
        }

        /** As the parser: a refused minimum falls back to its default, a refused default to the minimum. */
        private static Capacity capacity(String path, int minimum, Optional<Integer> defaultCount,
                Optional<Integer> maximum, int defaultMinimum, Problems problems) {
            int min = ScheduleFields.COUNT.check(path + ".minimum", minimum, defaultMinimum, problems);
            int count = defaultCount.map(value -> ScheduleFields.COUNT.check(path + ".default", value, min, problems))
                    .orElse(min);
            int max = maximum.map(value -> ScheduleFields.COUNT.check(path + ".maximum", value,
                    Math.max(min, count), problems)).orElse(Math.max(min, count));
            return new Capacity(min, count, max);
        }

        private CpuSettings cpu(String path, Problems problems) {
            return new CpuSettings(
                    cpuField(path, "scaleOutAbovePercent", CpuSettings.DEFAULT_SCALE_OUT_ABOVE_PERCENT,
                            ScheduleFields.SCALE_OUT_ABOVE_PERCENT, problems),
                    cpuField(path, "scaleInBelowPercent", CpuSettings.DEFAULT_SCALE_IN_BELOW_PERCENT,
                            ScheduleFields.SCALE_IN_BELOW_PERCENT, problems),
                    cpuField(path, "timeWindowMinutes", CpuSettings.DEFAULT_TIME_WINDOW_MINUTES,
                            ScheduleFields.TIME_WINDOW_MINUTES, problems),
                    cpuField(path, "timeGrainMinutes", CpuSettings.DEFAULT_TIME_GRAIN_MINUTES,
                            ScheduleFields.TIME_GRAIN_MINUTES, problems),
                    cpuField(path, "scaleOutStep", CpuSettings.DEFAULT_STEP, ScheduleFields.STEP, problems),
                    cpuField(path, "scaleInStep", CpuSettings.DEFAULT_STEP, ScheduleFields.STEP, problems),
                    cpuField(path, "scaleOutCooldownMinutes", CpuSettings.DEFAULT_SCALE_OUT_COOLDOWN_MINUTES,
                            ScheduleFields.COOLDOWN_MINUTES, problems),
                    cpuField(path, "scaleInCooldownMinutes", CpuSettings.DEFAULT_SCALE_IN_COOLDOWN_MINUTES,
                            ScheduleFields.COOLDOWN_MINUTES, problems));
        }

        private int cpuField(String path, String key, int defaultValue, ScheduleFields.IntRule rule, Problems problems) {
            Integer given = cpu.get(key);
            return given == null ? defaultValue : rule.check(path + "." + key, given, defaultValue, problems);
        }
    }
}
