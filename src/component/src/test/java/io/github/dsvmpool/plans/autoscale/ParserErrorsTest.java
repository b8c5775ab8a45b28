package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each bad input yields exactly one problem, on exactly the expected setting. */
class ParserErrorsTest {

    private static final int POOL_MAXIMUM = 10;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("malformed JSON", "{'timeZone': ", "autoscale"),
                arguments("not an object", "[1, 2]", "autoscale"),
                arguments("unknown top-level key", "{'timezone': 'UTC'}", "autoscale.timezone"),
                arguments("unknown nested key", "{'cpu': {'scaleOutAbove': 80}}", "autoscale.cpu.scaleOutAbove"),
                arguments("unknown time zone", "{'timeZone': 'Mars/Olympus_Mons'}", "autoscale.timeZone"),
                arguments("Windows ID in the wrong case", "{'timeZone': 'w. europe standard time'}", "autoscale.timeZone"),
                arguments("workingHours not a list", "{'workingHours': {'name': 'a'}}", "autoscale.workingHours"),
                arguments("missing name", "{'workingHours': [{'days': ['Mon']}]}", "autoscale.workingHours[0].name"),
                arguments("bad name", "{'workingHours': [{'name': 'Week days!'}]}", "autoscale.workingHours[0].name"),
                arguments("duplicate name", "{'workingHours': [{'name': 'a', 'days': ['Mon']}, {'name': 'a', 'days': ['Tue']}]}",
                        "autoscale.workingHours[1].name"),
                arguments("unknown day", "{'workingHours': [{'name': 'a', 'days': ['Mon', 'Funday']}]}",
                        "autoscale.workingHours[0].days[1]"),
                arguments("no days", "{'workingHours': [{'name': 'a', 'days': []}]}", "autoscale.workingHours[0].days"),
                arguments("start hour 24", "{'workingHours': [{'name': 'a', 'startHour': 24}]}",
                        "autoscale.workingHours[0].startHour"),
                arguments("negative start hour", "{'workingHours': [{'name': 'a', 'startHour': -1}]}",
                        "autoscale.workingHours[0].startHour"),
                arguments("fractional start hour", "{'workingHours': [{'name': 'a', 'startHour': 8.5}]}",
                        "autoscale.workingHours[0].startHour"),
                arguments("end hour 0", "{'workingHours': [{'name': 'a', 'endHour': 0}]}",
                        "autoscale.workingHours[0].endHour"),
                arguments("end hour 25", "{'workingHours': [{'name': 'a', 'endHour': 25}]}",
                        "autoscale.workingHours[0].endHour"),
                arguments("start equals end", "{'workingHours': [{'name': 'a', 'startHour': 10, 'endHour': 10}]}",
                        "autoscale.workingHours[0].endHour"),
                arguments("start after end", "{'workingHours': [{'name': 'a', 'startHour': 20, 'endHour': 6}]}",
                        "autoscale.workingHours[0].endHour"),
                arguments("overlapping profiles", "{'workingHours': [{'name': 'a', 'days': ['Mon', 'Tue'], 'startHour': 8, 'endHour': 12},"
                        + " {'name': 'b', 'days': ['Tue'], 'startHour': 11, 'endHour': 14}]}", "autoscale.workingHours[1]"),
                arguments("minimum not a number", "{'workingHours': [{'name': 'a', 'minimum': 'two'}]}",
                        "autoscale.workingHours[0].minimum"),
                arguments("working minimum 0 with CPU rules", "{'workingHours': [{'name': 'a', 'minimum': 0, 'maximum': 3}]}",
                        "autoscale.workingHours[0].minimum"),
                arguments("minimum above maximum", "{'workingHours': [{'name': 'a', 'minimum': 4, 'maximum': 3}]}",
                        "autoscale.workingHours[0].minimum"),
                arguments("default above maximum", "{'workingHours': [{'name': 'a', 'minimum': 1, 'default': 5, 'maximum': 3}]}",
                        "autoscale.workingHours[0].default"),
                arguments("default below minimum", "{'workingHours': [{'name': 'a', 'minimum': 2, 'default': 1, 'maximum': 3}]}",
                        "autoscale.workingHours[0].default"),
                arguments("working maximum above the pool", "{'workingHours': [{'name': 'a', 'maximum': 11}]}",
                        "autoscale.workingHours[0].maximum"),
                arguments("off-hours maximum above the pool", "{'offHours': {'maximum': 12}}", "autoscale.offHours.maximum"),
                arguments("off-hours default keeps the pool from zero", "{'offHours': {'minimum': 0, 'default': 1, 'maximum': 2}}",
                        "autoscale.offHours.default"),
                arguments("unknown off-hours key", "{'offHours': {'min': 0}}", "autoscale.offHours.min"),
                arguments("fixed date without start", "{'fixedDates': [{'name': 'x', 'end': '2026-12-27T00:00'}]}",
                        "autoscale.fixedDates[0].start"),
                arguments("fixed date unparsable", "{'fixedDates': [{'name': 'x', 'start': '24.12.2026', 'end': '2026-12-27T00:00'}]}",
                        "autoscale.fixedDates[0].start"),
                arguments("fixed date ends before it starts", "{'fixedDates': [{'name': 'x', 'start': '2026-12-27T00:00', 'end': '2026-12-24T00:00'}]}",
                        "autoscale.fixedDates[0].end"),
                arguments("overlapping fixed dates", "{'fixedDates': [{'name': 'x', 'start': '2026-12-24T00:00', 'end': '2026-12-27T00:00'},"
                        + " {'name': 'y', 'start': '2026-12-26T00:00', 'end': '2027-01-02T00:00'}]}", "autoscale.fixedDates[1]"),
                arguments("fixed date maximum above the pool", "{'fixedDates': [{'name': 'course', 'start': '2027-03-01T07:00',"
                        + " 'end': '2027-03-05T19:00', 'minimum': 5, 'maximum': 20}]}", "autoscale.fixedDates[0].maximum"),
                arguments("scale-in above scale-out", "{'cpu': {'scaleOutAbovePercent': 60, 'scaleInBelowPercent': 70}}",
                        "autoscale.cpu.scaleInBelowPercent"),
                arguments("thresholds too close", "{'cpu': {'scaleOutAbovePercent': 70, 'scaleInBelowPercent': 55}}",
                        "autoscale.cpu.scaleInBelowPercent"),
                arguments("scale-in to the floor always skipped", "{'cpu': {'scaleOutAbovePercent': 70, 'scaleInBelowPercent': 40}}",
                        "autoscale.cpu.scaleInBelowPercent"),
                arguments("scale-out threshold above 100", "{'cpu': {'scaleOutAbovePercent': 101}}", "autoscale.cpu.scaleOutAbovePercent"),
                arguments("time window too short", "{'cpu': {'timeWindowMinutes': 4}}", "autoscale.cpu.timeWindowMinutes"),
                arguments("time window too long", "{'cpu': {'timeWindowMinutes': 721}}", "autoscale.cpu.timeWindowMinutes"),
                arguments("time grain longer than the window", "{'cpu': {'timeWindowMinutes': 10, 'timeGrainMinutes': 15}}",
                        "autoscale.cpu.timeGrainMinutes"),
                arguments("zero step", "{'cpu': {'scaleOutStep': 0}}", "autoscale.cpu.scaleOutStep"),
                arguments("cooldown 0", "{'cpu': {'scaleOutCooldownMinutes': 0}}", "autoscale.cpu.scaleOutCooldownMinutes"),
                arguments("cooldown over a week", "{'cpu': {'scaleInCooldownMinutes': 10081}}", "autoscale.cpu.scaleInCooldownMinutes"),
                arguments("predictive mode in the wrong case", "{'predictive': {'mode': 'enabled'}}", "autoscale.predictive.mode"),
                arguments("look-ahead over an hour", "{'predictive': {'mode': 'ForecastOnly', 'lookAheadMinutes': 61}}",
                        "autoscale.predictive.lookAheadMinutes"),
                arguments("predictive without any CPU profile", "{'workingHours': [{'name': 'a', 'minimum': 2, 'maximum': 2}],"
                        + " 'predictive': {'mode': 'Enabled'}}", "autoscale.predictive.mode"),
                arguments("malformed e-mail", "{'notifications': {'emails': ['ops@example.org', 'ops.example.org']}}",
                        "autoscale.notifications.emails[1]"),
                arguments("e-mail without domain dot", "{'notifications': {'emails': ['ops@localhost']}}",
                        "autoscale.notifications.emails[0]"),
                arguments("plain HTTP webhook", "{'notifications': {'webhooks': ['http://hooks.example.org/scale']}}",
                        "autoscale.notifications.webhooks[0]"),
                arguments("webhook without host", "{'notifications': {'webhooks': ['https:///scale']}}",
                        "autoscale.notifications.webhooks[0]"),
                arguments("unknown scale-in policy", "{'scaleInPolicy': 'Newest'}", "autoscale.scaleInPolicy"),
                arguments("terminate notification too short", "{'terminateNotificationMinutes': 3}",
                        "autoscale.terminateNotificationMinutes"),
                arguments("terminate notification too long", "{'terminateNotificationMinutes': 16}",
                        "autoscale.terminateNotificationMinutes"),
                arguments("terminate notification with Spot", "{'spot': {'enabled': true}, 'terminateNotificationMinutes': 10}",
                        "autoscale.terminateNotificationMinutes"),
                arguments("Spot max price 0", "{'spot': {'enabled': true, 'maxPrice': 0}}", "autoscale.spot.maxPrice"),
                arguments("Spot enabled not a boolean", "{'spot': {'enabled': 'yes'}}", "autoscale.spot.enabled"),
                arguments("more than 20 profiles", tooManyProfiles(), "autoscale.workingHours + autoscale.fixedDates"));
    }

    /** 11 one-hour windows on Monday with gaps: 11 working + 11 off-hours profiles = 22 > 20. */
    private static String tooManyProfiles() {
        return "{\"workingHours\": [" + IntStream.range(0, 11)
                .mapToObj(i -> "{\"name\": \"w" + i + "\", \"days\": [\"Mon\"], \"startHour\": " + (2 * i)
                        + ", \"endHour\": " + (2 * i + 1) + "}")
                .collect(Collectors.joining(", ")) + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void reportsExactlyTheBadSetting(String description, String input, String expectedSetting) {
        Problems problems = new Problems();
        String json = input.startsWith("{\"") ? input : Json.of(input);

        AutoscaleSettingsValidator.parseAndValidate(json, POOL_MAXIMUM, problems);

        assertThat(problems.list()).extracting(Problem::setting).containsExactly(expectedSetting);
        assertThat(problems.list().get(0).allowed()).isNotBlank();
    }

    @Test
    void collectsEveryProblemInsteadOfStoppingAtTheFirst() {
        Problems problems = new Problems();
        String json = Json.of("{'timeZone': 'Nowhere/Land', 'workingHours': [{'name': 'a', 'startHour': 25}],"
                + " 'cpu': {'scaleInBelowPercent': 65}, 'notifications': {'webhooks': ['http://x.example']}}");

        AutoscaleSettingsValidator.parseAndValidate(json, POOL_MAXIMUM, problems);

        assertThat(problems.list()).extracting(Problem::setting).containsExactlyInAnyOrder(
                "autoscale.timeZone", "autoscale.workingHours[0].startHour", "autoscale.cpu.scaleInBelowPercent",
                "autoscale.notifications.webhooks[0]");
        assertThatThrownBy(() -> problems.throwIfAny("dsvm-pool:autoscale"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("4 invalid settings")
                .hasMessageContaining("autoscale.timeZone = 'Nowhere/Land'");
    }

    @Test
    void poolMaximumProblemNamesBothSettings() {
        Problems problems = new Problems();

        AutoscaleSettingsValidator.parseAndValidate(Json.of("{'workingHours': [{'name': 'a', 'maximum': 11}]}"), POOL_MAXIMUM, problems);

        assertThat(problems.list().get(0).message())
                .contains("autoscale.workingHours[0].maximum = '11'")
                .contains("at most 10")
                .contains(AutoscaleSettingsValidator.POOL_MAXIMUM_SETTING);
    }

    @Test
    void caseMistakeInATimeZoneSuggestsTheRightSpelling() {
        Problems problems = new Problems();

        AutoscaleSettingsValidator.parseAndValidate(Json.of("{'timeZone': 'w. europe standard time'}"), POOL_MAXIMUM, problems);

        assertThat(problems.list().get(0).allowed()).contains("did you mean 'W. Europe Standard Time'");
    }
}
