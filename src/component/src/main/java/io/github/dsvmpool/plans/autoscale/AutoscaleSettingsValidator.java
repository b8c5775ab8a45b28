package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.CpuSettings;
import io.github.dsvmpool.config.autoscale.DayNames;
import io.github.dsvmpool.config.autoscale.FixedDate;
import io.github.dsvmpool.config.autoscale.NotificationSettings;
import io.github.dsvmpool.config.autoscale.PredictiveMode;
import io.github.dsvmpool.config.autoscale.TimeZones;
import io.github.dsvmpool.config.autoscale.WorkingHours;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Rules that involve more than one field: schedules, capacities against each other and against the pool,
 * thresholds against each other, Spot against terminate notifications, and Azure's profile and rule limits.
 * Checks on a part whose fields already have problems are skipped, so one typo yields one problem, not a cascade.
 */
public final class AutoscaleSettingsValidator {

    /** The lead's configuration key for the pool's structural maximum (sizes NAT port ranges and the subnet). */
    public static final String POOL_MAXIMUM_SETTING = "maxInstanceCount";

    private static final String ROOT = AutoscaleSettingsParser.ROOT;
    /** Deliberately simple: one @, no spaces, a dot in the domain. Azure rejects worse; typos are what we catch. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;.]{2,}");

    private AutoscaleSettingsValidator() {
    }

    public static void validate(AutoscaleSettings settings, int poolMaximum, Problems problems) {
        validate(settings, poolMaximum, POOL_MAXIMUM_SETTING, problems);
    }

    public static void validate(AutoscaleSettings settings, int poolMaximum, String poolMaximumSetting,
                                Problems problems) {
        PoolLimit pool = new PoolLimit(poolMaximum, poolMaximumSetting);
        timeZone(settings, problems);
        workingHours(settings.workingHours(), pool, problems);
        capacity(ROOT + ".offHours", settings.offHours(), false, pool, problems);
        fixedDates(settings.fixedDates(), pool, problems);
        cpu(settings, problems);
        predictive(settings, problems);
        notifications(settings.notifications(), problems);
        spot(settings, problems);
        azureLimits(settings, problems);
    }

    private record PoolLimit(int maximum, String setting) {
    }

    private static void timeZone(AutoscaleSettings settings, Problems problems) {
        if (!TimeZones.windowsIds().contains(settings.timeZone()) && !hasProblemAt(problems, ROOT + ".timeZone")) {
            problems.add(ROOT + ".timeZone", settings.timeZone(), "a Windows time zone ID as Azure spells it");
        }
    }

    private static void workingHours(List<WorkingHours> profiles, PoolLimit pool, Problems problems) {
        Map<String, Integer> firstIndexOfName = new HashMap<>();
        for (int index = 0; index < profiles.size(); index++) {
            String path = ROOT + ".workingHours[" + index + "]";
            if (hasProblemAt(problems, path)) {
                continue;
            }
            WorkingHours profile = profiles.get(index);
            if (profile.days().isEmpty()) {
                problems.add(path + ".days", "(empty)", "at least one day: a profile without days never starts");
            }
            if (profile.startHour() >= profile.endHour()) {
                problems.add(path + ".endHour", profile.endHour(), "after startHour (" + profile.startHour()
                        + "); the end is exclusive, 24 = midnight; split a window across midnight into two profiles");
            }
            capacity(path, profile.capacity(), true, pool, problems);
            Integer earlier = firstIndexOfName.putIfAbsent(profile.name(), index);
            if (earlier != null) {
                problems.add(path + ".name", profile.name(),
                        "a name not already used by workingHours[" + earlier + "]: profile names must be unique");
            }
        }
        overlaps(profiles, problems);
    }

    /** No hour of the week may belong to two working profiles: Azure would run only one of them. */
    private static void overlaps(List<WorkingHours> profiles, Problems problems) {
        for (int later = 1; later < profiles.size(); later++) {
            String laterPath = ROOT + ".workingHours[" + later + "]";
            if (hasProblemAt(problems, laterPath)) {
                continue;
            }
            for (int earlier = 0; earlier < later; earlier++) {
                if (hasProblemAt(problems, ROOT + ".workingHours[" + earlier + "]")) {
                    continue;
                }
                String shared = firstSharedHour(profiles.get(earlier), profiles.get(later));
                if (shared != null) {
                    problems.add(laterPath, describe(profiles.get(later)),
                            "no hour shared with another working profile, but " + shared + " is also in workingHours["
                                    + earlier + "] '" + profiles.get(earlier).name() + "' (" + describe(profiles.get(earlier)) + ")");
                    break;
                }
            }
        }
    }

