package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.Problem;
import io.github.dsvmpool.config.Problems;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NatPortPlanTest {

    @ParameterizedTest(name = "ssh {0}, jupyter {1}, max {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "50000 | 51000 | 4    | ''",
            "50000 | 50003 | 4    | jupyterNatFirstPort",
            "50000 | 49997 | 4    | jupyterNatFirstPort",
            "50000 | 50004 | 4    | ''",
            // V2 NAT rule ranges end at 65534 (REST spec: "Acceptable values range from 1 to 65534").
            "65532 | 51000 | 4    | sshNatFirstPort",
            "65531 | 51000 | 4    | ''",
            "0     | 51000 | 4    | sshNatFirstPort",
            "50000 | 7998  | 4    | jupyterNatFirstPort",
            "19    | 51000 | 4    | sshNatFirstPort",
            "18    | 51000 | 4    | ''",
            "50000 | 51000 | 1001 | jupyterNatFirstPort"})
    void checksBoundsOverlapAndRulePorts(int sshFirst, int jupyterFirst, int max, String expectedSetting) {
        var problems = new Problems();
        NatPortPlan.validate("sshNatFirstPort", sshFirst, "jupyterNatFirstPort", jupyterFirst, max,
                List.of(22, 8000), problems);
        assertThat(problems.list()).extracting(Problem::setting)
                .containsExactlyElementsOf(expectedSetting.isEmpty() ? List.of() : List.of(expectedSetting));
    }

    @Property
    void rangeHoldsExactlyOnePortPerInstance(@ForAll @IntRange(min = 1, max = 60000) int first,
                                             @ForAll @IntRange(min = 1, max = 1000) int max) {
        var range = NatPortPlan.range(first, max);
        assertThat(range.size()).isEqualTo(max);
        assertThat(range.first()).isEqualTo(first);
    }

    @Property
    void acceptedRangesNeverOverlapAndStayInBounds(@ForAll @IntRange(min = -10, max = 66000) int sshFirst,
                                                   @ForAll @IntRange(min = -10, max = 66000) int jupyterFirst,
                                                   @ForAll @IntRange(min = 1, max = 1000) int max) {
        var problems = new Problems();
        NatPortPlan.validate("a", sshFirst, "b", jupyterFirst, max, List.of(22, 8000), problems);
        if (problems.isEmpty()) {
            var ssh = NatPortPlan.range(sshFirst, max);
            var jupyter = NatPortPlan.range(jupyterFirst, max);
            assertThat(ssh.overlaps(jupyter)).isFalse();
            assertThat(List.of(ssh, jupyter)).allSatisfy(range -> {
                assertThat(range.first()).isGreaterThanOrEqualTo(1);
                assertThat(range.last()).isLessThanOrEqualTo(65535);
                assertThat(range.contains(22) || range.contains(8000)).isFalse();
            });
        }
    }
}
