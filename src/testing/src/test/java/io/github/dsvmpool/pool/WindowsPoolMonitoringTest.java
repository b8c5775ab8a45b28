package io.github.dsvmpool.pool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.OperatingSystem;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.rules.RuleReport;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.windows.WindowsEventLog;
import io.github.dsvmpool.vm.windows.WindowsProvisioningScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A production Windows pool with monitoring (its default there), as the mock engine registers it: the Windows agent,
 * a Windows data collection rule of event logs and Windows counters, the alerts without the hub's, and a mount alert
 * that reads the event id the mount script writes.
 */
@SuppressWarnings("unchecked")
class WindowsPoolMonitoringTest {
    static Graph productionWindowsPool() {
        var outcome = WindowsPoolTest.pool(PoolMonitoringTest.production().operatingSystem(OperatingSystem.WINDOWS)
                .computerNamePrefix("dsvmwin").sessionProtection(false).build());
        assertThat(outcome.result().exceptions()).isEmpty();
        return new Graph(outcome.registrations());
    }

    @Test
    void theWindowsAgentSendsEventsAndWindowsCountersToTheWorkspace() {
        var graph = productionWindowsPool();
        var scaleSet = graph.single(PoolMonitoringTest.SCALE_SET);
        var identity = graph.single("azure-native:managedidentity:UserAssignedIdentity");
        var agent = WindowsPoolTest.extension(scaleSet, "monitor-agent");
        assertThat(agent).containsEntry("publisher", "Microsoft.Azure.Monitor")
                .containsEntry("type", "AzureMonitorWindowsAgent").containsEntry("typeHandlerVersion", "1.23")
                .containsEntry("enableAutomaticUpgrade", true).containsEntry("autoUpgradeMinorVersion", true);
        assertThat(Graph.at(agent, "settings.authentication.managedIdentity")).isEqualTo(Map.of(
                "identifier-name", "mi_res_id", "identifier-value", identity.id()));
        // The agent sits beside the Windows extensions, not the Linux ones.
        assertThat(WindowsPoolTest.list(scaleSet, WindowsPoolTest.EXTENSIONS)).extracting(e -> (Object) ((Map<?, ?>) e)
                .get("type")).contains(WindowsProvisioningScript.TYPE).noneMatch(type -> String.valueOf(type)
                .contains("Linux"));

        var rule = graph.single(PoolMonitoringTest.DCR);
        assertThat(input(rule, "kind")).isEqualTo("Windows");
        assertThat((Map<String, Object>) input(rule, "dataSources")).containsOnlyKeys("windowsEventLogs",
                "performanceCounters");
        assertThat(input(rule, "dataSources.windowsEventLogs[0].streams")).isEqualTo(List.of("Microsoft-Event"));
        assertThat((List<Object>) input(rule, "dataSources.windowsEventLogs[0].xPathQueries")).contains(
                WindowsEventLog.LOG + "!*[System[Provider[@Name='" + WindowsEventLog.SOURCE + "']]]",
                "System!*[System[(Level=1 or Level=2 or Level=3)]]");
        assertThat((List<Object>) input(rule, "dataSources.performanceCounters[0].counterSpecifiers"))
                .contains("\\Processor(_Total)\\% Processor Time", "\\Memory\\Available MBytes")
                .noneMatch(counter -> String.valueOf(counter).startsWith("\\Memory(*)"));
        assertThat(input(rule, "dataFlows[0].streams")).isEqualTo(List.of("Microsoft-Event", "Microsoft-Perf"));
        var association = graph.single(PoolMonitoringTest.ASSOCIATION);
        assertThat(input(association, "resourceUri")).isEqualTo(scaleSet.id());
        assertThat(input(association, "dataCollectionRuleId")).isEqualTo(rule.id());
    }

    @Test
    void theMountAlertReadsTheScriptsEventAndThereIsNoHubAlert() {
        var graph = productionWindowsPool();
        assertThat(graph.ofType(PoolMonitoringTest.LOG_ALERT)).extracting(Registration::name)
                .containsExactlyInAnyOrder("win-alert-mount-failed", "win-alert-autoscale-failed",
                        "win-alert-key-vault-denied");
        var mount = graph.ofType(PoolMonitoringTest.LOG_ALERT).stream().filter(a -> a.name().endsWith("mount-failed"))
                .findFirst().orElseThrow();
        String query = (String) input(mount, "criteria.allOf[0].query");
        assertThat(query).isEqualTo("Event | where Source == \"" + WindowsEventLog.SOURCE + "\" and EventID == "
                + WindowsEventLog.MOUNT_FAILED);
        // The same id is in the script the VM runs: the rendered mount script inside the provisioning command.
        var script = WindowsPoolTest.extension(graph.single(PoolMonitoringTest.SCALE_SET), "provision-vm");
        String command = (String) ((Map<String, Object>) ((Registration.SecretValue) script.get("protectedSettings"))
                .value()).get("commandToExecute");
        assertThat(WindowsProvisioningScript.scriptOf(command)).contains("-Type ''Error'' -Id ''"
                + WindowsEventLog.MOUNT_FAILED + "''");
        assertThat(graph.ofType(PoolMonitoringTest.ACTIVITY_ALERT)).hasSize(1);
        assertThat(graph.ofType(PoolMonitoringTest.WORKSPACE)).hasSize(1);
        assertThat(graph.ofType(PoolMonitoringTest.ACTION_GROUP)).hasSize(1);
    }

    @Test
    void theMonitoredWindowsPoolKeepsEveryAzureRule() {
        RuleReport report = AzureRules.check(productionWindowsPool().registrations());
        assertThat(report.holds()).as(report.text()).isTrue();
    }
}
