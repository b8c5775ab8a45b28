package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.CpuSettings;
import io.github.dsvmpool.config.autoscale.PredictiveMode;
import io.github.dsvmpool.config.autoscale.PredictiveSettings;
import io.github.dsvmpool.config.autoscale.ScaleInPolicy;
import io.github.dsvmpool.config.autoscale.SpotSettings;
import io.github.dsvmpool.config.autoscale.WeekSchedule;
import io.github.dsvmpool.config.autoscale.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The week built from code is the week a stack file describes: same defaults, same names in problems. */
class WeekScheduleTest {

    private static AutoscaleSettings parsed(String json) {
        var problems = new Problems();
        var settings = AutoscaleSettingsParser.parseWithoutValidation(json, AutoscaleLimits.LARGEST_POOL, problems);
        assertThat(problems.list()).isEmpty();
        return settings;
    }

    @Test
    void theDevWeekFromCodeEqualsTheDevStackFilesWeek() {
        var fromCode = WeekSchedule.builder()
                .timeZone("Europe/Berlin")
                .workingHours("office", WeekSchedule.WEEKDAYS, 9, 17, 1, 2)
                .offHours(0, 0)
                .spot(SpotSettings.PAY_UP_TO_ON_DEMAND)
                .build();
        var fromStackFile = parsed("""
                {"timeZone": "Europe/Berlin",
                 "workingHours": [{"name": "office", "days": ["Mon", "Tue", "Wed", "Thu", "Fri"],
                                   "startHour": 9, "endHour": 17, "minimum": 1, "maximum": 2}],
                 "offHours": {"minimum": 0, "maximum": 0},
                 "spot": {"enabled": true, "maxPrice": -1}}""");
        assertThat(fromCode).isEqualTo(fromStackFile);
        assertThat(fromCode.timeZone()).isEqualTo("W. Europe Standard Time");
        assertThat(fromCode.terminateNotificationMinutes()).as("no notification on Spot").isZero();
    }

    @Test
    void everyFieldReachesTheSchedule() {
        var week = WeekSchedule.builder()
                .timeZone("W. Europe Standard Time")
                .workingHours("weekdays", WeekSchedule.WEEKDAYS, 8, 19, 2, 3, 12)
                .workingHours("saturday", Set.of(DayOfWeek.SATURDAY), 10, 16, 1, 4)
                .fixedDate("christmas", LocalDateTime.of(2026, 12, 24, 0, 0), LocalDateTime.of(2027, 1, 2, 0, 0), 0, 0)
                .cpuThresholds(80, 30)
                .cpuWindow(15, 2)
                .cpuSteps(2, 1, 5, 45)
                .predictive(PredictiveMode.ForecastOnly, 20)
                .notifications(List.of("team@example.org"), List.of("https://hooks.example.org/scale"))
                .scaleInPolicy(ScaleInPolicy.OldestVM)
                .terminateNotificationMinutes(15)
                .build();
        assertThat(week.workingHours()).extracting(WorkingHours::name).containsExactly("weekdays", "saturday");
        assertThat(week.workingHours().get(0).capacity()).isEqualTo(new Capacity(2, 3, 12));
        assertThat(week.workingHours().get(1).days()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(week.fixedDates().get(0).capacity()).isEqualTo(new Capacity(0, 0, 0));
        assertThat(week.cpu()).isEqualTo(new CpuSettings(80, 30, 15, 2, 2, 1, 5, 45));
        assertThat(week.predictive()).isEqualTo(new PredictiveSettings(PredictiveMode.ForecastOnly, 20));
        assertThat(week.notifications().webhooks()).containsExactly("https://hooks.example.org/scale");
        assertThat(week.scaleInPolicy()).isEqualTo(ScaleInPolicy.OldestVM);
        assertThat(week.terminateNotificationMinutes()).isEqualTo(15);
        assertThat(week.spot().enabled()).isFalse();
        var problems = new Problems();
        AutoscaleSettingsValidator.validate(week, 20, problems);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void anEmptyBuilderGivesTheParsersDefaults() {
        assertThat(WeekSchedule.builder().build()).isEqualTo(parsed("{}"));
    }

    @Test
    void fieldsOutOfRangeAreRefusedByTheirStackFileNamesWithTheParsersMessages() {
        var refusal = catchThrowableOfType(InvalidConfigurationException.class, () -> WeekSchedule.builder()
                .workingHours("Office Hours", WeekSchedule.WEEKDAYS, 25, 17, 1, 2)
                .terminateNotificationMinutes(3)
                .build());
        var fromStackFile = new Problems();
        AutoscaleSettingsParser.parseWithoutValidation("""
                {"workingHours": [{"name": "Office Hours", "days": ["Mon", "Tue", "Wed", "Thu", "Fri"],
                                   "startHour": 25, "endHour": 17, "minimum": 1, "maximum": 2}],
                 "terminateNotificationMinutes": 3}""", AutoscaleLimits.LARGEST_POOL, fromStackFile);
        assertThat(refusal.problems()).extracting(Problem::setting).containsExactlyInAnyOrder(
                "autoscale.workingHours[0].name", "autoscale.workingHours[0].startHour",
                "autoscale.terminateNotificationMinutes");
        assertThat(refusal.problems()).containsExactlyInAnyOrderElementsOf(fromStackFile.list());
    }

    @Test
    void rulesInvolvingThePoolAreCheckedWithThePoolsSettings() {
        var week = WeekSchedule.builder().workingHours("office", WeekSchedule.WEEKDAYS, 9, 17, 1, 8)
                .workingHours("saturday", Set.of(DayOfWeek.SATURDAY), 10, 18, 1, 2)
                .workingHours("late", Set.of(DayOfWeek.SATURDAY), 16, 20, 1, 2).build();
        var settings = PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"))
                .maxInstanceCount(4).autoscale(week).build();
        assertThat(io.github.dsvmpool.plans.PoolSettingsValidator.problems(settings)).extracting(Problem::setting)
                .contains("autoscale.workingHours[0].maximum", "autoscale.workingHours[2]");
    }
}
