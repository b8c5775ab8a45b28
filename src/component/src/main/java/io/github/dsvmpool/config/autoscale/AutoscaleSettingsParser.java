package io.github.dsvmpool.config.autoscale;


import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.dsvmpool.problems.Problems;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code dsvm-pool:autoscale} configuration value (Pulumi passes structured YAML to Java as a JSON
 * string) into {@link AutoscaleSettings}, applying the documented defaults, then validates it. Every problem is
 * collected; on problems the returned settings hold defaults in place of bad values and must not be deployed
 * (call {@link Problems#throwIfAny(String)}).
 */
public final class AutoscaleSettingsParser {

    /** The configuration key; every problem's setting path starts with it. */
    public static final String ROOT = "autoscale";

    static final Pattern NAME = ScheduleFields.NAME;
    static final String NAME_ALLOWED = ScheduleFields.NAME_ALLOWED;
    /** Stands in for a missing or unreadable date, whose problem is already recorded. */
    static final LocalDateTime UNREADABLE_DATE = LocalDateTime.of(2000, 1, 1, 0, 0);
    static final int DEFAULT_START_HOUR = 8;
    static final int DEFAULT_END_HOUR = 18;
    static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private AutoscaleSettingsParser() {
    }

    /** Shape, types, per-field ranges and defaults only; {@code poolMaximum} is the default working maximum. */
    public static AutoscaleSettings parseWithoutValidation(String json, int poolMaximum, Problems problems) {
        ConfigObject root = ConfigObject.of(readJson(json, problems), ROOT, problems);
        root.rejectUnknownKeys(Set.of("timeZone", "workingHours", "offHours", "fixedDates", "cpu", "predictive",
                "notifications", "scaleInPolicy", "terminateNotificationMinutes", "spot"));

        String timeZone = timeZone(root);
        List<WorkingHours> workingHours = workingHours(root, poolMaximum);
        Capacity offHours = capacity(root.object("offHours"), 0, Optional.empty());
        root.object("offHours").rejectUnknownKeys(Set.of("minimum", "default", "maximum"));
        List<FixedDate> fixedDates = fixedDates(root);
        CpuSettings cpu = cpu(root.object("cpu"));
        PredictiveSettings predictive = predictive(root.object("predictive"));
        NotificationSettings notifications = notifications(root.object("notifications"));
        ScaleInPolicy scaleInPolicy = scaleInPolicy(root);
        SpotSettings spot = spot(root.object("spot"));
        // Terminate notification is not available on Spot (AZURE-NOTES): the default follows the priority,
        // an explicit non-zero value with Spot is rejected by the validator.
        int terminateNotificationMinutes = terminateNotification(root, spot.enabled());

        return new AutoscaleSettings(timeZone, workingHours, offHours, fixedDates, cpu, predictive, notifications,
                scaleInPolicy, terminateNotificationMinutes, spot);
    }

    private static JsonElement readJson(String json, Problems problems) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JsonParser.parseString(json);
        } catch (JsonParseException malformed) {
            problems.add(ROOT, json.length() > 120 ? json.substring(0, 117) + "..." : json,
                    "a structured value (a YAML mapping under config:, which Pulumi passes on as JSON): "
                            + io.github.dsvmpool.problems.JsonErrors.describe(malformed));
            return null;
        }
    }

    private static String timeZone(ConfigObject root) {
        return ScheduleFields.timeZone(root.path("timeZone"), root.string("timeZone"), problemsOf(root));
    }

    /** The window of a schedule that gives none: Monday-Friday 8-18, 1 to the pool's maximum. */
    static WorkingHours defaultWorkingHours(int poolMaximum) {
        return new WorkingHours("weekdays", DEFAULT_DAYS, DEFAULT_START_HOUR, DEFAULT_END_HOUR,
                new Capacity(1, 1, poolMaximum));
    }

    private static List<WorkingHours> workingHours(ConfigObject root, int poolMaximum) {
        Optional<List<JsonElement>> list = root.list("workingHours");
        if (list.isEmpty()) {
            return List.of(defaultWorkingHours(poolMaximum));
        }
        List<WorkingHours> profiles = new ArrayList<>();
        for (int index = 0; index < list.get().size(); index++) {
            ConfigObject profile = ConfigObject.of(list.get().get(index),
                    root.path("workingHours") + "[" + index + "]", problemsOf(root));
            profile.rejectUnknownKeys(Set.of("name", "days", "startHour", "endHour", "minimum", "default", "maximum"));
            String name = name(profile);
            Set<DayOfWeek> days = days(profile);
            int startHour = profile.integer("startHour", DEFAULT_START_HOUR, ScheduleFields.START_HOUR);
            int endHour = profile.integer("endHour", DEFAULT_END_HOUR, ScheduleFields.END_HOUR);
            Capacity capacity = capacity(profile, 1, Optional.of(poolMaximum));
            profiles.add(new WorkingHours(name, days, startHour, endHour, capacity));
        }
        return profiles;
    }

    private static Set<DayOfWeek> days(ConfigObject profile) {
        Optional<List<JsonElement>> list = profile.list("days");
        if (list.isEmpty()) {
            return DEFAULT_DAYS;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int index = 0; index < list.get().size(); index++) {
            JsonElement element = list.get().get(index);
            Optional<DayOfWeek> day = element.isJsonPrimitive()
                    ? DayNames.parse(element.getAsString()) : Optional.empty();
            if (day.isPresent()) {
                days.add(day.get());
            } else {
                problemsOf(profile).add(profile.path("days") + "[" + index + "]",
                        ConfigObject.shortText(element), DayNames.ALLOWED);
            }
        }
        return days;
    }

    private static List<FixedDate> fixedDates(ConfigObject root) {
        List<FixedDate> fixedDates = new ArrayList<>();
        List<JsonElement> list = root.list("fixedDates").orElse(List.of());
        for (int index = 0; index < list.size(); index++) {
            ConfigObject entry = ConfigObject.of(list.get(index), root.path("fixedDates") + "[" + index + "]",
                    problemsOf(root));
            entry.rejectUnknownKeys(Set.of("name", "start", "end", "minimum", "default", "maximum"));
            String name = name(entry);
            LocalDateTime start = dateTime(entry, "start");
            LocalDateTime end = dateTime(entry, "end");
            Capacity capacity = capacity(entry, 0, Optional.empty());
            fixedDates.add(new FixedDate(name, start, end, capacity));
        }
        return fixedDates;
    }

    private static LocalDateTime dateTime(ConfigObject entry, String key) {
        String allowed = ScheduleFields.DATE_TIME_ALLOWED;
        Optional<String> text = entry.string(key);
        if (text.isEmpty()) {
            problemsOf(entry).add(entry.path(key), null, "required: " + allowed);
            return UNREADABLE_DATE;
        }
        try {
            return LocalDateTime.parse(text.get().trim());
        } catch (DateTimeParseException unparsable) {
            problemsOf(entry).add(entry.path(key), text.get(), allowed);
            return UNREADABLE_DATE;
        }
    }

    private static String name(ConfigObject entry) {
        return ScheduleFields.name(entry.path("name"), entry.string("name"), problemsOf(entry));
    }

    /**
     * minimum/default/maximum with defaults: default follows minimum, maximum follows {@code defaultMaximum}
     * when given, else minimum (a profile without a maximum is a fixed size).
     */
    private static Capacity capacity(ConfigObject entry, int defaultMinimum, Optional<Integer> defaultMaximum) {
        int minimum = entry.integer("minimum", defaultMinimum, ScheduleFields.COUNT);
        int defaultCount = entry.integer("default", minimum, ScheduleFields.COUNT);
        int maximum = entry.integer("maximum", defaultMaximum.orElse(Math.max(minimum, defaultCount)),
                ScheduleFields.COUNT);
        return new Capacity(minimum, defaultCount, maximum);
    }

    private static CpuSettings cpu(ConfigObject cpu) {
        cpu.rejectUnknownKeys(Set.of("scaleOutAbovePercent", "scaleInBelowPercent", "timeWindowMinutes",
                "timeGrainMinutes", "scaleOutStep", "scaleInStep", "scaleOutCooldownMinutes",
                "scaleInCooldownMinutes"));
        return new CpuSettings(
                cpu.integer("scaleOutAbovePercent", CpuSettings.DEFAULT_SCALE_OUT_ABOVE_PERCENT,
                        ScheduleFields.SCALE_OUT_ABOVE_PERCENT),
                cpu.integer("scaleInBelowPercent", CpuSettings.DEFAULT_SCALE_IN_BELOW_PERCENT,
                        ScheduleFields.SCALE_IN_BELOW_PERCENT),
                cpu.integer("timeWindowMinutes", CpuSettings.DEFAULT_TIME_WINDOW_MINUTES,
                        ScheduleFields.TIME_WINDOW_MINUTES),
                cpu.integer("timeGrainMinutes", CpuSettings.DEFAULT_TIME_GRAIN_MINUTES, ScheduleFields.TIME_GRAIN_MINUTES),
                cpu.integer("scaleOutStep", CpuSettings.DEFAULT_STEP, ScheduleFields.STEP),
                cpu.integer("scaleInStep", CpuSettings.DEFAULT_STEP, ScheduleFields.STEP),
                cpu.integer("scaleOutCooldownMinutes", CpuSettings.DEFAULT_SCALE_OUT_COOLDOWN_MINUTES,
                        ScheduleFields.COOLDOWN_MINUTES),
                cpu.integer("scaleInCooldownMinutes", CpuSettings.DEFAULT_SCALE_IN_COOLDOWN_MINUTES,
                        ScheduleFields.COOLDOWN_MINUTES));
    }

    private static PredictiveSettings predictive(ConfigObject predictive) {
        predictive.rejectUnknownKeys(Set.of("mode", "lookAheadMinutes"));
        PredictiveMode mode = enumValue(predictive, "mode", PredictiveMode.class, PredictiveMode.Disabled);
        int lookAhead = predictive.integer("lookAheadMinutes", PredictiveSettings.DEFAULT_LOOK_AHEAD_MINUTES,
                ScheduleFields.LOOK_AHEAD_MINUTES);
        return new PredictiveSettings(mode, lookAhead);
    }

    private static NotificationSettings notifications(ConfigObject notifications) {
        notifications.rejectUnknownKeys(Set.of("emails", "webhooks"));
        return new NotificationSettings(strings(notifications, "emails"), strings(notifications, "webhooks"));
    }

    private static List<String> strings(ConfigObject entry, String key) {
        List<String> values = new ArrayList<>();
        List<JsonElement> list = entry.list(key).orElse(List.of());
        for (int index = 0; index < list.size(); index++) {
            JsonElement element = list.get(index);
            if (element.isJsonPrimitive()) {
                values.add(element.getAsString());
            } else {
                problemsOf(entry).add(entry.path(key) + "[" + index + "]", ConfigObject.shortText(element),
                        "a text value");
            }
        }
        return values;
    }

    private static ScaleInPolicy scaleInPolicy(ConfigObject root) {
        return enumValue(root, "scaleInPolicy", ScaleInPolicy.class, ScaleInPolicy.NewestVM);
    }

    private static int terminateNotification(ConfigObject root, boolean spot) {
        String key = "terminateNotificationMinutes";
        var rule = ScheduleFields.TERMINATE_NOTIFICATION_MINUTES;
        Optional<Integer> minutes = root.optionalInteger(key, rule.min(), rule.max(), rule.allowed());
        return ScheduleFields.terminateNotificationMinutes(root.path(key), minutes, spot, problemsOf(root));
    }

    private static SpotSettings spot(ConfigObject spot) {
        spot.rejectUnknownKeys(Set.of("enabled", "maxPrice"));
        boolean enabled = spot.bool("enabled", false);
        double maxPrice = spot.number("maxPrice", SpotSettings.PAY_UP_TO_ON_DEMAND, ScheduleFields.MAX_PRICE_ALLOWED);
        return new SpotSettings(enabled, ScheduleFields.maxPrice(spot.path("maxPrice"), maxPrice, problemsOf(spot)));
    }

    /** Enum constants are named exactly as Azure spells them, so matching is case-sensitive like Azure. */
    private static <E extends Enum<E>> E enumValue(ConfigObject entry, String key, Class<E> type, E defaultValue) {
        Optional<String> text = entry.string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return constant;
            }
        }
        problemsOf(entry).add(entry.path(key), text.get(), "one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
        return defaultValue;
    }

    private static Problems problemsOf(ConfigObject entry) {
        return entry.problems();
    }
}
