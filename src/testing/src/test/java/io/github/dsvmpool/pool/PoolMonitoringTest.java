package io.github.dsvmpool.pool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.plans.MonitoringPlan;
import io.github.dsvmpool.config.autoscale.WeekSchedule;
import io.github.dsvmpool.testing.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What monitoring registers: nothing when off; when on, the agent, rule, workspace, alerts and who they tell. */
@SuppressWarnings("unchecked")
class PoolMonitoringTest {
    static final String WORKSPACE = "azure-native:operationalinsights:Workspace";
    static final String DCR = "azure-native:insights:DataCollectionRule";
    static final String ASSOCIATION = "azure-native:insights:DataCollectionRuleAssociation";
    static final String ACTION_GROUP = "azure-native:insights:ActionGroup";
    static final String LOG_ALERT = "azure-native:insights:ScheduledQueryRule";
    static final String ACTIVITY_ALERT = "azure-native:insights:ActivityLogAlert";
    static final String DIAGNOSTIC = "azure-native:insights:DiagnosticSetting";
    static final String SCALE_SET = SessionProtectionTest.SCALE_SET;
    static final List<String> MONITORING_TYPES = List.of(WORKSPACE, DCR, ASSOCIATION, ACTION_GROUP, LOG_ALERT,
            ACTIVITY_ALERT, DIAGNOSTIC);
    static final String EXISTING = "/subscriptions/5ca1ab1e-0000-4000-8000-000000000001/resourceGroups/ops-rg"
            + "/providers/Microsoft.OperationalInsights/workspaces/team-logs";

    static PoolSettings.Builder production() {
        return DsvmPoolTest.settings().production(true).autoscale(WeekSchedule.builder()
                .workingHours("office", WeekSchedule.WEEKDAYS, 9, 17, 1, 4)
                .notifications(List.of("ops@example.org", "lead@example.org"), List.of())
                .build());
    }

    static List<Map<String, Object>> extensions(Graph graph) {
        @SuppressWarnings("unchecked")
        var list = (List<Map<String, Object>>) input(graph.single(SCALE_SET),
                "virtualMachineProfile.extensionProfile.extensions");
        return list;
    }

    static Map<String, Object> agent(Graph graph) {
        return extensions(graph).stream().filter(e -> MonitoringPlan.AGENT_TYPE.equals(e.get("type"))).findFirst()
                .orElseThrow();
    }

    @Test
    void offOutsideProductionRegistersNothingAndLeavesTheScriptAlone() {
        var graph = SessionProtectionTest.pool("quiet", DsvmPoolTest.settings());
        for (String type : MONITORING_TYPES) {
            assertThat(graph.ofType(type)).as(type).isEmpty();
        }
        assertThat(extensions(graph)).extracting(e -> e.get("type")).doesNotContain(MonitoringPlan.AGENT_TYPE);
        assertThat(SessionProtectionTest.script(graph)).doesNotContain("logger -t");
        var off = SessionProtectionTest.pool("quiet", production().monitoring(false));
        for (String type : MONITORING_TYPES) {
            assertThat(off.ofType(type)).as(type).isEmpty();
        }
    }

