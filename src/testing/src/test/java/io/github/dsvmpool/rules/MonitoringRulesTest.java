package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Monitored graphs at the edges of the monitoring rules that keep every rule (the breaking ones: MonitoringCases). */
class MonitoringRulesTest {

    static Stream<Arguments> holding() {
        return Stream.of(
                holds("the monitored pool", g -> { }),
                holds("an existing workspace outside the stack", g -> {
                    String existing = "/subscriptions/5ca1ab1e-0000-4000-8000-000000000001/resourceGroups/ops-rg"
                            + "/providers/Microsoft.OperationalInsights/workspaces/team-logs";
                    g.at(MonitoringCases.DCR, "destinations.logAnalytics[0]").put("workspaceResourceId", existing);
                    g.inputs(MonitoringCases.VAULT_AUDIT).put("workspaceId", existing);
                    g.inputs(MonitoringCases.LOG_ALERT).put("scopes", list(existing));
                    g.registrations().removeIf(r -> r.name().equals(MonitoringCases.WORKSPACE));
                }),
                holds("a short name of exactly 12 characters", g ->
                        g.inputs(MonitoringCases.ACTION_GROUP).put("groupShortName", "dsvm-prod-eu")),
                holds("severity 0, every minute, looking back 2 days", g -> {
                    g.inputs(MonitoringCases.LOG_ALERT).put("severity", 0.0);
                    g.inputs(MonitoringCases.LOG_ALERT).put("evaluationFrequency", "PT1M");
                    g.inputs(MonitoringCases.LOG_ALERT).put("windowSize", "P2D");
                }),
                holds("severity 4, once a day", g -> {
                    g.inputs(MonitoringCases.LOG_ALERT).put("severity", 4.0);
                    g.inputs(MonitoringCases.LOG_ALERT).put("evaluationFrequency", "P1D");
                    g.inputs(MonitoringCases.LOG_ALERT).put("windowSize", "P1D");
                }),
                holds("alerts without an action group", g -> {
                    g.inputs(MonitoringCases.LOG_ALERT).remove("actions");
                    g.inputs(MonitoringCases.ACTIVITY_ALERT).remove("actions");
                    g.registrations().removeIf(r -> r.name().equals(MonitoringCases.ACTION_GROUP));
                }),
                holds("the agent on a system-assigned identity", g -> {
                    MonitoringCases.agent(g).remove("settings");
                    g.inputs(Pools.VMSS).put("identity", map("type", "SystemAssigned"));
                }),
                holds("the vault's audit as AuditEvent, retention 730 days", g -> {
                    g.inputs(MonitoringCases.VAULT_AUDIT).put("logs", list(map("category", "AuditEvent",
                            "enabled", true)));
                    g.inputs(MonitoringCases.WORKSPACE).put("retentionInDays", 730L);
                }));
    }

    static Stream<Arguments> holdingWindows() {
        return Stream.of(
                holds("the monitored Windows pool", g -> { }),
                holds("a Windows rule without a kind", g -> g.inputs(WindowsMonitoringCases.DCR).remove("kind")),
                holds("20 expressions in one query", g -> g.at(WindowsMonitoringCases.DCR,
                        "dataSources.windowsEventLogs[0]").put("xPathQueries", list("System!*[System["
                        + String.join(" or ", java.util.stream.IntStream.rangeClosed(1, 20)
                                .mapToObj(id -> "EventID=" + id).toList()) + "]]"))),
                holds("a quoted bracket and the whole Security log", g -> g.at(WindowsMonitoringCases.DCR,
                        "dataSources.windowsEventLogs[0]").put("xPathQueries",
                        list("Application!*[System[Provider[@Name='a]b']]]", "Security!*"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("holdingWindows")
    void theWindowsGraphKeepsEveryRule(String description, Consumer<TestGraph> change) {
        assertEveryRuleHolds(description, WindowsMonitoringCases.monitoredWindows(), change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("holding")
    void theGraphKeepsEveryRule(String description, Consumer<TestGraph> change) {
        assertEveryRuleHolds(description, MonitoringCases.monitored(), change);
    }

    private static void assertEveryRuleHolds(String description, TestGraph graph, Consumer<TestGraph> change) {
        change.accept(graph);
        RuleReport report = AzureRules.check(graph.registrations());
        assertThat(report.holds()).as("%s%n%s", description, report.text()).isTrue();
    }

    private static Arguments holds(String description, Consumer<TestGraph> change) {
        return Arguments.of(description, change);
    }
}
