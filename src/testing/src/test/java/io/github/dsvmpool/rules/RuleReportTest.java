package io.github.dsvmpool.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's markdown section for summary.md and its console lines. */
class RuleReportTest {

    private static RuleReport broken() {
        TestGraph graph = Pools.valid();
        graph.at(Pools.NSG, "securityRules[0]").put("sourceAddressPrefixes", TestGraph.list("Internet"));
        graph.at(Pools.LB, "outboundRules[0]").put("allocatedOutboundPorts", 1020L);
        return AzureRules.check(graph.registrations());
    }

    @Test
    void markdownHasATableOfEveryRuleThenEachViolationWithWhatToChange() {
        String markdown = broken().markdown();
        assertThat(markdown).startsWith("## Azure deployment rules\n\n2 of " + AzureRules.all().size()
                + " rules are BROKEN");
        assertThat(markdown).contains("| Rule | Result | Statement | Basis | Source | Error code |");
        for (AzureRule rule : AzureRules.all()) {
            assertThat(markdown).contains("| `" + rule.id() + "` | ");
        }
        assertThat(markdown).contains("| `nsg-tags-only-in-singular-prefix` | **BROKEN** (1) |")
                .contains("| `nsg-priority-range` | holds |")
                .contains("SecurityRuleParameterContainsUnsupportedValue")
                .contains("### Broken rules")
                .contains("#### `outbound-ports-multiple-of-8`")
                .contains("- `azure-native:network:NetworkSecurityGroup pool-nsg`, `securityRules[0].sourceAddressPrefixes[0]`:")
                .contains("**Change:** set sourceAddressPrefix: 'Internet' instead")
                .contains("Source: " + AzureRules.all().stream().filter(r -> r.id().equals("outbound-ports-multiple-of-8"))
                        .findFirst().orElseThrow().source());
        // table rows stay one line each: no raw newline or unescaped pipe inside a cell
        markdown.lines().filter(line -> line.startsWith("| `")).forEach(line ->
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(7));
    }

    @Test
    void textNamesEachBrokenRuleWithResourcePropertyAndFix() {
        String text = broken().text();
        assertThat(text).startsWith("Azure rules: 2 of " + AzureRules.all().size() + " broken\n").endsWith("\n");
        assertThat(text.lines()).filteredOn(line -> line.startsWith("BROKEN ")).hasSize(2);
        assertThat(text).contains("BROKEN outbound-ports-multiple-of-8 [SpecifiedAllocatedOutboundPortsForOutboundRuleIsNotAMultipleOfEight]"
                + " azure-native:network:LoadBalancer pool-lb outboundRules[0].allocatedOutboundPorts:")
                .contains("-> use 1016");
    }

    @Test
    void brokenListsOnlyTheBrokenRulesInTableOrder() {
        RuleReport report = broken();
        assertThat(report.broken()).extracting(result -> result.rule().id())
                .containsExactly("nsg-tags-only-in-singular-prefix", "outbound-ports-multiple-of-8");
        assertThat(report.violations()).hasSize(2);
        assertThat(report.holds()).isFalse();
    }
}
