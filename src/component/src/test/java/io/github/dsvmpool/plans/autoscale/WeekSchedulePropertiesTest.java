package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.DayNames;

import io.github.dsvmpool.problems.Problems;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the week arithmetic over generated valid schedules. */
class WeekSchedulePropertiesTest {

    /** A generated configuration: the JSON a user would write, and the pool maximum it was made for. */
    record GeneratedSchedule(String json, int poolMaximum) {
        AutoscaleSettings settings() {
            Problems problems = new Problems();
            AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(json, poolMaximum, problems);
            assertThat(problems.list()).as(json).isEmpty();
            return settings;
        }

        @Override
        public String toString() {
            return "poolMaximum=" + poolMaximum + " " + json;
        }
    }

    record Window(Set<DayOfWeek> days, int startHour, int endHour, int minimumPick, int maximumPick) {
        boolean overlaps(Window other) {
            if (days.stream().noneMatch(other.days::contains)) {
                return false;
            }
            return startHour < other.endHour && other.startHour < endHour;
        }
    }

    @Provide
    Arbitrary<GeneratedSchedule> validSchedules() {
        Arbitrary<Window> window = Combinators.combine(
                        Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1),
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(1, 24),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000))
                .as((days, start, length, minimumPick, maximumPick) ->
                        new Window(days, start, Math.min(24, start + length), minimumPick, maximumPick));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 60),
                        window.list().ofMaxSize(7),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000))
                .as(WeekSchedulePropertiesTest::schedule);
    }

    /** Keeps the windows that do not overlap earlier ones, and picks capacities within the pool. */
    private static GeneratedSchedule schedule(int poolMaximum, List<Window> windows, int offMinimumPick, int offMaximumPick) {
        List<Window> accepted = new ArrayList<>();
        for (Window candidate : windows) {
            if (accepted.stream().noneMatch(candidate::overlaps)) {
                accepted.add(candidate);
            }
        }
        List<String> profiles = new ArrayList<>();
        for (int index = 0; index < accepted.size(); index++) {
            Window window = accepted.get(index);
            int minimum = 1 + window.minimumPick() % poolMaximum;
            int maximum = minimum + window.maximumPick() % (poolMaximum - minimum + 1);
            profiles.add("{\"name\": \"w" + index + "\", \"days\": [" + window.days().stream()
                    .map(day -> "\"" + DayNames.shortName(day) + "\"").collect(Collectors.joining(", "))
                    + "], \"startHour\": " + window.startHour() + ", \"endHour\": " + window.endHour()
                    + ", \"minimum\": " + minimum + ", \"maximum\": " + maximum + "}");
        }
        int offMinimum = offMinimumPick % Math.min(3, poolMaximum + 1);
        int offMaximum = offMinimum + offMaximumPick % (poolMaximum - offMinimum + 1);
        String json = "{\"timeZone\": \"Europe/Berlin\", \"workingHours\": [" + String.join(", ", profiles)
                + "], \"offHours\": {\"minimum\": " + offMinimum + ", \"maximum\": " + offMaximum + "}}";
        return new GeneratedSchedule(json, poolMaximum);
    }

    @Property(tries = 300)
    void generatedSchedulesAreAccepted(@ForAll("validSchedules") GeneratedSchedule schedule) {
        Problems problems = new Problems();
        AutoscaleSettingsValidator.parseAndValidate(schedule.json(), schedule.poolMaximum(), problems);
        assertThat(problems.list()).isEmpty();
    }

    @Property(tries = 300)
    void everyHourOfTheWeekFallsInExactlyOneProfile(@ForAll("validSchedules") GeneratedSchedule schedule) {
        AutoscaleSettings settings = schedule.settings();
        for (int hour = 0; hour < WeekGrid.HOURS_PER_WEEK; hour++) {
            DayOfWeek day = WeekGrid.day(hour);
            int hourOfDay = WeekGrid.hourOfDay(hour);
            long working = settings.workingHours().stream().filter(p -> p.covers(day, hourOfDay)).count();
            assertThat(working).as("working profiles covering %s %02d:00", day, hourOfDay).isLessThanOrEqualTo(1);
        }
        ProfilePlan[] active = RecurrenceSimulator.activeProfiles(ProfilePlanner.plan(settings));
        assertThat(active).doesNotContainNull();
    }

    @Property(tries = 300)
    void plannedStartsReproduceTheIntendedWeek(@ForAll("validSchedules") GeneratedSchedule schedule) {
        AutoscaleSettings settings = schedule.settings();
        int[] intended = WeekGrid.intendedOwners(settings.workingHours());

        ProfilePlan[] simulated = RecurrenceSimulator.activeProfiles(ProfilePlanner.plan(settings));

        for (int hour = 0; hour < WeekGrid.HOURS_PER_WEEK; hour++) {
            assertThat(ownerOf(simulated[hour])).as("owner at hour %d of the week", hour).isEqualTo(intended[hour]);
            Capacity expected = intended[hour] == WeekGrid.OFF_HOURS
                    ? settings.offHours() : settings.workingHours().get(intended[hour]).capacity();
            assertThat(simulated[hour].capacity()).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void weeklyInstanceHoursAddUpAndNeverExceedThePool(@ForAll("validSchedules") GeneratedSchedule schedule) {
        AutoscaleSettings settings = schedule.settings();
        int[] intended = WeekGrid.intendedOwners(settings.workingHours());
        long floorByHour = 0;
        long ceilingByHour = 0;
        for (int owner : intended) {
            Capacity capacity = owner == WeekGrid.OFF_HOURS ? settings.offHours() : settings.workingHours().get(owner).capacity();
            floorByHour += capacity.minimum();
            ceilingByHour += capacity.maximum();
        }

        WeeklyHours weekly = WeeklyHours.of(settings);

        assertThat(weekly.totalHours()).isEqualTo(WeekGrid.HOURS_PER_WEEK);
        assertThat(weekly.floorInstanceHours())
                .isEqualTo(weekly.profiles().stream().mapToLong(ProfileHours::floorInstanceHours).sum())
                .isEqualTo(floorByHour);
        assertThat(weekly.ceilingInstanceHours())
                .isEqualTo(weekly.profiles().stream().mapToLong(ProfileHours::ceilingInstanceHours).sum())
                .isEqualTo(ceilingByHour)
                .isLessThanOrEqualTo((long) WeekGrid.HOURS_PER_WEEK * schedule.poolMaximum());
        assertThat(weekly.floorInstanceHours()).isLessThanOrEqualTo(weekly.ceilingInstanceHours());
    }

    @Property(tries = 300)
    void profilesAreUniqueAndWithinAzureLimits(@ForAll("validSchedules") GeneratedSchedule schedule) {
        AutoscaleSettings settings = schedule.settings();

        List<ProfilePlan> plans = ProfilePlanner.plan(settings);

        Set<String> names = new HashSet<>();
        plans.forEach(plan -> assertThat(names.add(plan.name())).as("unique name %s", plan.name()).isTrue());
        assertThat(plans).hasSizeLessThanOrEqualTo(AutoscaleLimits.MAX_PROFILES);
        for (ProfilePlan plan : plans) {
            assertThat(plan.rules()).hasSizeLessThanOrEqualTo(AutoscaleLimits.MAX_RULES_PER_PROFILE);
            assertThat(plan.cpuRules()).isEqualTo(plan.capacity().maximum() > plan.capacity().minimum());
            assertThat(plan.recurrence().hour()).isBetween(0, 23);
            if (plan.kind() == ProfilePlan.Kind.WORKING) {
                int index = ownerOf(plan);
                assertThat(plan.recurrence().hour()).isEqualTo(settings.workingHours().get(index).startHour() % 24);
            }
        }
    }

    @Property(tries = 200)
    void costNeverExceedsAlwaysOn(@ForAll("validSchedules") GeneratedSchedule schedule) {
        CostEstimate estimate = CostEstimator.estimate(ProfilePlanner.plan(schedule.settings()), 0.192, 100, 0.06,
                schedule.poolMaximum());

        assertThat(estimate.monthlyComputeFloor()).isLessThanOrEqualTo(estimate.monthlyComputeCeiling() + 1e-9);
        assertThat(estimate.monthlyComputeCeiling()).isLessThanOrEqualTo(estimate.monthlyAlwaysOnCompute() + 1e-9);
        assertThat(estimate.savingAtCeiling()).isGreaterThanOrEqualTo(-1e-9);
        assertThat(estimate.savingPercentAtFloor()).isBetween(-1e-9, 100 + 1e-9);
    }

    /** The working-profile index a plan comes from, or OFF_HOURS. */
    private static int ownerOf(ProfilePlan plan) {
        if (plan.kind() == ProfilePlan.Kind.OFF_HOURS) {
            return WeekGrid.OFF_HOURS;
        }
        String source = plan.source();
        return Integer.parseInt(source.substring(source.indexOf('[') + 1, source.indexOf(']')));
    }
}
