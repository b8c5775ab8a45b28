package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dsvmpool.config.NetworkSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.vm.windows.WindowsHealthProbe;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsAccessPlanTest {
    static final NetworkSettings RANGES = new NetworkSettings("10.0.0.0/16", "10.0.0.0/24",
            List.of("203.0.113.0/24", "198.51.100.7"), false);
    static final NetworkSettings OPEN = new NetworkSettings("10.0.0.0/16", "10.0.0.0/24", List.of(), true);

    @Test
    void theEntryIsRdpWithClientIpAffinityProbedOnTheRdpPort() {
        var rule = new WindowsAccessPlan(WindowsAccessPlan.DEFAULT_PER_VM_FIRST_PORT).entryRule();
        assertThat(rule).isEqualTo(new WindowsAccessPlan.EntryRule("rdp", 3389, 3389, "Tcp", "SourceIP", 3389));
        assertThat(rule.probePort()).as("the health extension probes the same port").isEqualTo(WindowsHealthProbe.PORT);
    }

    @Test
    void eachVmHasItsOwnPortOnABackendPortOfItsOwn() {
        var rule = new WindowsAccessPlan(54_000).perVmRule();
        assertThat(rule.name()).isEqualTo("rdp-per-vm");
        assertThat(rule.frontendRange()).isEqualTo(new PortRange(54_000, 54_000 + NatPortPlan.PORTS_PER_RANGE - 1));
        assertThat(rule.frontendRange().size()).isEqualTo(NatPortPlan.SCALE_SET_INSTANCE_LIMIT + NatPortPlan.REPLACEMENT_HEADROOM);
        assertThat(rule.backendPort()).as("Azure refuses a second inbound rule on the entry's backend port")
                .isNotEqualTo(new WindowsAccessPlan(54_000).entryRule().backendPort()).isEqualTo(3390);
    }

    @Test
    void theNsgAdmitsRdpOnlyFromTheAllowedRanges() {
        List<SecurityRulePlan> rules = WindowsAccessPlan.inboundRules(RANGES, true);
        assertThat(rules).extracting(SecurityRulePlan::name)
                .containsExactly("allow-rdp", "allow-load-balancer-probes", "deny-internet-inbound");
        SecurityRulePlan rdp = rules.get(0);
        assertThat(rdp.allow()).isTrue();
        assertThat(rdp.protocol()).isEqualTo("Tcp");
        assertThat(rdp.sourceTag()).isEmpty();
        assertThat(rdp.sourceRanges()).containsExactly("203.0.113.0/24", "198.51.100.7");
        assertThat(rdp.destinationPorts()).containsExactly("3389", "3390");
        assertThat(rdp.description().length()).isLessThanOrEqualTo(140);
        assertThat(rules).extracting(SecurityRulePlan::priority).doesNotHaveDuplicates()
                .allSatisfy(priority -> assertThat(priority).isBetween(100, 4096));
        assertThat(rules.get(2).allow()).isFalse();
        assertThat(rules.get(2).sourceTag()).contains("Internet");
        assertThat(rules).noneMatch(rule -> rule.destinationPorts().contains("22") || rule.destinationPorts().contains("8000"));
    }

    @Test
    void withoutThePoolEntryOnlyThePerVmPortIsOpen() {
        assertThat(WindowsAccessPlan.inboundRules(RANGES, false).get(0).destinationPorts()).containsExactly("3390");
    }

    @Test
    void theOpenInternetGoesInTheSingularTagField() {
        SecurityRulePlan rdp = WindowsAccessPlan.inboundRules(OPEN, true).get(0);
        assertThat(rdp.sourceTag()).isEqualTo(Optional.of("Internet"));
        assertThat(rdp.sourceRanges()).isEmpty();
    }

    @ParameterizedTest(name = "{0} VMs serve {1} users")
    @CsvSource({"0, 0", "1, 2", "3, 6", "100, 200", "1000, 2000"})
    void twoSessionsPerVm(int vms, int users) {
        assertThat(WindowsAccessPlan.usersServed(vms)).isEqualTo(users);
        assertThat(WindowsAccessPlan.vmsFor(users)).isEqualTo(vms);
    }

    @Test
    void anOddNumberOfUsersNeedsTheNextVm() {
        assertThat(WindowsAccessPlan.vmsFor(5)).isEqualTo(3);
        assertThat(WindowsAccessPlan.vmsFor(1)).isEqualTo(1);
        assertThatThrownBy(() -> WindowsAccessPlan.usersServed(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowsAccessPlan.vmsFor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "first port {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "54000 | ''",
        "1     | ''",
        "64485 | ''",
        "0     | a first port from 1 to 64485",
        "64486 | a first port from 1 to 64485",
        "3000  | takes in port 3389",
        "2340  | takes in port 3389",
        "2339  | ''",
        "3390  | ''",
        "49500 | overlaps the NAT range 50000-51049",
        "51049 | overlaps the NAT range 50000-51049",
    })
    void theRangeIsCheckedAgainstPortsTheEntryAndOtherRanges(int firstPort, String problem) {
        Problems problems = new Problems();
        WindowsAccessPlan.validate("rdpNatFirstPort", firstPort, List.of(NatPortPlan.range(50_000)), problems);
        if (problem.isEmpty()) {
            assertThat(problems.list()).isEmpty();
        } else {
            assertThat(problems.list()).hasSize(1);
            Problem found = problems.list().get(0);
            assertThat(found.setting()).isEqualTo("rdpNatFirstPort");
            assertThat(found.value()).isEqualTo(String.valueOf(firstPort));
            assertThat(found.allowed()).contains(problem);
        }
    }

    @Test
    void theDefaultRangeIsClearOfTheLinuxPoolsRanges() {
        Problems problems = new Problems();
        WindowsAccessPlan.validate("rdpNatFirstPort", WindowsAccessPlan.DEFAULT_PER_VM_FIRST_PORT,
                List.of(NatPortPlan.range(50_000), NatPortPlan.range(52_000)), problems);
        assertThat(problems.list()).isEmpty();
    }
}