    private static String firstSharedHour(WorkingHours first, WorkingHours second) {
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                if (first.covers(day, hour) && second.covers(day, hour)) {
                    return DayNames.shortName(day) + String.format(Locale.ROOT, " %02d:00", hour);
                }
            }
        }
        return null;
    }

    static String describe(WorkingHours profile) {
        StringBuilder days = new StringBuilder();
        for (DayOfWeek day : profile.days()) {
            days.append(days.length() == 0 ? "" : ",").append(DayNames.shortName(day));
        }
        return String.format(Locale.ROOT, "%s %02d:00-%02d:00", days, profile.startHour(), profile.endHour());
    }

    private static void capacity(String path, Capacity capacity, boolean working, PoolLimit pool, Problems problems) {
        if (hasProblemAt(problems, path)) {
            return;
        }
        if (capacity.minimum() > capacity.maximum()) {
            problems.add(path + ".minimum", capacity.minimum(), "at most maximum (" + capacity.maximum() + ")");
        } else if (capacity.defaultCount() < capacity.minimum() || capacity.defaultCount() > capacity.maximum()) {
            problems.add(path + ".default", capacity.defaultCount(),
                    "between minimum (" + capacity.minimum() + ") and maximum (" + capacity.maximum() + ")");
        } else if (working && capacity.minimum() == 0 && capacity.maximum() > 0) {
            problems.add(path + ".minimum", 0, "at least 1 when maximum is above 0: with no VM running there is no"
                    + " CPU metric, so the CPU rules could never scale out from zero (use maximum 0 to close the pool)");
        } else if (!working && capacity.minimum() == 0 && capacity.maximum() > 0 && capacity.defaultCount() > 0) {
            problems.add(path + ".default", capacity.defaultCount(), "0 when minimum is 0: Azure sets the count to"
                    + " default whenever it cannot read the CPU metric, which at zero VMs is always, so the pool"
                    + " would never stay at zero");
        }
        if (capacity.maximum() > pool.maximum()) {
            problems.add(path + ".maximum", capacity.maximum(), "at most " + pool.maximum() + ", the pool's structural"
                    + " maximum (" + pool.setting() + "), which sizes the subnet and outbound; raise "
                    + pool.setting() + " or lower this maximum");
        }
    }

    private static void fixedDates(List<FixedDate> fixedDates, PoolLimit pool, Problems problems) {
        Map<String, Integer> firstIndexOfName = new HashMap<>();
        for (int index = 0; index < fixedDates.size(); index++) {
            String path = ROOT + ".fixedDates[" + index + "]";
            if (hasProblemAt(problems, path)) {
                continue;
            }
            FixedDate fixedDate = fixedDates.get(index);
            if (!fixedDate.end().isAfter(fixedDate.start())) {
                problems.add(path + ".end", fixedDate.end(), "after start (" + fixedDate.start() + ")");
                continue;
            }
            capacity(path, fixedDate.capacity(), false, pool, problems);
            Integer earlier = firstIndexOfName.putIfAbsent(fixedDate.name(), index);
            if (earlier != null) {
                problems.add(path + ".name", fixedDate.name(),
                        "a name not already used by fixedDates[" + earlier + "]: profile names must be unique");
            }
            for (int other = 0; other < index; other++) {
                FixedDate previous = fixedDates.get(other);
                if (!hasProblemAt(problems, ROOT + ".fixedDates[" + other + "]") && previous.end().isAfter(previous.start())
                        && previous.overlaps(fixedDate)) {
                    problems.add(path, fixedDate.start() + " to " + fixedDate.end(), "no overlap with fixedDates["
                            + other + "] '" + previous.name() + "' (" + previous.start() + " to " + previous.end()
                            + "): Azure would apply only one of them");
                    break;
                }
            }
        }
    }

    private static void cpu(AutoscaleSettings settings, Problems problems) {
        String path = ROOT + ".cpu";
        if (hasProblemAt(problems, path)) {
            return;
        }
        CpuSettings cpu = settings.cpu();
        int out = cpu.scaleOutAbovePercent();
        int in = cpu.scaleInBelowPercent();
        OptionalInt smallestFloor = smallestCpuFloor(settings);
        if (in >= out) {
            problems.add(path + ".scaleInBelowPercent", in, "below scaleOutAbovePercent (" + out + ")");
        } else if (out - in < AutoscaleLimits.MIN_THRESHOLD_MARGIN) {
            problems.add(path + ".scaleInBelowPercent", in, "at most " + (out - AutoscaleLimits.MIN_THRESHOLD_MARGIN)
                    + ": keep " + AutoscaleLimits.MIN_THRESHOLD_MARGIN + " points below scaleOutAbovePercent (" + out
                    + ") so that the pool does not flap (scale in, then straight out again)");
        } else if (smallestFloor.isPresent() && projectedAfterScaleIn(in, smallestFloor.getAsInt(), cpu.scaleInStep()) >= out) {
            int floor = smallestFloor.getAsInt();
            problems.add(path + ".scaleInBelowPercent", in, "below " + out + " x " + floor + " / " + (floor + cpu.scaleInStep())
                    + ": Azure skips a scale-in when the load of " + (floor + cpu.scaleInStep()) + " VMs spread over "
                    + floor + " would exceed scaleOutAbovePercent (flapping protection), so the pool would never"
                    + " shrink back to its minimum of " + floor);
        }
        if (cpu.timeGrainMinutes() > cpu.timeWindowMinutes()) {
            problems.add(path + ".timeGrainMinutes", cpu.timeGrainMinutes(),
                    "at most timeWindowMinutes (" + cpu.timeWindowMinutes() + ")");
        }
    }

    /** The load Azure projects onto {@code floor} VMs when scaling in from {@code floor + step} at {@code in}%. */
    static double projectedAfterScaleIn(int in, int floor, int step) {
        return (double) in * (floor + step) / floor;
    }

    /** The smallest minimum of at least 1 among profiles that scale on CPU (where flapping protection matters). */
    private static OptionalInt smallestCpuFloor(AutoscaleSettings settings) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.concat(settings.workingHours().stream().map(WorkingHours::capacity),
                                settings.fixedDates().stream().map(FixedDate::capacity)),
                        java.util.stream.Stream.of(settings.offHours()))
                .filter(Capacity::scalesOnCpu)
                .mapToInt(Capacity::minimum)
                .filter(minimum -> minimum >= 1)
                .min();
    }

    private static void predictive(AutoscaleSettings settings, Problems problems) {
        if (settings.predictive().mode() == PredictiveMode.Disabled || hasProblemAt(problems, ROOT + ".predictive")) {
            return;
        }
        boolean anyCpuProfile = settings.workingHours().stream().anyMatch(p -> p.capacity().scalesOnCpu())
                || settings.fixedDates().stream().anyMatch(f -> f.capacity().scalesOnCpu())
                || settings.offHours().scalesOnCpu();
        if (!anyCpuProfile) {
            problems.add(ROOT + ".predictive.mode", settings.predictive().mode(), "Disabled when no profile scales on"
                    + " CPU (every minimum equals its maximum): predictive autoscale forecasts the CPU scale-out rule");
        }
    }

    private static void notifications(NotificationSettings notifications, Problems problems) {
        String path = ROOT + ".notifications";
        for (int index = 0; index < notifications.emails().size(); index++) {
            String email = notifications.emails().get(index);
            if (!EMAIL.matcher(email).matches()) {
                problems.add(path + ".emails[" + index + "]", email, "an e-mail address like team@example.org");
            }
        }
        for (int index = 0; index < notifications.webhooks().size(); index++) {
            String webhook = notifications.webhooks().get(index);
            if (!isHttpsUrl(webhook)) {
                problems.add(path + ".webhooks[" + index + "]", webhook,
                        "an absolute https:// URL (Azure autoscale calls only HTTPS webhooks)");
            }
        }
    }

    private static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static void spot(AutoscaleSettings settings, Problems problems) {
        if (settings.spot().enabled() && settings.terminateNotificationMinutes() != 0) {
            problems.add(ROOT + ".terminateNotificationMinutes", settings.terminateNotificationMinutes(),
                    "0 (off) while spot.enabled is true: Azure offers no terminate notification on Spot VMs"
                            + " (the watcher still sees Preempt events)");
        }
    }

    /** Azure's 20-profile and 10-rule limits, counted on what the planner will actually generate. */
    private static void azureLimits(AutoscaleSettings settings, Problems problems) {
        if (hasProblemAt(problems, ROOT + ".workingHours") || hasProblemAt(problems, ROOT + ".fixedDates")) {
            return;
        }
        List<ProfilePlan> plans = ProfilePlanner.plan(settings);
        if (plans.size() > AutoscaleLimits.MAX_PROFILES) {
            long fixed = plans.stream().filter(p -> p.kind() == ProfilePlan.Kind.FIXED_DATE).count();
            long working = plans.stream().filter(p -> p.kind() == ProfilePlan.Kind.WORKING).count();
            long off = plans.size() - fixed - working;
            problems.add(ROOT + ".workingHours + " + ROOT + ".fixedDates",
                    plans.size() + " Azure profiles (" + fixed + " fixed-date, " + working + " working, " + off
                            + " off-hours)",
                    "at most " + AutoscaleLimits.MAX_PROFILES + " profiles in one autoscale setting; each distinct end"
                            + " hour of the working profiles adds an off-hours profile");
        }
        for (ProfilePlan plan : plans) {
            if (plan.rules().size() > AutoscaleLimits.MAX_RULES_PER_PROFILE) {
                problems.add(plan.source(), plan.rules().size() + " rules",
                        "at most " + AutoscaleLimits.MAX_RULES_PER_PROFILE + " rules per profile");
            }
        }
    }

    /** Whether {@code path} itself or anything below it already has a problem. */
    static boolean hasProblemAt(Problems problems, String path) {
        for (Problem problem : problems.list()) {
            String setting = problem.setting();
            if (setting.equals(path) || setting.startsWith(path + ".") || setting.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses and validates against the pool's structural maximum; the one call a program needs.
     *
     * @param json        the {@code autoscale} setting's value
     * @param poolMaximum the pool's {@code maxInstanceCount}
     * @param problems    where problems go
     * @return the schedule (check {@code problems} before using it)
     */
    public static AutoscaleSettings parseAndValidate(String json, int poolMaximum, Problems problems) {
        AutoscaleSettings settings = AutoscaleSettingsParser.parseWithoutValidation(json, poolMaximum, problems);
        validate(settings, poolMaximum, problems);
        return settings;
    }

    /**
     * Parses and validates against the largest possible scale set ({@value AutoscaleLimits#LARGEST_POOL}).
     *
     * @param json     the {@code autoscale} setting's value
     * @param problems where problems go
     * @return the schedule
     */
    public static AutoscaleSettings parseAndValidate(String json, Problems problems) {
        return parseAndValidate(json, AutoscaleLimits.LARGEST_POOL, problems);
    }
}
