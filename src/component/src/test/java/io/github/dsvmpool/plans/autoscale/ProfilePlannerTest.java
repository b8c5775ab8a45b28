package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.Capacity;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class ProfilePlannerTest {

    private static final String W_EUROPE = "W. Europe Standard Time";

    @Test
    void aWeekdayWindowNeedsAWorkingStartAndAnOffHoursStartOnTheSameDays() {
        AutoscaleSettings settings = Schedules.valid("{'timeZone': 'Europe/Berlin', 'workingHours': [{'name': 'weekdays',"
                + " 'days': ['Mon','Tue','Wed','Thu','Fri'], 'startHour': 8, 'endHour': 19, 'minimum': 1, 'maximum': 4}]}", 4);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name).containsExactly("working-weekdays", "off-hours-1900");
        ProfilePlan working = plans.get(0);
        assertThat(working.kind()).isEqualTo(ProfilePlan.Kind.WORKING);
        assertThat(working.recurrence()).isEqualTo(new RecurrenceStart(W_EUROPE,
                java.util.EnumSet.range(MONDAY, FRIDAY), 8, 0));
        assertThat(working.recurrence().azureDays()).containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
        assertThat(working.capacity()).isEqualTo(new Capacity(1, 1, 4));
        assertThat(working.cpuRules()).isTrue();
        assertThat(working.source()).isEqualTo("autoscale.workingHours[0]");
        ProfilePlan off = plans.get(1);
        assertThat(off.kind()).isEqualTo(ProfilePlan.Kind.OFF_HOURS);
        assertThat(off.recurrence().days()).containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
        assertThat(off.recurrence().hour()).isEqualTo(19);
        assertThat(off.capacity()).isEqualTo(new Capacity(0, 0, 0));
        assertThat(off.cpuRules()).as("maximum 0: nothing to scale").isFalse();
    }

    @Test
    void theFridayEveningOffHoursProfileCoversTheWeekend() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [{'name': 'weekdays', 'startHour': 8, 'endHour': 19}]}", 4);

        ProfilePlan[] active = RecurrenceSimulator.activeProfiles(ProfilePlanner.plan(settings));

        assertThat(active[WeekGrid.hourOfWeek(SATURDAY, 12)].name()).isEqualTo("off-hours-1900");
        assertThat(active[WeekGrid.hourOfWeek(SUNDAY, 23)].name()).isEqualTo("off-hours-1900");
        assertThat(active[WeekGrid.hourOfWeek(MONDAY, 7)].name()).isEqualTo("off-hours-1900");
        assertThat(active[WeekGrid.hourOfWeek(MONDAY, 8)].name()).isEqualTo("working-weekdays");
        assertThat(active[WeekGrid.hourOfWeek(FRIDAY, 18)].name()).isEqualTo("working-weekdays");
        assertThat(active[WeekGrid.hourOfWeek(FRIDAY, 19)].name()).isEqualTo("off-hours-1900");
    }

    @Test
    void endHour24EndsAtMidnightSoOffHoursStartOnTheNextDay() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [{'name': 'late', 'days': ['Fri', 'Sun'],"
                + " 'startHour': 14, 'endHour': 24}]}", 4);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name).containsExactly("working-late", "off-hours-0000");
        // Friday 24:00 is Saturday 00:00; Sunday 24:00 wraps to Monday 00:00.
        assertThat(plans.get(1).recurrence().days()).containsExactly(MONDAY, SATURDAY);
        assertThat(plans.get(1).recurrence().hour()).isZero();
    }

    @Test
    void aWindowRunningThroughMidnightIntoItselfStartsOnlyOnce() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [{'name': 'exam', 'days': ['Mon', 'Tue'],"
                + " 'startHour': 0, 'endHour': 24}]}", 4);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name).containsExactly("working-exam", "off-hours-0000");
        assertThat(plans.get(0).recurrence().days()).containsExactly(MONDAY);
        assertThat(plans.get(1).recurrence().days()).containsExactly(WEDNESDAY);
    }

    @Test
    void adjacentProfilesHandOverWithoutOffHoursBetweenThem() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': ["
                + "{'name': 'morning', 'startHour': 8, 'endHour': 12, 'minimum': 2, 'maximum': 6},"
                + "{'name': 'afternoon', 'startHour': 12, 'endHour': 18, 'minimum': 1, 'maximum': 4},"
                + "{'name': 'saturday', 'days': ['Sat'], 'startHour': 10, 'endHour': 14, 'minimum': 1, 'maximum': 1}]}", 6);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name)
                .containsExactly("working-morning", "working-afternoon", "working-saturday", "off-hours-1400", "off-hours-1800");
        assertThat(plans.get(2).cpuRules()).as("minimum == maximum: a fixed size needs no rules").isFalse();
        assertThat(plans.get(3).recurrence().days()).containsExactly(SATURDAY);
        assertThat(plans.get(4).recurrence().days()).containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    }

    @Test
    void fixedDatesComeFirst() {
        AutoscaleSettings settings = Schedules.valid("{'timeZone': 'UTC', 'fixedDates': ["
                + "{'name': 'christmas', 'start': '2026-12-24T00:00', 'end': '2027-01-02T00:00'},"
                + "{'name': 'course-week', 'start': '2027-03-01T07:00', 'end': '2027-03-05T19:00', 'minimum': 4, 'maximum': 8}]}", 8);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name)
                .containsExactly("fixed-christmas", "fixed-course-week", "working-weekdays", "off-hours-1800");
        assertThat(plans.get(0).fixedWindow()).isEqualTo(new FixedWindow("UTC",
                java.time.LocalDateTime.of(2026, 12, 24, 0, 0), java.time.LocalDateTime.of(2027, 1, 2, 0, 0)));
        assertThat(plans.get(0).fixedWindow().startIso()).isEqualTo("2026-12-24T00:00:00");
        assertThat(plans.get(0).cpuRules()).isFalse();
        assertThat(plans.get(1).cpuRules()).isTrue();
        assertThat(plans.get(1).recurrence()).isNull();
    }

    @Test
    void noWorkingHoursMeansOneOffHoursProfileEveryMidnight() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [], 'offHours': {'minimum': 1, 'maximum': 2}}", 2);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name).containsExactly("off-hours-0000");
        assertThat(plans.get(0).recurrence().days()).containsExactlyElementsOf(List.of(DayOfWeek.values()));
        assertThat(plans.get(0).cpuRules()).isTrue();
    }

    @Test
    void aProfileCoveringTheWholeWeekStartsEveryMidnight() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [{'name': 'always', 'days': ['Mon','Tue','Wed','Thu','Fri','Sat','Sun'],"
                + " 'startHour': 0, 'endHour': 24}]}", 2);

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        assertThat(plans).extracting(ProfilePlan::name).containsExactly("working-always");
        assertThat(plans.get(0).recurrence().days()).hasSize(7);
    }

    @Test
    void cpuRulesCarryAzureSpellings() {
        AutoscaleSettings settings = Schedules.valid("{'cpu': {'scaleOutAbovePercent': 75, 'scaleInBelowPercent': 20,"
                + " 'timeWindowMinutes': 90, 'scaleOutStep': 2, 'scaleOutCooldownMinutes': 5, 'scaleInCooldownMinutes': 60}}", 6);

        List<CpuRulePlan> rules = ProfilePlanner.plan(settings).get(0).rules();

        assertThat(rules).containsExactly(
                new CpuRulePlan("Percentage CPU", "microsoft.compute/virtualmachinescalesets", "Average", "Average",
                        "GreaterThan", 75, "PT1M", "PT1H30M", "Increase", "ChangeCount", 2, "PT5M"),
                new CpuRulePlan("Percentage CPU", "microsoft.compute/virtualmachinescalesets", "Average", "Average",
                        "LessThan", 20, "PT1M", "PT1H30M", "Decrease", "ChangeCount", 1, "PT1H"));
        assertThat(rules.get(0).scalesOut()).isTrue();
    }
}
