package io.github.dsvmpool.config;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.DayNames;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dsvmpool.problems.Problems;
import java.time.DayOfWeek;

/**
 * The schedule of a pool configured without one: a single profile for the whole week with the pool's
 * minimum, initial and maximum counts and the default CPU rules, scale-in policy and terminate notification.
 * Built through the parser so that every default stays defined in one place.
 */
public final class AlwaysOnSchedule {
    public static final String PROFILE_NAME = "always";

    private AlwaysOnSchedule() {
    }

    public static AutoscaleSettings of(InstanceCounts counts) {
        var days = new JsonArray();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(DayNames.azure(day));
        }
        var window = new JsonObject();
        window.addProperty("name", PROFILE_NAME);
        window.add("days", days);
        window.addProperty("startHour", 0);
        window.addProperty("endHour", 24);
        window.addProperty("minimum", counts.minimum());
        window.addProperty("default", counts.initial());
        window.addProperty("maximum", counts.maximum());
        var workingHours = new JsonArray();
        workingHours.add(window);
        var root = new JsonObject();
        root.add("workingHours", workingHours);
        var problems = new Problems();
        var settings = AutoscaleSettingsParser.parseWithoutValidation(root.toString(), counts.maximum(), problems);
        problems.throwIfAny("the always-on schedule");
        return settings;
    }
}
