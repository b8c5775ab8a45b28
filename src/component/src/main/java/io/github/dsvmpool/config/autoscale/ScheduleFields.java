package io.github.dsvmpool.config.autoscale;

import io.github.dsvmpool.problems.Problems;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The per-field rules of the team's week, shared by the stack file's parser ({@link AutoscaleSettingsParser}) and
 * the typed builder ({@link WeekSchedule}), so both refuse the same values with the same messages. Rules that
 * involve several fields or the pool are {@code AutoscaleSettingsValidator}'s.
 */
final class ScheduleFields {
    /**
     * A whole number within {@code [min, max]}.
     *
     * @param min     the smallest allowed value
     * @param max     the largest allowed value
     * @param allowed the rule in words, for the problem
     */
    record IntRule(int min, int max, String allowed) {
        boolean holds(long value) {
            return value >= min && value <= max;
        }

        /** Records a problem at {@code path} unless the value holds; returns the value or the fallback. */
        int check(String path, int value, int fallback, Problems problems) {
            if (holds(value)) {
                return value;
            }
            problems.add(path, value, allowed);
            return fallback;
        }
    }

    static final IntRule START_HOUR = new IntRule(0, 23, "a whole hour from 0 to 23");
    static final IntRule END_HOUR = new IntRule(1, 24,
            "a whole hour from 1 to 24 (exclusive; 24 = midnight at the end of the day)");
    static final IntRule COUNT = new IntRule(0, AutoscaleLimits.LARGEST_POOL,
            "a whole number of instances from 0 to " + AutoscaleLimits.LARGEST_POOL);
    static final IntRule SCALE_OUT_ABOVE_PERCENT = new IntRule(1, 100, "a whole percentage from 1 to 100");
    static final IntRule SCALE_IN_BELOW_PERCENT = new IntRule(0, 99, "a whole percentage from 0 to 99");
    static final IntRule TIME_WINDOW_MINUTES = new IntRule(AutoscaleLimits.MIN_TIME_WINDOW_MINUTES,
            AutoscaleLimits.MAX_TIME_WINDOW_MINUTES, "whole minutes from 5 to 720 (12 hours)");
    static final IntRule TIME_GRAIN_MINUTES = new IntRule(AutoscaleLimits.MIN_TIME_GRAIN_MINUTES,
            AutoscaleLimits.MAX_TIME_GRAIN_MINUTES, "whole minutes from 1 to 720 (12 hours)");
    static final IntRule STEP = new IntRule(1, AutoscaleLimits.LARGEST_POOL,
            "a whole number of instances from 1 to " + AutoscaleLimits.LARGEST_POOL);
    static final IntRule COOLDOWN_MINUTES = new IntRule(AutoscaleLimits.MIN_COOLDOWN_MINUTES,
            AutoscaleLimits.MAX_COOLDOWN_MINUTES, "whole minutes from " + AutoscaleLimits.MIN_COOLDOWN_MINUTES
            + " to " + AutoscaleLimits.MAX_COOLDOWN_MINUTES + " (1 week)");
    static final IntRule LOOK_AHEAD_MINUTES = new IntRule(AutoscaleLimits.MIN_LOOK_AHEAD_MINUTES,
            AutoscaleLimits.MAX_LOOK_AHEAD_MINUTES, "whole minutes from 1 to 60");
    /** 0 or 5-15: {@link #terminateNotificationMinutes} adds the gap. */
    static final IntRule TERMINATE_NOTIFICATION_MINUTES = new IntRule(0,
            AutoscaleLimits.MAX_TERMINATE_NOTIFICATION_MINUTES, "0 (off) or whole minutes from 5 to 15");

    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0," + (AutoscaleLimits.MAX_NAME_LENGTH - 1) + "})");
    static final String NAME_ALLOWED = "1-" + AutoscaleLimits.MAX_NAME_LENGTH
            + " lowercase letters, digits and hyphens, starting with a letter or digit";
    static final String DATE_TIME_ALLOWED = "a local date and time in the schedule's time zone, e.g. 2026-12-24T00:00";
    static final String MAX_PRICE_ALLOWED =
            "-1 (pay up to the on-demand price, evicted only for capacity) or a price per VM hour above 0";

    private ScheduleFields() {
    }

    /** A profile's name: required, and {@link #NAME_ALLOWED}; returns what the settings hold. */
    static String name(String path, Optional<String> name, Problems problems) {
        if (name.isEmpty()) {
            problems.add(path, null, "required: " + NAME_ALLOWED);
            return "unnamed";
        }
        if (!NAME.matcher(name.get()).matches()) {
            problems.add(path, name.get(), NAME_ALLOWED);
        }
        return name.get();
    }

    /** The schedule's time zone as the Windows ID Azure wants; UTC when unset or unknown (with a problem). */
    static String timeZone(String path, Optional<String> configured, Problems problems) {
        if (configured.isEmpty()) {
            return "UTC";
        }
        Optional<String> windows = TimeZones.toWindows(configured.get());
        if (windows.isPresent()) {
            return windows.get();
        }
        List<String> suggestions = TimeZones.suggestionsFor(configured.get());
        String hint = suggestions.isEmpty() ? "" : "; did you mean " + suggestions.stream()
                .map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "? (Windows IDs are case-sensitive)";
        problems.add(path, configured.get(),
                "a Windows time zone ID as Azure spells it (e.g. 'W. Europe Standard Time', 'UTC', "
                        + "'Eastern Standard Time') or a common IANA name (e.g. 'Europe/Berlin'); "
                        + "the full lists are in docs/autoscale.md" + hint);
        return "UTC";
    }

    /** 0 or 5-15 minutes; the default follows the priority (none on Spot, AZURE-NOTES). */
    static int terminateNotificationMinutes(String path, Optional<Integer> minutes, boolean spot, Problems problems) {
        int defaultMinutes = spot ? 0 : AutoscaleLimits.DEFAULT_TERMINATE_NOTIFICATION_MINUTES;
        if (minutes.isEmpty()) {
            return defaultMinutes;
        }
        int value = minutes.get();
        if (!TERMINATE_NOTIFICATION_MINUTES.holds(value)
                || (value != 0 && value < AutoscaleLimits.MIN_TERMINATE_NOTIFICATION_MINUTES)) {
            problems.add(path, value, TERMINATE_NOTIFICATION_MINUTES.allowed());
            return defaultMinutes;
        }
        return value;
    }

    /** -1 or a price above 0. */
    static double maxPrice(String path, double maxPrice, Problems problems) {
        if (maxPrice != SpotSettings.PAY_UP_TO_ON_DEMAND && (maxPrice <= 0 || !Double.isFinite(maxPrice))) {
            problems.add(path, maxPrice, MAX_PRICE_ALLOWED);
            return SpotSettings.PAY_UP_TO_ON_DEMAND;
        }
        return maxPrice;
    }
}
