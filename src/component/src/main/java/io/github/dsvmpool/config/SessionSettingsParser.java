package io.github.dsvmpool.config;

import io.github.dsvmpool.problems.JsonErrors;
import io.github.dsvmpool.problems.Problems;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.dsvmpool.config.autoscale.ConfigObject;
import java.util.Set;

/**
 * Reads the {@code sessions} object (Pulumi passes structured YAML to Java as JSON) into {@link SessionSettings}:
 * shape and types only, so that the ranges are checked once, for Java callers too, by the pool's validator.
 */
public final class SessionSettingsParser {
    static final Set<String> KNOBS = Set.of("idleMinutes", "cpuSharePercent", "latestHour", "resumeHour", "timeZone",
            "maxProtectedHours");
    private static final String WHOLE_NUMBER = "a whole number (ranges: docs/configuration.md, Sessions)";

    private SessionSettingsParser() {
    }

    /** The knobs, defaults for the absent ones; every wrong type is a problem named {@code sessions.<knob>}. */
    public static SessionSettings parse(String json, Problems problems) {
        JsonElement element;
        try {
            element = json == null || json.isBlank() ? null : JsonParser.parseString(json);
        } catch (JsonParseException malformed) {
            problems.add(SessionSettings.KEY, json, "a YAML mapping of the session agent's settings: "
                    + JsonErrors.describe(malformed));
            return SessionSettings.defaults();
        }
        ConfigObject object = ConfigObject.of(element, SessionSettings.KEY, problems);
        object.rejectUnknownKeys(KNOBS);
        SessionSettings defaults = SessionSettings.defaults();
        return new SessionSettings(
                integer(object, "idleMinutes", defaults.idleMinutes()),
                integer(object, "cpuSharePercent", defaults.cpuSharePercent()),
                integer(object, "latestHour", defaults.latestHour()),
                integer(object, "resumeHour", defaults.resumeHour()),
                object.string("timeZone").map(String::trim),
                integer(object, "maxProtectedHours", defaults.maxProtectedHours()));
    }

    private static int integer(ConfigObject object, String key, int defaultValue) {
        return object.optionalInteger(key, Integer.MIN_VALUE, Integer.MAX_VALUE, WHOLE_NUMBER).orElse(defaultValue);
    }
}
