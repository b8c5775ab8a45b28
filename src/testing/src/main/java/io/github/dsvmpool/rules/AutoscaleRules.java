package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.plans.autoscale.IsoDurations;
import io.github.dsvmpool.config.autoscale.TimeZones;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Autoscale settings (Microsoft.Insights/autoscalesettings): counts, capacities, schedules, durations. */
final class AutoscaleRules {
    static final String SPEC = "REST spec monitor autoscale_API.json (AutoscaleProfile, ScaleCapacity, MetricTrigger,"
            + " ScaleAction, Recurrence, TimeWindow)";
    static final String ERROR = "unconfirmed (BadRequest from Microsoft.Insights with a validation message)";
    static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    private AutoscaleRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("autoscale-profile-limits",
                        "An autoscale setting has at most 20 profiles, each with at most 10 rules",
                        "Learn \"Azure Monitor service limits\" (autoscale); " + SPEC, ERROR, Basis.CONFIRMED,
                        AutoscaleRules::profileLimits),
                new AzureRule("autoscale-capacity",
                        "Every profile's capacity is whole numbers with 0 <= minimum <= default <= maximum, and"
                                + " maximum at most 1,000 (the scale-set limit)",
                        SPEC + "; Learn \"Understand autoscale settings\"", ERROR, Basis.CONFIRMED,
                        AutoscaleRules::capacity),
                new AzureRule("autoscale-time-zone",
                        "Recurrence and fixed-date time zones are Windows time zone IDs as Azure lists them"
                                + " (W. Europe Standard Time, UTC), not IANA names",
                        SPEC + " (RecurrentSchedule.timeZone: the list of accepted IDs)", ERROR, Basis.CONFIRMED,
                        AutoscaleRules::timeZones),
                new AzureRule("autoscale-recurrence",
                        "A recurrence has frequency Week and a schedule with days (Monday-Sunday), hours 0-23 and"
                                + " minutes 0-59, none of them empty",
                        SPEC + "; Azure/azure-sdk-for-python issue 1798 (\"invalid recurrence schedule with days"
                                + " null or empty\")",
                        "BadRequest", Basis.CONFIRMED, AutoscaleRules::recurrence),
                new AzureRule("autoscale-fixed-date",
                        "A fixed-date profile's start is a date-time before its end",
                        SPEC, ERROR, Basis.CONFIRMED, AutoscaleRules::fixedDate),
                new AzureRule("autoscale-durations",
                        "Rule cooldown is PT1M-P7D, metric timeGrain PT1M-PT12H, timeWindow PT5M-PT12H, and the"
                                + " predictive scaleLookAheadTime PT1M-PT60M",
                        SPEC + "; Learn \"Use predictive autoscale to scale out before load demands in virtual"
                                + " machine scale sets\"",
                        ERROR, Basis.CONFIRMED, AutoscaleRules::durations),
                new AzureRule("predictive-needs-cpu-scale-out",
                        "An autoscale setting with predictiveAutoscalePolicy.scaleMode ForecastOnly or Enabled has a"
                                + " scale-out rule on the metric Percentage CPU with timeAggregation Average",
                        "Learn \"Use predictive autoscale to scale out before load demands in virtual machine scale"
                                + " sets\" (predictive autoscale forecasts the Percentage CPU scale-out rule, Average"
                                + " aggregation). Whether a rule in a recurrence profile is enough is not documented:"
                                + " the committed prod stack keeps ForecastOnly, which scales nothing either way",
                        ERROR, Basis.CONFIRMED, AutoscaleRules::predictiveCpuRule),
                new AzureRule("autoscale-one-setting-per-target",
                        "A resource has at most one autoscale setting",
                        "Learn \"Overview of autoscale in Azure\" (one autoscale setting per resource)",
                        "unconfirmed (a Conflict or BadRequest naming the existing setting)", Basis.CONFIRMED,
                        AutoscaleRules::oneSettingPerTarget));
    }

    private static void predictiveCpuRule(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            String mode = Values.string(Values.map(setting.inputs(), "predictiveAutoscalePolicy"), "scaleMode")
                    .orElse("Disabled");
            if (mode.equalsIgnoreCase("Disabled")) {
                continue;
            }
            boolean cpuScaleOut = Values.list(setting.inputs(), "profiles").stream()
                    .flatMap(profile -> Values.list(Values.map(profile), "rules").stream()).map(Values::map)
                    .anyMatch(rule -> Values.equalsIgnoreCase(Values.string(Values.map(rule, "scaleAction"),
                            "direction"), "Increase")
                            && Values.equalsIgnoreCase(Values.string(Values.map(rule, "metricTrigger"), "metricName"),
                            "Percentage CPU")
                            && Values.equalsIgnoreCase(Values.string(Values.map(rule, "metricTrigger"),
                            "timeAggregation"), "Average"));
            if (!cpuScaleOut) {
                findings.add(setting, "predictiveAutoscalePolicy.scaleMode", "predictive autoscale is " + mode
                                + " but no profile has a Percentage CPU (Average) scale-out rule to forecast",
                        "add a CPU scale-out rule (autoscale.cpu) or set predictive.mode Disabled");
            }
        }
    }

    private static String profilePath(int index) {
        return "profiles[" + index + "]";
    }

    private static void profileLimits(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            List<Object> profiles = Values.list(setting.inputs(), "profiles");
            if (profiles.size() > AutoscaleLimits.MAX_PROFILES) {
                findings.add(setting, "profiles", "the setting has " + profiles.size() + " profiles, more than "
                        + AutoscaleLimits.MAX_PROFILES, "merge schedule windows (e.g. one recurrence for all"
                        + " working days) to stay at " + AutoscaleLimits.MAX_PROFILES + " profiles or fewer");
            }
            for (int index = 0; index < profiles.size(); index++) {
                List<Object> rules = Values.list(Values.map(profiles.get(index)), "rules");
                if (rules.size() > AutoscaleLimits.MAX_RULES_PER_PROFILE) {
                    findings.add(setting, profilePath(index) + ".rules", "profile "
                                    + Values.nameOf(Values.map(profiles.get(index)), index) + " has " + rules.size()
                                    + " rules, more than " + AutoscaleLimits.MAX_RULES_PER_PROFILE,
                            "keep at most " + AutoscaleLimits.MAX_RULES_PER_PROFILE + " rules per profile");
                }
            }
        }
    }

    private static void capacity(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            List<Object> profiles = Values.list(setting.inputs(), "profiles");
            for (int index = 0; index < profiles.size(); index++) {
                Map<String, Object> profile = Values.map(profiles.get(index));
                Map<String, Object> capacity = Values.map(profile, "capacity");
                String path = profilePath(index) + ".capacity";
                String name = Values.nameOf(profile, index);
                Map<String, Long> values = new LinkedHashMap<>();
                for (String field : new String[] {"minimum", "default", "maximum"}) {
                    Optional<Long> value = Values.whole(capacity, field);
                    if (value.isEmpty()) {
                        findings.add(setting, path + "." + field, "profile " + name + "'s capacity " + field
                                + " is missing or not a whole number", "give it a string of digits, e.g. \"1\"");
                    } else {
                        values.put(field, value.get());
                    }
                }
                if (values.size() < 3) {
                    continue;
                }
                long minimum = values.get("minimum");
                long fallback = values.get("default");
                long maximum = values.get("maximum");
                if (minimum < 0 || minimum > fallback || fallback > maximum) {
                    findings.add(setting, path, "profile " + name + "'s capacity is minimum " + minimum + ", default "
                                    + fallback + ", maximum " + maximum + ", not 0 <= minimum <= default <= maximum",
                            "order them so that 0 <= minimum <= default <= maximum");
                }
                if (maximum > AutoscaleLimits.LARGEST_POOL) {
                    findings.add(setting, path + ".maximum", "profile " + name + "'s maximum " + maximum
                                    + " exceeds the 1,000 instances a scale set can hold",
                            "keep maximum at or below 1,000");
                }
            }
        }
    }

    private static void timeZones(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            List<Object> profiles = Values.list(setting.inputs(), "profiles");
            for (int index = 0; index < profiles.size(); index++) {
                Map<String, Object> profile = Values.map(profiles.get(index));
                check(setting, findings, profilePath(index) + ".recurrence.schedule.timeZone",
                        Values.map(Values.map(profile, "recurrence"), "schedule"), true);
                check(setting, findings, profilePath(index) + ".fixedDate.timeZone",
                        Values.map(profile, "fixedDate"), false);
            }
        }
    }

    private static void check(Registration setting, Findings findings, String path, Map<String, Object> holder,
                              boolean required) {
        if (holder.isEmpty() || (!required && !holder.containsKey("timeZone"))) {
            return;
        }
        Optional<String> zone = Values.string(holder, "timeZone");
        if (zone.isPresent() && TimeZones.windowsIds().contains(zone.get())) {
            return;
        }
        String suggestion = zone.flatMap(TimeZones::toWindows).map(id -> "use '" + id + "'")
                .or(() -> zone.map(TimeZones::suggestionsFor).filter(list -> !list.isEmpty())
                        .map(list -> "use '" + list.get(0) + "' (Azure matches IDs case-sensitively)"))
                .orElse("use a Windows time zone ID from Azure's list, e.g. 'W. Europe Standard Time' or 'UTC'");
        findings.add(setting, path, "the time zone " + zone.map(z -> "'" + z + "'").orElse("(missing)")
                + " is not a Windows time zone ID Azure accepts", suggestion);
    }

    private static void recurrence(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            List<Object> profiles = Values.list(setting.inputs(), "profiles");
            for (int index = 0; index < profiles.size(); index++) {
                Map<String, Object> recurrence = Values.map(Values.map(profiles.get(index)), "recurrence");
                if (recurrence.isEmpty()) {
                    continue;
                }
                String path = profilePath(index) + ".recurrence";
                Optional<String> frequency = Values.string(recurrence, "frequency");
                if (!Values.equalsIgnoreCase(frequency, "Week")) {
                    findings.add(setting, path + ".frequency", "the recurrence frequency is "
                            + frequency.orElse("(missing)") + ", but autoscale recurrences are weekly",
                            "set frequency: Week");
                }
                Map<String, Object> schedule = Values.map(recurrence, "schedule");
                List<Object> days = Values.list(schedule, "days");
                if (days.isEmpty()) {
                    findings.add(setting, path + ".schedule.days", "the recurrence has no days",
                            "list the days it starts on, e.g. Monday");
                }
                for (int day = 0; day < days.size(); day++) {
                    Object value = Values.reveal(days.get(day));
                    if (!(value instanceof String text) || !DAYS.contains(Values.lower(text))) {
                        findings.add(setting, path + ".schedule.days[" + day + "]", "'" + value
                                + "' is not a day name", "use Monday, Tuesday, ... Sunday");
                    }
                }
                numbers(setting, findings, path + ".schedule.hours", Values.list(schedule, "hours"), 23, "hours");
                numbers(setting, findings, path + ".schedule.minutes", Values.list(schedule, "minutes"), 59,
                        "minutes");
            }
        }
    }

    private static void numbers(Registration setting, Findings findings, String path, List<Object> values,
                                long highest, String what) {
        if (values.isEmpty()) {
            findings.add(setting, path, "the recurrence has no " + what, "give at least one, e.g. [0]");
        }
        for (int index = 0; index < values.size(); index++) {
            Optional<Long> value = Values.whole(values.get(index));
            if (value.isEmpty() || value.get() < 0 || value.get() > highest) {
                findings.add(setting, path + "[" + index + "]", "'" + Values.reveal(values.get(index))
                        + "' is not within 0-" + highest + " " + what, "use " + what + " from 0 to " + highest);
            }
        }
    }

    private static void fixedDate(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            List<Object> profiles = Values.list(setting.inputs(), "profiles");
            for (int index = 0; index < profiles.size(); index++) {
                Map<String, Object> fixed = Values.map(Values.map(profiles.get(index)), "fixedDate");
                if (fixed.isEmpty()) {
                    continue;
                }
                String path = profilePath(index) + ".fixedDate";
                Optional<LocalDateTime> start = Values.string(fixed, "start").flatMap(AutoscaleRules::dateTime);
                Optional<LocalDateTime> end = Values.string(fixed, "end").flatMap(AutoscaleRules::dateTime);
                if (start.isEmpty() || end.isEmpty()) {
                    findings.add(setting, path + (start.isEmpty() ? ".start" : ".end"), "the fixed date's "
                                    + (start.isEmpty() ? "start" : "end") + " is missing or not an ISO-8601 date-time",
                            "give start and end as e.g. 2026-12-24T00:00:00");
                } else if (!start.get().isBefore(end.get())) {
                    findings.add(setting, path + ".end", "the fixed date ends (" + end.get() + ") before or when it"
                            + " starts (" + start.get() + ")", "give an end after the start");
                }
            }
        }
    }

    /** The wall-clock date-time (the profile's timeZone applies; an explicit offset is taken as written). */
    static Optional<LocalDateTime> dateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toLocalDateTime());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static void durations(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            List<Object> profiles = Values.list(setting.inputs(), "profiles");
            for (int index = 0; index < profiles.size(); index++) {
                List<Object> rules = Values.list(Values.map(profiles.get(index)), "rules");
                for (int rule = 0; rule < rules.size(); rule++) {
                    Map<String, Object> inputs = Values.map(rules.get(rule));
                    String path = profilePath(index) + ".rules[" + rule + "]";
                    duration(setting, findings, path + ".scaleAction.cooldown", Values.map(inputs, "scaleAction"),
                            "cooldown", AutoscaleLimits.MIN_COOLDOWN_MINUTES, AutoscaleLimits.MAX_COOLDOWN_MINUTES);
                    Map<String, Object> trigger = Values.map(inputs, "metricTrigger");
                    duration(setting, findings, path + ".metricTrigger.timeGrain", trigger, "timeGrain",
                            AutoscaleLimits.MIN_TIME_GRAIN_MINUTES, AutoscaleLimits.MAX_TIME_GRAIN_MINUTES);
                    duration(setting, findings, path + ".metricTrigger.timeWindow", trigger, "timeWindow",
                            AutoscaleLimits.MIN_TIME_WINDOW_MINUTES, AutoscaleLimits.MAX_TIME_WINDOW_MINUTES);
                }
            }
            Map<String, Object> predictive = Values.map(setting.inputs(), "predictiveAutoscalePolicy");
            if (predictive.containsKey("scaleLookAheadTime")) {
                duration(setting, findings, "predictiveAutoscalePolicy.scaleLookAheadTime", predictive,
                        "scaleLookAheadTime", AutoscaleLimits.MIN_LOOK_AHEAD_MINUTES,
                        AutoscaleLimits.MAX_LOOK_AHEAD_MINUTES);
            }
        }
    }

    private static void duration(Registration setting, Findings findings, String path, Map<String, Object> holder,
                                 String field, int lowest, int highest) {
        Optional<String> value = Values.string(holder, field);
        if (value.isPresent() && Durations.within(value.get(), lowest, highest)) {
            return;
        }
        findings.add(setting, path, field + " is " + value.map(v -> "'" + v + "'").orElse("missing")
                        + ", not an ISO-8601 duration from " + IsoDurations.minutes(lowest) + " to "
                        + IsoDurations.minutes(highest),
                "give a duration from " + IsoDurations.minutes(lowest) + " to " + IsoDurations.minutes(highest));
    }

    private static void oneSettingPerTarget(ResourceGraph graph, Findings findings) {
        Map<String, Registration> seen = new LinkedHashMap<>();
        for (Registration setting : graph.ofType(ResourceGraph.AUTOSCALE)) {
            Optional<String> target = Values.string(setting.inputs(), "targetResourceUri");
            if (target.isEmpty()) {
                continue;
            }
            String key = graph.resolve(target.get()).map(t -> t.key().toString()).orElse(Values.lower(target.get()));
            Registration first = seen.putIfAbsent(key, setting);
            if (first != null) {
                findings.add(setting, "targetResourceUri", "autoscale settings " + first.name() + " and "
                                + setting.name() + " both target " + target.get(),
                        "merge them into one setting (profiles can cover every schedule)");
            }
        }
    }
}
