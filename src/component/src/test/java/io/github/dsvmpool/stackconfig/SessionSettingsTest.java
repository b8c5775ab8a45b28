package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.config.SessionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code sessionProtection} and {@code sessions}: defaults, each bad value named, all problems at once. */
class SessionSettingsTest {

    @Test
    void protectionFollowsProductionUnlessSetAndTheKnobsDefaultToTheAgents() {
        var dev = StackConfiguration.read(MapConfigSource.minimal()).pool();
        assertThat(dev.sessionProtectionEnabled()).isFalse();
        assertThat(dev.sessions()).isEqualTo(SessionSettings.defaults());
        assertThat(dev.sessionTimeZone()).contains("UTC");
        var production = StackConfiguration.read(MapConfigSource.minimal().with("production", "true")).pool();
        assertThat(production.sessionProtectionEnabled()).isTrue();
        assertThat(StackConfiguration.read(MapConfigSource.minimal().with("production", "true")
                .with("sessionProtection", "false")).pool().sessionProtectionEnabled()).isFalse();
        assertThat(StackConfiguration.read(MapConfigSource.minimal().with("sessionProtection", "true")).pool()
                .sessionProtectionEnabled()).isTrue();
    }

    @Test
    void theKnobsAreReadAndTheTimeZoneFollowsTheSchedule() {
        var pool = StackConfiguration.read(MapConfigSource.minimal()
                .with("autoscale", "{\"timeZone\": \"W. Europe Standard Time\"}")
                .with("sessions", "{\"idleMinutes\": 45, \"cpuSharePercent\": \"50\", \"latestHour\": 22,"
                        + " \"resumeHour\": 7, \"maxProtectedHours\": 12}")).pool();
        assertThat(pool.sessions()).isEqualTo(new SessionSettings(45, 50, 22, 7, java.util.Optional.empty(), 12));
        assertThat(pool.sessionTimeZone()).contains("Europe/Berlin");
        assertThat(StackConfiguration.read(MapConfigSource.minimal()
                .with("autoscale", "{\"timeZone\": \"W. Europe Standard Time\"}")
                .with("sessions", "{\"timeZone\": \"America/Chicago\"}")).pool().sessionTimeZone())
                .contains("America/Chicago");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sessionProtection | maybe                           | sessionProtection",
            "sessions          | '{\"idleMinutes\": 9}'          | sessions.idleMinutes",
            "sessions          | '{\"idleMinutes\": 1441}'       | sessions.idleMinutes",
            "sessions          | '{\"idleMinutes\": \"soon\"}'   | sessions.idleMinutes",
            "sessions          | '{\"cpuSharePercent\": 0}'      | sessions.cpuSharePercent",
            "sessions          | '{\"cpuSharePercent\": 101}'    | sessions.cpuSharePercent",
            "sessions          | '{\"latestHour\": 24}'          | sessions.latestHour",
            "sessions          | '{\"resumeHour\": -1}'          | sessions.resumeHour",
            "sessions          | '{\"latestHour\": 6}'           | sessions.resumeHour",
            "sessions          | '{\"timeZone\": \"Mars/Olympus\"}' | sessions.timeZone",
            "sessions          | '{\"maxProtectedHours\": 0}'    | sessions.maxProtectedHours",
            "sessions          | '{\"maxProtectedHours\": 25}'   | sessions.maxProtectedHours",
            "sessions          | '{\"idleMinute\": 30}'          | sessions.idleMinute",
            "sessions          | '[30]'                          | sessions",
            "sessions          | '{\"idleMinutes\": '            | sessions"})
    void eachBadValueIsNamed(String key, String value, String expectedSetting) {
        var error = MapConfigSource.refusedWith(key, value);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly(expectedSetting);
    }

    @Test
    void everyBadKnobIsReportedAtOnceWithWhatIsAllowed() {
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal().with("sessions",
                "{\"idleMinutes\": 5, \"cpuSharePercent\": 0, \"latestHour\": 30, \"resumeHour\": 30,"
                        + " \"timeZone\": \"Nowhere/Town\", \"maxProtectedHours\": 48}")),
                InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactlyInAnyOrder("sessions.idleMinutes",
                "sessions.cpuSharePercent", "sessions.latestHour", "sessions.resumeHour", "sessions.resumeHour",
                "sessions.timeZone", "sessions.maxProtectedHours");
        assertThat(error.getMessage()).contains("sessions.idleMinutes = '5': 10-1440")
                .contains("sessions.maxProtectedHours = '48': 1-24").contains("sessions.timeZone = 'Nowhere/Town'");
    }

    @Test
    void aScheduleTimeZoneWithoutAnIanaNameAsksForOne() {
        // Mid-Atlantic Standard Time: a Windows ID Azure autoscale lists, with no IANA name in the CLDR table.
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("autoscale", "{\"timeZone\": \"Mid-Atlantic Standard Time\"}")), InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("sessions");
        assertThat(error.getMessage()).contains("set sessions.timeZone");
        assertThat(StackConfiguration.read(MapConfigSource.minimal()
                .with("autoscale", "{\"timeZone\": \"Mid-Atlantic Standard Time\"}")
                .with("sessions", "{\"timeZone\": \"Atlantic/South_Georgia\"}")).pool().sessionTimeZone())
                .contains("Atlantic/South_Georgia");
    }
}
