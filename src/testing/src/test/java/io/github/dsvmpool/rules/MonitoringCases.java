package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.Pools.RG;
import static io.github.dsvmpool.rules.Pools.VMSS;
import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;
import static io.github.dsvmpool.rules.TestGraph.mockId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The monitored pool (as PoolMonitoring declares it) and the graphs that break the monitoring rules. */
final class MonitoringCases {
    static final String WORKSPACE = "pool-logs";
    static final String DCR = "pool-dcr";
    static final String ASSOCIATION = "pool-dcr-vmss";
    static final String ACTION_GROUP = "pool-alerts";
    static final String LOG_ALERT = "pool-alert-mount-failed";
    static final String ACTIVITY_ALERT = "pool-alert-repairs";
    static final String VAULT_AUDIT = "pool-kv-audit";
    /** The agent comes after the provisioning and health extensions of Pools.valid(). */
    static final String AGENT = "virtualMachineProfile.extensionProfile.extensions[2]";

    private MonitoringCases() {
    }

    static String id(String type, String name) {
        return mockId(type, name);
    }

    /** The pool with its Key Vault and the monitoring PoolMonitoring declares around it. */
    static TestGraph monitored() {
        TestGraph graph = Pools.withKeyVault();
        String identity = mockId("azure-native:managedidentity:UserAssignedIdentity", "pool-identity");
        graph.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions").add(map("name", "monitor-agent",
                "publisher", "Microsoft.Azure.Monitor", "type", "AzureMonitorLinuxAgent", "typeHandlerVersion", "1.29",
                "autoUpgradeMinorVersion", true, "enableAutomaticUpgrade", true,
                "settings", map("authentication", map("managedIdentity", map("identifier-name", "mi_res_id",
                        "identifier-value", identity)))));
        String workspace = id(MonitoringRules.WORKSPACE, WORKSPACE);
        graph.add(MonitoringRules.WORKSPACE, WORKSPACE, map("resourceGroupName", RG, "location", "westeurope",
                "sku", map("name", "PerGB2018"), "retentionInDays", 30L));
        graph.add(MonitoringRules.DCR, DCR, map("resourceGroupName", RG, "location", "westeurope", "kind", "Linux",
                "dataSources", map(
                        "syslog", list(map("name", "system", "streams", list("Microsoft-Syslog"),
                                "facilityNames", list("daemon", "kern", "user"),
                                "logLevels", list("Warning", "Error", "Critical", "Alert", "Emergency"))),
                        "performanceCounters", list(map("name", "performance", "streams", list("Microsoft-Perf"),
                                "samplingFrequencyInSeconds", 60L,
                                "counterSpecifiers", list("\\Processor(*)\\% Processor Time")))),
                "destinations", map("logAnalytics", list(map("name", "workspace", "workspaceResourceId", workspace))),
                "dataFlows", list(map("streams", list("Microsoft-Syslog", "Microsoft-Perf"),
                        "destinations", list("workspace")))));
        graph.add(MonitoringRules.DCR_ASSOCIATION, ASSOCIATION, map(
                "resourceUri", id(ResourceGraph.SCALE_SET, VMSS), "dataCollectionRuleId", id(MonitoringRules.DCR, DCR)));
        graph.add(MonitoringRules.ACTION_GROUP, ACTION_GROUP, map("resourceGroupName", RG, "location", "Global",
                "groupShortName", "pool", "enabled", true,
                "emailReceivers", list(map("name", "email-1", "emailAddress", "ops@example.org",
                        "useCommonAlertSchema", true))));
        String actionGroup = id(MonitoringRules.ACTION_GROUP, ACTION_GROUP);
        graph.add(MonitoringRules.LOG_ALERT, LOG_ALERT, map("resourceGroupName", RG, "location", "westeurope",
                "kind", "LogAlert", "severity", 1.0, "enabled", true, "scopes", list(workspace),
                "evaluationFrequency", "PT15M", "windowSize", "PT15M",
                "criteria", map("allOf", list(map("query", "Syslog | where ProcessName == \"dsvm-provision\"",
                        "timeAggregation", "Count", "operator", "GreaterThan", "threshold", 0.0))),
                "actions", map("actionGroups", list(actionGroup))));
        graph.add(MonitoringRules.ACTIVITY_LOG_ALERT, ACTIVITY_ALERT, map("resourceGroupName", RG,
                "location", "Global", "enabled", true, "scopes", list(id(ResourceGraph.SCALE_SET, VMSS)),
                "condition", map("allOf", list(map("field", "category", "equals", "Administrative"),
                        map("field", "operationName", "equals",
                                "Microsoft.Compute/virtualMachineScaleSets/setOrchestrationServiceState/action"))),
                "actions", map("actionGroups", list(map("actionGroupId", actionGroup)))));
        graph.add(MonitoringRules.DIAGNOSTIC_SETTING, VAULT_AUDIT, map(
                "resourceUri", id(KeyVaultRules.VAULT, Pools.VAULT), "workspaceId", workspace,
                "logs", list(map("categoryGroup", "audit", "enabled", true))));
        return graph;
    }

    static List<BreakingCases.Case> all() {
        List<BreakingCases.Case> cases = new ArrayList<>();
        Adder add = (rule, description, resource, property, change) -> cases.add(new BreakingCases.Case(description,
                rule, resource, property, Set.of(rule), MonitoringCases::monitored, change));
        add.to("monitor-agent-extension", "a misspelt publisher", VMSS, AGENT + ".publisher",
                g -> g.at(VMSS, AGENT).put("publisher", "Microsoft.Azure.Monitoring"));
        add.to("monitor-agent-extension", "the retired agent's type", VMSS, AGENT + ".type",
                g -> g.at(VMSS, AGENT).put("type", "AzureMonitorAgent"));
        add.to("monitor-agent-extension", "a version without a minor", VMSS, AGENT + ".typeHandlerVersion",
                g -> g.at(VMSS, AGENT).put("typeHandlerVersion", "1"));
        add.to("monitor-agent-identity", "the agent names an identity the scale set does not hold", VMSS,
                AGENT + ".settings.authentication.managedIdentity",
                g -> {
                    g.add("azure-native:managedidentity:UserAssignedIdentity", "other-identity",
                            map("resourceGroupName", RG));
                    g.at(VMSS, AGENT + ".settings.authentication.managedIdentity").put("identifier-value",
                            mockId("azure-native:managedidentity:UserAssignedIdentity", "other-identity"));
                });
        add.to("dcr-association-target", "the association targets the storage account", ASSOCIATION, "resourceUri",
                g -> g.inputs(ASSOCIATION).put("resourceUri", id(ResourceGraph.STORAGE_ACCOUNT, Pools.STORAGE)));
        add.to("dcr-association-target", "the association names the workspace as its rule", ASSOCIATION,
                "dataCollectionRuleId",
                g -> g.inputs(ASSOCIATION).put("dataCollectionRuleId", id(MonitoringRules.WORKSPACE, WORKSPACE)));
        add.to("dcr-association-target", "an agent without an association", VMSS, AGENT,
                g -> g.registrations().removeIf(r -> r.name().equals(ASSOCIATION)));
        add.to("dcr-destination", "a flow to an undeclared destination", DCR, "dataFlows[0].destinations",
                g -> g.at(DCR, "dataFlows[0]").put("destinations", list("elsewhere")));
        add.to("dcr-destination", "a flow of a stream nothing produces", DCR, "dataFlows[0].streams",
                g -> g.at(DCR, "dataFlows[0]").put("streams", list("Microsoft-Syslog", "Microsoft-Event")));
        add.to("dcr-destination", "a facility spelt kernel", DCR, "dataSources.syslog[0].facilityNames",
                g -> g.at(DCR, "dataSources.syslog[0]").put("facilityNames", list("kernel")));
        add.to("dcr-destination", "a level spelt Warn", DCR, "dataSources.syslog[0].logLevels",
                g -> g.at(DCR, "dataSources.syslog[0]").put("logLevels", list("Warn")));
        add.to("dcr-destination", "the destination is the storage account", DCR,
                "destinations.logAnalytics[0].workspaceResourceId",
                g -> g.at(DCR, "destinations.logAnalytics[0]").put("workspaceResourceId",
                        id(ResourceGraph.STORAGE_ACCOUNT, Pools.STORAGE)));
        add.to("log-analytics-workspace", "731 days", WORKSPACE, "retentionInDays",
                g -> g.inputs(WORKSPACE).put("retentionInDays", 731L));
        add.to("log-analytics-workspace", "29 days", WORKSPACE, "retentionInDays",
                g -> g.inputs(WORKSPACE).put("retentionInDays", 29L));
        add.to("action-group-short-name", "a short name of 13 characters", ACTION_GROUP, "groupShortName",
                g -> g.inputs(ACTION_GROUP).put("groupShortName", "dsvm-prod-eu1"));
        add.to("action-group-short-name", "a regional action group", ACTION_GROUP, "location",
                g -> g.inputs(ACTION_GROUP).put("location", "westeurope"));
        add.to("action-group-short-name", "two receivers of one name", ACTION_GROUP, "emailReceivers[1]",
                g -> g.inputs(ACTION_GROUP).put("emailReceivers", list(map("name", "ops", "emailAddress", "a@x.org"),
                        map("name", "ops", "emailAddress", "b@x.org"))));
        add.to("log-alert-ranges", "severity 5", LOG_ALERT, "severity", g -> g.inputs(LOG_ALERT).put("severity", 5.0));
        add.to("log-alert-ranges", "every 2 days", LOG_ALERT, "evaluationFrequency",
                g -> g.inputs(LOG_ALERT).put("evaluationFrequency", "P2D"));
        add.to("log-alert-ranges", "looking back 3 days", LOG_ALERT, "windowSize",
                g -> g.inputs(LOG_ALERT).put("windowSize", "P3D"));
        add.to("log-alert-ranges", "no scope", LOG_ALERT, "scopes", g -> g.inputs(LOG_ALERT).put("scopes", list()));
        add.to("log-alert-ranges", "calling the workspace as an action group", LOG_ALERT, "actions.actionGroups",
                g -> g.at(LOG_ALERT, "actions").put("actionGroups", list(id(MonitoringRules.WORKSPACE, WORKSPACE))));
        add.to("activity-log-alert-shape", "a regional activity log alert", ACTIVITY_ALERT, "location",
                g -> g.inputs(ACTIVITY_ALERT).put("location", "westeurope"));
        add.to("activity-log-alert-shape", "no condition on the category", ACTIVITY_ALERT, "condition.allOf",
                g -> g.at(ACTIVITY_ALERT, "condition").put("allOf", list(map("field", "operationName",
                        "equals", "Microsoft.Compute/virtualMachineScaleSets/setOrchestrationServiceState/action"))));
        add.to("diagnostic-setting-target", "a target outside the graph", VAULT_AUDIT, "resourceUri",
                g -> g.inputs(VAULT_AUDIT).put("resourceUri",
                        "/subscriptions/x/resourceGroups/pool-rg/providers/Microsoft.Sql/servers/other"));
        add.to("diagnostic-setting-target", "the vault's metrics instead of its audit", VAULT_AUDIT, "logs",
                g -> g.inputs(VAULT_AUDIT).put("logs", list(map("category", "AzurePolicyEvaluationDetails",
                        "enabled", true))));
        add.to("diagnostic-setting-target", "both a category and a category group", VAULT_AUDIT, "logs[0]",
                g -> g.at(VAULT_AUDIT, "logs[0]").put("category", "AuditEvent"));
        add.to("diagnostic-setting-target", "sent to the storage account", VAULT_AUDIT, "workspaceId",
                g -> g.inputs(VAULT_AUDIT).put("workspaceId", id(ResourceGraph.STORAGE_ACCOUNT, Pools.STORAGE)));
        return cases;
    }

    @FunctionalInterface
    private interface Adder {
        void to(String rule, String description, String resource, String property, Consumer<TestGraph> change);
    }

    /** Edits used by the holding cases. */
    static Map<String, Object> agent(TestGraph graph) {
        return graph.at(VMSS, AGENT);
    }
}