    @Test
    void productionWatchesTheScaleSetTheVaultAndAutoscaleAndTellsTheNotificationAddresses() {
        var graph = SessionProtectionTest.pool("watched", production());
        var component = graph.single(DsvmPool.TYPE);
        for (String type : MONITORING_TYPES) {
            assertThat(graph.ofType(type)).as(type).isNotEmpty()
                    .allSatisfy(each -> assertThat(each.parentUrn()).isEqualTo(component.urn()))
                    .allSatisfy(each -> assertThat(each.name()).startsWith("watched-"));
        }
        var workspace = graph.single(WORKSPACE);
        assertThat(input(workspace, "sku.name")).isEqualTo("PerGB2018");
        assertThat(input(workspace, "retentionInDays")).isEqualTo(30L);

        // The agent uses the pool's user-assigned identity (the vault reader) by its ARM id.
        var scaleSet = graph.single(SCALE_SET);
        var identity = graph.single("azure-native:managedidentity:UserAssignedIdentity");
        var agent = agent(graph);
        assertThat(agent).containsEntry("publisher", "Microsoft.Azure.Monitor").containsEntry("enableAutomaticUpgrade", true);
        assertThat(Graph.at(agent, "settings.authentication.managedIdentity")).isEqualTo(Map.of(
                "identifier-name", "mi_res_id", "identifier-value", identity.id()));
        assertThat((List<Object>) input(scaleSet, "identity.userAssignedIdentities")).containsExactly(identity.id());

        var rule = graph.single(DCR);
        assertThat(input(rule, "destinations.logAnalytics[0].workspaceResourceId")).isEqualTo(workspace.id());
        assertThat((List<Object>) input(rule, "dataSources.syslog[1].facilityNames")).contains("user", "kern");
        var association = graph.single(ASSOCIATION);
        assertThat(input(association, "resourceUri")).isEqualTo(scaleSet.id());
        assertThat(input(association, "dataCollectionRuleId")).isEqualTo(rule.id());

        var group = graph.single(ACTION_GROUP);
        assertThat(input(group, "groupShortName")).isEqualTo("watched");
        assertThat(((List<Object>) input(group, "emailReceivers")).stream().map(r -> (Object) ((Map<?, ?>) r).get("emailAddress"))
                .toList()).containsExactly("ops@example.org", "lead@example.org");
        assertThat(graph.ofType(LOG_ALERT)).extracting(Registration::name).containsExactlyInAnyOrder(
                "watched-alert-mount-failed", "watched-alert-autoscale-failed", "watched-alert-hub-unhealthy",
                "watched-alert-key-vault-denied");
        assertThat(graph.ofType(LOG_ALERT)).allSatisfy(alert -> {
            assertThat(input(alert, "scopes")).isEqualTo(List.of(workspace.id()));
            assertThat(input(alert, "actions.actionGroups")).isEqualTo(List.of(group.id()));
        });
        var repairs = graph.single(ACTIVITY_ALERT);
        assertThat(input(repairs, "scopes")).isEqualTo(List.of(scaleSet.id()));

        var vault = graph.single("azure-native:keyvault:Vault");
        var autoscale = graph.single("azure-native:insights:AutoscaleSetting");
        assertThat(graph.ofType(DIAGNOSTIC)).extracting(setting -> input(setting, "resourceUri"))
                .containsExactlyInAnyOrder(vault.id(), autoscale.id());
        var audit = graph.ofType(DIAGNOSTIC).stream().filter(s -> vault.id().equals(input(s, "resourceUri")))
                .findFirst().orElseThrow();
        assertThat(input(audit, "logs")).isEqualTo(List.of(Map.of("categoryGroup", "audit", "enabled", true)));
        assertThat(input(audit, "workspaceId")).isEqualTo(workspace.id());

        // The provisioning script's stderr goes to syslog under the tag the mount alert looks for.
        assertThat(SessionProtectionTest.script(graph)).contains("logger -t " + MonitoringPlan.SCRIPT_TAG);
        assertThat((String) input(graph.ofType(LOG_ALERT).stream()
                .filter(a -> a.name().endsWith("mount-failed")).findFirst().orElseThrow(), "criteria.allOf[0].query"))
                .contains("ProcessName == \"" + MonitoringPlan.SCRIPT_TAG + "\"");
    }

    @Test
    void anExistingWorkspaceMeansNoWorkspaceResourceAndEverythingSendsThere() {
        var graph = SessionProtectionTest.pool("shared", production().logAnalyticsWorkspaceId(EXISTING));
        assertThat(graph.ofType(WORKSPACE)).isEmpty();
        assertThat(input(graph.single(DCR), "destinations.logAnalytics[0].workspaceResourceId")).isEqualTo(EXISTING);
        assertThat(graph.ofType(DIAGNOSTIC)).allSatisfy(s -> assertThat(input(s, "workspaceId")).isEqualTo(EXISTING));
        assertThat(graph.ofType(LOG_ALERT)).allSatisfy(a -> assertThat(input(a, "scopes")).isEqualTo(List.of(EXISTING)));
    }

    @Test
    void withoutAddressesThereIsNoActionGroupAndTheAlertsCallNone() {
        var graph = SessionProtectionTest.pool("silent", DsvmPoolTest.settings().production(true));
        assertThat(graph.ofType(ACTION_GROUP)).isEmpty();
        assertThat(graph.ofType(LOG_ALERT)).isNotEmpty().allSatisfy(a -> assertThat(a.inputs()).doesNotContainKey("actions"));
        assertThat(graph.ofType(ACTIVITY_ALERT)).isNotEmpty()
                .allSatisfy(a -> assertThat(input(a, "actions.actionGroups")).isEqualTo(List.of()));
    }

    @Test
    void onOutsideProductionUsesASystemAssignedIdentityAndWatchesNoVaultOrRepairs() {
        var graph = SessionProtectionTest.pool("trial", DsvmPoolTest.settings().monitoring(true));
        assertThat(input(graph.single(SCALE_SET), "identity.type")).isEqualTo("SystemAssigned");
        assertThat(agent(graph)).doesNotContainKey("settings");
        assertThat(graph.ofType(LOG_ALERT)).extracting(Registration::name)
                .containsExactlyInAnyOrder("trial-alert-mount-failed", "trial-alert-autoscale-failed",
                        "trial-alert-hub-unhealthy");
        assertThat(graph.ofType(ACTIVITY_ALERT)).isEmpty();
        assertThat(graph.ofType(DIAGNOSTIC)).hasSize(1);
        assertThat(input(graph.single(WORKSPACE), "retentionInDays")).isEqualTo(30L);
        assertThat(input(SessionProtectionTest.pool("kept", DsvmPoolTest.settings().monitoring(true)
                .logRetentionDays(90)).single(WORKSPACE), "retentionInDays")).isEqualTo(90L);
    }
}
