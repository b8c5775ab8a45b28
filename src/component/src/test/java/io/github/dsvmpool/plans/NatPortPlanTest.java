package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NatPortPlanTest {

    @ParameterizedTest(name = "ssh {0}, jupyter {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "50000 | 52000 | ''",
            // 50000-51049 and 51000-52049 overlap: the ranges no longer shrink with the pool.
            "50000 | 51000 | jupyterNatFirstPort",
            "50000 | 48951 | jupyterNatFirstPort",
            "50000 | 48950 | ''",
            "50000 | 51050 | ''",
            // V2 NAT rule ranges end at 65534 (REST spec: "Acceptable values range from 1 to 65534").
            "64486 | 52000 | sshNatFirstPort",
            "64485 | 52000 | ''",
            "0     | 52000 | sshNatFirstPort",
            "50000 | 7000  | jupyterNatFirstPort",
            "50000 | 6950  | ''",
            "1     | 52000 | sshNatFirstPort"})
    void checksBoundsOverlapAndRulePorts(int sshFirst, int jupyterFirst, String expectedSetting) {
        var problems = new Problems();
        NatPortPlan.validate("sshNatFirstPort", sshFirst, "jupyterNatFirstPort", jupyterFirst,
                List.of(22, 8000), problems);
        assertThat(problems.list()).extracting(Problem::setting)
                .containsExactlyElementsOf(expectedSetting.isEmpty() ? List.of() : List.of(expectedSetting));
    }

    @Test
    void aRangeHoldsTheLargestScaleSetAndItsReplacements() {
        // Learn "Working with large virtual machine scale sets": 1,000 VMs; "Automatic instance repairs": 5% at once.
        assertThat(NatPortPlan.range(50_000)).isEqualTo(new PortRange(50_000, 51_049));
        assertThat(NatPortPlan.range(50_000).size()).isEqualTo(1_000 + 50);
    }

    @Property
    void theRangeDoesNotDependOnThePoolsMaximum(@ForAll @IntRange(min = 1, max = 60000) int first) {
        var range = NatPortPlan.range(first);
        assertThat(range.size()).isEqualTo(NatPortPlan.PORTS_PER_RANGE);
        assertThat(range.first()).isEqualTo(first);
    }

    @Property
    void acceptedRangesNeverOverlapAndStayInBounds(@ForAll @IntRange(min = -10, max = 66000) int sshFirst,
                                                   @ForAll @IntRange(min = -10, max = 66000) int jupyterFirst) {
        var problems = new Problems();
        NatPortPlan.validate("a", sshFirst, "b", jupyterFirst, List.of(22, 8000), problems);
        if (problems.isEmpty()) {
            var ssh = NatPortPlan.range(sshFirst);
            var jupyter = NatPortPlan.range(jupyterFirst);
            assertThat(ssh.overlaps(jupyter)).isFalse();
            assertThat(List.of(ssh, jupyter)).allSatisfy(range -> {
                assertThat(range.first()).isGreaterThanOrEqualTo(1);
                assertThat(range.last()).isLessThanOrEqualTo(65534);
                assertThat(range.contains(22) || range.contains(8000)).isFalse();
            });
        }
    }
}
