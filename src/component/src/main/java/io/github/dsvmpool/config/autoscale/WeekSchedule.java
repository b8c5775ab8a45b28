package io.github.dsvmpool.config.autoscale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * Builds the team's week ({@link AutoscaleSettings}) from code, with the same fields, defaults and limits as the
 * {@code dsvm-pool:autoscale} stack setting (docs/autoscale.md). The builder writes the value a stack file would
 * hold and reads it with {@link AutoscaleSettingsParser}, so both paths share every default and every message:
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
        private final JsonObject root = new JsonObject();
        private final JsonArray workingHours = new JsonArray();
        private final JsonArray fixedDates = new JsonArray();

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
            root.addProperty("timeZone", timeZone);
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
            var window = new JsonObject();
            window.addProperty("name", name);
            var dayNames = new JsonArray();
            days.stream().sorted().forEach(day -> dayNames.add(DayNames.azure(day)));
            window.add("days", dayNames);
            window.addProperty("startHour", startHour);
            window.addProperty("endHour", endHour);
            window.add("minimum", number(minimum));
            window.add("default", number(defaultCount));
            window.add("maximum", number(maximum));
            workingHours.add(window);
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
            var offHours = new JsonObject();
            offHours.addProperty("minimum", minimum);
            offHours.addProperty("maximum", maximum);
            root.add("offHours", offHours);
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
            var entry = new JsonObject();
            entry.addProperty("name", name);
            entry.addProperty("start", start == null ? null : start.toString());
            entry.addProperty("end", end == null ? null : end.toString());
            entry.addProperty("minimum", minimum);
            entry.addProperty("maximum", maximum);
            fixedDates.add(entry);
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
            cpu().addProperty("scaleOutAbovePercent", scaleOutAbovePercent);
            cpu().addProperty("scaleInBelowPercent", scaleInBelowPercent);
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
            cpu().addProperty("timeWindowMinutes", timeWindowMinutes);
            cpu().addProperty("timeGrainMinutes", timeGrainMinutes);
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
            cpu().addProperty("scaleOutStep", scaleOutStep);
            cpu().addProperty("scaleInStep", scaleInStep);
            cpu().addProperty("scaleOutCooldownMinutes", scaleOutCooldownMinutes);
            cpu().addProperty("scaleInCooldownMinutes", scaleInCooldownMinutes);
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
            var predictive = new JsonObject();
            predictive.addProperty("mode", mode == null ? null : mode.name());
            predictive.addProperty("lookAheadMinutes", lookAheadMinutes);
            root.add("predictive", predictive);
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
            var notifications = new JsonObject();
            var emailList = new JsonArray();
            emails.forEach(emailList::add);
            var webhookList = new JsonArray();
            webhooks.forEach(webhookList::add);
            notifications.add("emails", emailList);
            notifications.add("webhooks", webhookList);
            root.add("notifications", notifications);
            return this;
        }

        /**
         * Which VMs go first when the pool shrinks. Default {@link ScaleInPolicy#NewestVM}.
         *
         * @param policy the scale set's scale-in rule
         * @return this builder
         */
        public Builder scaleInPolicy(ScaleInPolicy policy) {
            root.addProperty("scaleInPolicy", policy == null ? null : policy.name());
            return this;
        }

        /**
         * The warning before a VM is deleted. Default 10 minutes, 0 on Spot.
         *
         * @param minutes 0 (off) or 5-15; not available on Spot
         * @return this builder
         */
        public Builder terminateNotificationMinutes(int minutes) {
            root.addProperty("terminateNotificationMinutes", minutes);
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
            var spot = new JsonObject();
            spot.addProperty("enabled", true);
            spot.addProperty("maxPrice", maxPrice);
            root.add("spot", spot);
            return this;
        }

        /**
         * The schedule as the stack setting {@code dsvm-pool:autoscale} would hold it (JSON).
         *
         * @return the JSON text of every field set so far
         */
        public String toJson() {
            var copy = root.deepCopy();
            if (!workingHours.isEmpty()) {
                copy.add("workingHours", workingHours.deepCopy());
            }
            if (!fixedDates.isEmpty()) {
                copy.add("fixedDates", fixedDates.deepCopy());
            }
            return copy.toString();
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
            AutoscaleSettings settings = AutoscaleSettingsParser.parseWithoutValidation(toJson(),
                    AutoscaleLimits.LARGEST_POOL, problems);
            problems.throwIfAny("the autoscale schedule");
            return settings;
        }

        private JsonObject cpu() {
            if (!root.has("cpu")) {
                root.add("cpu", new JsonObject());
            }
            return root.getAsJsonObject("cpu");
        }

        private static com.google.gson.JsonPrimitive number(int value) {
            return new com.google.gson.JsonPrimitive(value);
        }
    }
}
