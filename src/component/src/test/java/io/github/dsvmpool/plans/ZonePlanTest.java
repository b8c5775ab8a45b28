package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The region table and the zone decisions: defaults by production and region, and every refusal named. */
class ZonePlanTest {

    @Test
    void theTableKnowsRegionsWithAndWithoutZonesAndNoRegionIsInBoth() {
        assertThat(AvailabilityZones.hasZones("westeurope")).contains(true);
        assertThat(AvailabilityZones.hasZones("SwedenCentral")).contains(true);
        assertThat(AvailabilityZones.hasZones("ukwest")).contains(false);
        assertThat(AvailabilityZones.hasZones("northcentralus")).contains(false);
        assertThat(AvailabilityZones.hasZones("usgovvirginia")).isEmpty();
        assertThat(AvailabilityZones.hasZones(null)).isEmpty();
        assertThat(AvailabilityZones.WITH_ZONES).doesNotContainAnyElementsOf(AvailabilityZones.WITHOUT_ZONES);
        assertThat(AvailabilityZones.WITH_ZONES).allMatch(name -> name.matches("[a-z0-9]+"));
        assertThat(AvailabilityZones.READ).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void productionSpansTheRegionsZonesBalancedWithZoneRedundantAddresses() {
        ZonePlan plan = ZonePlan.of("westeurope", true, Optional.empty());
        assertThat(plan.scaleSetZones()).containsExactly("1", "2", "3");
        assertThat(plan.zoneBalance()).isTrue();
        assertThat(plan.publicIpZones()).containsExactly("1", "2", "3");
        assertThat(plan.zonal()).isTrue();
    }

    @Test
    void devAndProductionWithoutZonesAreRegional() {
        assertThat(ZonePlan.of("westeurope", false, Optional.empty())).isEqualTo(ZonePlan.REGIONAL);
        assertThat(ZonePlan.of("westeurope", true, Optional.of(List.of("none")))).isEqualTo(ZonePlan.REGIONAL);
        assertThat(ZonePlan.of("westeurope", true, Optional.of(List.of()))).isEqualTo(ZonePlan.REGIONAL);
        assertThat(ZonePlan.REGIONAL.zonal()).isFalse();
    }

    @Test
    void oneZoneIsZonalWithoutBalanceTwoAreBalanced() {
        ZonePlan one = ZonePlan.of("westeurope", false, Optional.of(List.of("2")));
        assertThat(one.scaleSetZones()).containsExactly("2");
        assertThat(one.zoneBalance()).isFalse();
        assertThat(one.publicIpZones()).containsExactly("1", "2", "3");
        ZonePlan two = ZonePlan.of("westeurope", false, Optional.of(List.of(" 1", "3 ")));
        assertThat(two.scaleSetZones()).containsExactly("1", "3");
        assertThat(two.zoneBalance()).isTrue();
    }

    @Test
    void productionInARegionWithoutZonesIsRefusedNamingTheSettingTheRegionAndTheWayOut() {
        List<Problem> problems = problems("ukwest", true, Optional.empty());
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("zones");
            assertThat(problem.allowed()).contains("ukwest").contains("none").contains("westeurope");
        });
        assertThat(problems("ukwest", true, Optional.of(List.of("none")))).isEmpty();
        assertThat(problems("ukwest", false, Optional.empty())).isEmpty();
    }

    @Test
    void explicitZonesInARegionWithoutThemAreRefused() {
        assertThat(problems("ukwest", false, Optional.of(List.of("1", "2")))).singleElement()
                .satisfies(problem -> assertThat(problem.allowed()).startsWith("none: region ukwest"));
    }

    @Test
    void anUnknownRegionTakesAnExplicitListButNotTheProductionDefault() {
        assertThat(problems("usgovvirginia", true, Optional.empty())).singleElement()
                .satisfies(problem -> assertThat(problem.allowed()).contains("not in the project's region table"));
        assertThat(problems("usgovvirginia", true, Optional.of(List.of("1", "2", "3")))).isEmpty();
        assertThat(problems("usgovvirginia", true, Optional.of(List.of("none")))).isEmpty();
    }

    @Test
    void zoneNumbersAreOneToThreeEachOnce() {
        for (List<String> bad : List.of(List.of("4"), List.of("1", "1"), List.of("zone1"), List.of("none", "1"),
                List.of(""))) {
            assertThat(problems("westeurope", true, Optional.of(bad))).as("%s", bad).singleElement()
                    .satisfies(problem -> assertThat(problem.allowed()).contains("1, 2 and 3, each once"));
            assertThat(ZonePlan.of("westeurope", true, Optional.of(bad))).isEqualTo(ZonePlan.REGIONAL);
        }
        assertThat(problems("westeurope", true, Optional.of(List.of("3", "1", "2")))).isEmpty();
    }

    private static List<Problem> problems(String location, boolean production, Optional<List<String>> zones) {
        var problems = new Problems();
        ZonePlan.check(location, production, zones, problems);
        return problems.list();
    }
}
