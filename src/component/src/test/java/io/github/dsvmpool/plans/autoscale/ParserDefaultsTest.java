package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.CpuSettings;
import io.github.dsvmpool.config.autoscale.FixedDate;
import io.github.dsvmpool.config.autoscale.PredictiveSettings;
import io.github.dsvmpool.config.autoscale.ScaleInPolicy;
import io.github.dsvmpool.config.autoscale.SpotSettings;
import io.github.dsvmpool.config.autoscale.WorkingHours;

import io.github.dsvmpool.problems.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ParserDefaultsTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "{}", "null"})
    void absentConfigurationMeansTheDocumentedDefaults(String json) {
        Problems problems = new Problems();

        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(json, 6, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.timeZone()).isEqualTo("UTC");
        assertThat(settings.workingHours()).containsExactly(new WorkingHours("weekdays",
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 8, 18, new Capacity(1, 1, 6)));
        assertThat(settings.offHours()).isEqualTo(new Capacity(0, 0, 0));
        assertThat(settings.fixedDates()).isEmpty();
        assertThat(settings.cpu()).isEqualTo(CpuSettings.defaults());
        assertThat(settings.predictive()).isEqualTo(PredictiveSettings.defaults());
        assertThat(settings.notifications().isEmpty()).isTrue();
        assertThat(settings.scaleInPolicy()).isEqualTo(ScaleInPolicy.NewestVM);
        assertThat(settings.terminateNotificationMinutes()).isEqualTo(10);
        assertThat(settings.spot()).isEqualTo(SpotSettings.defaults());
    }

    @Test
    void profileFieldsDefaultSensibly() {
        Problems problems = new Problems();

        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(Json.of("{'workingHours': [{'name': 'lab', 'minimum': 2}],"
                + " 'offHours': {'minimum': 1}, 'fixedDates': [{'name': 'xmas', 'start': '2026-12-24T00:00', 'end': '2026-12-27T00:00:00'}]}"),
                8, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.workingHours().get(0)).isEqualTo(new WorkingHours("lab",
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 8, 18, new Capacity(2, 2, 8)));
        assertThat(settings.offHours()).isEqualTo(new Capacity(1, 1, 1));
        assertThat(settings.fixedDates().get(0)).isEqualTo(new FixedDate("xmas", LocalDateTime.of(2026, 12, 24, 0, 0),
                LocalDateTime.of(2026, 12, 27, 0, 0), new Capacity(0, 0, 0)));
    }

    @Test
    void acceptsValuesThatPulumiPathSetStoresAsStrings() {
        Problems problems = new Problems();

        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(Json.of("{'cpu': {'scaleOutAbovePercent': '80',"
                + " 'scaleInBelowPercent': '30'}, 'spot': {'enabled': 'true'}, 'workingHours': [{'name': 'a',"
                + " 'days': ['monday', 'TUE', 'Wed'], 'startHour': '9', 'endHour': 17.0}]}"), 10, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.cpu().scaleOutAbovePercent()).isEqualTo(80);
        assertThat(settings.cpu().scaleInBelowPercent()).isEqualTo(30);
        assertThat(settings.spot().enabled()).isTrue();
        assertThat(settings.workingHours().get(0).days())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
        assertThat(settings.workingHours().get(0).endHour()).isEqualTo(17);
    }

    @Test
    void translatesAnIanaTimeZone() {
        Problems problems = new Problems();

        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(Json.of("{'timeZone': 'Europe/Berlin'}"), 4, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.timeZone()).isEqualTo("W. Europe Standard Time");
    }

    @Test
    void spotTurnsTheTerminateNotificationOffByDefault() {
        Problems problems = new Problems();

        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(Json.of("{'spot': {'enabled': true, 'maxPrice': 0.05}}"),
                4, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.terminateNotificationMinutes()).isZero();
        assertThat(settings.spot().maxPrice()).isEqualTo(0.05);
    }

    @Test
    void emptyWorkingHoursMeanOffHoursAllWeek() {
        Problems problems = new Problems();

        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(Json.of("{'workingHours': [], 'offHours': {'minimum': 1, 'maximum': 3}}"),
                4, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(settings.workingHours()).isEmpty();
    }
}
