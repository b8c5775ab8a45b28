package io.github.dsvmpool.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule breaks on at least one synthetic graph, at the resource and property expected, and only there. */
class BreakingCasesTest {

    static List<BreakingCases.Case> cases() {
        return BreakingCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theChangeBreaksTheRuleAtItsResourceAndProperty(BreakingCases.Case breaking) {
        TestGraph graph = breaking.graph();
        RuleReport report = AzureRules.check(graph.registrations());

        String resource = io.github.dsvmpool.rules.Violation.resourceOf(graph.named(breaking.resource()));
        assertThat(report.violations())
                .as("violations of %s%n%s", breaking, report.text())
                .anySatisfy(violation -> {
                    assertThat(violation.ruleId()).isEqualTo(breaking.ruleId());
                    assertThat(violation.resource()).isEqualTo(resource);
                    assertThat(violation.property()).isEqualTo(breaking.property());
                    assertThat(violation.problem()).isNotBlank();
                    assertThat(violation.fix()).isNotBlank();
                });
        Set<String> broken = report.broken().stream().map(result -> result.rule().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(broken).as("rules broken by %s%n%s", breaking, report.text())
                .isEqualTo(new TreeSet<>(breaking.broken()));
        assertThat(report.holds()).isFalse();
    }

    @Test
    void everyRuleOfTheTableHasAGraphThatBreaksIt() {
        Set<String> covered = cases().stream().map(BreakingCases.Case::ruleId).collect(Collectors.toSet());
        assertThat(AzureRules.all()).extracting(AzureRule::id).allSatisfy(id -> assertThat(covered).contains(id));
    }

    @Test
    void eachRuleAloneFindsWhatTheReportFinds() {
        for (BreakingCases.Case breaking : cases()) {
            var registrations = breaking.graph().registrations();
            AzureRule rule = AzureRules.all().stream().filter(r -> r.id().equals(breaking.ruleId())).findFirst()
                    .orElseThrow();
            List<Violation> alone = rule.check(registrations);
            List<Violation> inReport = AzureRules.check(registrations).results().stream()
                    .filter(result -> result.rule() == rule).findFirst().orElseThrow().violations();
            assertThat(alone).as("%s", breaking).isEqualTo(inReport).isNotEmpty();
        }
    }
}
