package io.github.dsvmpool.plans.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Fixed dates replace the weekly schedule for their whole span, day and night (Learn autoscale-multiprofile.md:
 * fixed dates win, one profile at a time). Week: Mon-Fri 08-18 at 2..6 VMs, off hours 0..0; 2027-03-01 is a
 * Monday.
 */
class FixedDateCostTest {
    private static final String WEEK = "'workingHours': [{'name': 'weekdays', 'startHour': 8, 'endHour': 18,"
            + " 'minimum': 2, 'maximum': 6}]";

    private static List<ProfilePlan> plans(String fixedDates) {
        return ProfilePlanner.plan(Schedules.valid("{" + WEEK + ", 'fixedDates': [" + fixedDates + "]}", 20));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // description | fixed date | hours | floor VMh | ceiling VMh | displaced floor | displaced ceiling | off hours
            "a course week Mon 07:00 to Sat 00:00 at 8..20 | {'name': 'course', 'start': '2027-03-01T07:00', 'end': '2027-03-06T00:00', 'minimum': 8, 'maximum': 20} | 113 | 904 | 2260 | 100 | 300 | 63",
            "a closed week (no counts: 0/0/0) | {'name': 'closed', 'start': '2027-03-01T00:00', 'end': '2027-03-08T00:00'} | 168 | 0 | 0 | 100 | 300 | 118",
            "one weekend at 1 VM | {'name': 'hackathon', 'start': '2027-03-06T00:00', 'end': '2027-03-08T00:00', 'minimum': 1} | 48 | 48 | 48 | 0 | 0 | 48",
            "a half hour inside working hours | {'name': 'demo', 'start': '2027-03-01T09:30', 'end': '2027-03-01T10:00', 'minimum': 4} | 0.5 | 2 | 2 | 1 | 3 | 0"})
    void eachFixedDateCountsItsWholeSpanAgainstTheWeekItReplaces(String description, String fixedDate, double hours,
                                                                double floor, double ceiling, double displacedFloor,
                                                                double displacedCeiling, double offHours) {
        FixedDateHours fixed = FixedDateHours.of(plans(fixedDate)).get(0);

        assertThat(fixed.hours()).isCloseTo(hours, within(1e-9));
        assertThat(fixed.floorInstanceHours()).isCloseTo(floor, within(1e-9));
        assertThat(fixed.ceilingInstanceHours()).isCloseTo(ceiling, within(1e-9));
        assertThat(fixed.displacedFloorInstanceHours()).isCloseTo(displacedFloor, within(1e-9));
        assertThat(fixed.displacedCeilingInstanceHours()).isCloseTo(displacedCeiling, within(1e-9));
        assertThat(fixed.hoursOutsideWorkingHours()).isCloseTo(offHours, within(1e-9));
        assertThat(fixed.workingHoursReplaced()).isCloseTo(hours - offHours, within(1e-9));
    }

    @Test
    void theEstimateCarriesEachFixedDateAndTheTwelveMonthsCountOnlyThoseInside() {
        List<ProfilePlan> plans = plans("{'name': 'course', 'start': '2027-03-01T07:00', 'end': '2027-03-06T00:00',"
                + " 'minimum': 8, 'maximum': 20}, {'name': 'old', 'start': '2025-12-24T00:00',"
                + " 'end': '2025-12-27T00:00'}");
        CostEstimate estimate = CostEstimator.estimate(plans, 0.5, 100, 0.06, 20, Optional.of(LocalDate.of(2027, 1, 4)));

        assertThat(estimate.fixedDates()).extracting(FixedDateHours::name).containsExactly("course", "old");
        assertThat(estimate.compute(estimate.fixedDates().get(0).extraFloorInstanceHours()))
                .isCloseTo((904 - 100) * 0.5, within(1e-9));
        TwelveMonths year = estimate.twelveMonths().orElseThrow();
        assertThat(year.to()).isEqualTo(LocalDate.of(2028, 1, 4));
        assertThat(year.fixedDates()).extracting(FixedDateHours::name).containsExactly("course");
        // 2027-01-04 is a Monday; 365 days = 52 weeks + 1 day (a Monday: 10 working hours at 2..6).
        double weeklyFloor = 52 * 100 + 20;
        double weeklyCeiling = 52 * 300 + 60;
        assertThat(year.floorInstanceHours()).isCloseTo(weeklyFloor + 904 - 100, within(1e-9));
        assertThat(year.ceilingInstanceHours()).isCloseTo(weeklyCeiling + 2260 - 300, within(1e-9));
        // The monthly figures stay an average week: the fixed dates do not change them.
        assertThat(estimate.monthlyComputeFloor()).isCloseTo(100 * CostEstimator.WEEKS_PER_MONTH * 0.5, within(1e-9));
    }

    @Test
    void aFixedDateOverlappingTheWindowsEdgeCountsOnlyItsPartInside() {
        List<ProfilePlan> plans = plans("{'name': 'course', 'start': '2027-03-01T07:00', 'end': '2027-03-06T00:00',"
                + " 'minimum': 8, 'maximum': 20}");
        TwelveMonths year = TwelveMonths.from(plans, LocalDate.of(2027, 3, 3));

        assertThat(year.fixedDates()).singleElement().satisfies(part -> {
            assertThat(part.hours()).isCloseTo(72, within(1e-9)); // Wed 00:00 to Sat 00:00
            assertThat(part.floorInstanceHours()).isCloseTo(576, within(1e-9));
        });
    }

    @Test
    void theReportShowsEachFixedDateAndTheTwelveMonths() {
        List<ProfilePlan> plans = plans("{'name': 'spring-course', 'start': '2027-03-01T07:00',"
                + " 'end': '2027-03-06T00:00', 'minimum': 8, 'maximum': 20}, {'name': 'christmas',"
                + " 'start': '2026-12-24T00:00', 'end': '2027-01-02T00:00'}");
        String report = CostReportFormatter.format(CostEstimator.estimate(plans, 0.384, 100, 0.06, 20,
                Optional.of(LocalDate.of(2026, 12, 2))), "USD");

        assertThat(report)
                .contains("Fixed dates (each replaces the weekly schedule for its whole span, nights and weekends")
                .containsPattern("spring-course +113\\.0 +8/8/20 +904\\.0 +2260\\.0 +\\+308\\.74 +\\+752\\.64 +63\\.0")
                .contains("2027-03-01T07:00 to 2027-03-06T00:00")
                .containsPattern("christmas +216\\.0 +0/0/0 .* -53\\.76 .*")
                .contains("Compute 2026-12-02 to 2027-12-02, at the floor")
                .contains("with the fixed dates inside: spring-course, christmas");
        assertThat(report.lines()).allMatch(line -> line.length() <= 100);
    }

    @Test
    void outsideWorkingHoursNamesEveryFixedDateAndAnOffHoursFloor() {
        List<String> lines = OutsideWorkingHours.describe(ProfilePlanner.plan(Schedules.valid("{" + WEEK
                + ", 'offHours': {'minimum': 1, 'maximum': 2}, 'fixedDates': [{'name': 'course',"
                + " 'start': '2027-03-01T07:00', 'end': '2027-03-06T00:00', 'minimum': 8, 'maximum': 20},"
                + " {'name': 'christmas', 'start': '2026-12-24T00:00', 'end': '2027-01-02T00:00'}]}", 20)));

        assertThat(lines).containsExactly(
                "off-hours-1800 keeps at least 1 VMs up outside working hours: 118 h a week (118 VM-hours)",
                "fixed date course (2027-03-01T07:00 to 2027-03-06T00:00, 8/8/20) keeps at least 8 VMs up day and"
                        + " night: 63 h of it are off hours in the weekly schedule (504 VM-hours outside working hours)",
                "fixed date christmas (2026-12-24T00:00 to 2027-01-02T00:00, 0/0/0) keeps no VM: the pool is closed"
                        + " for the whole span, its 70 h of working hours included");
        assertThat(OutsideWorkingHours.describe(ProfilePlanner.plan(Schedules.valid("{" + WEEK + "}", 20)))).isEmpty();
    }
}
