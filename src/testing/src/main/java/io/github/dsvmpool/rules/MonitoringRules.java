package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Monitoring: the Azure Monitor Agent extension, data collection rules and their associations, Log Analytics
 * workspaces, action groups, log and activity log alerts, diagnostic settings. Sources named on each rule.
 */
final class MonitoringRules {
    static final String WORKSPACE = "azure-native:operationalinsights:Workspace";
    static final String DCR = "azure-native:insights:DataCollectionRule";
    static final String DCR_ASSOCIATION = "azure-native:insights:DataCollectionRuleAssociation";
    static final String ACTION_GROUP = "azure-native:insights:ActionGroup";
    static final String LOG_ALERT = "azure-native:insights:ScheduledQueryRule";
    static final String ACTIVITY_LOG_ALERT = "azure-native:insights:ActivityLogAlert";
    static final String DIAGNOSTIC_SETTING = "azure-native:insights:DiagnosticSetting";

    static final String AGENT_PUBLISHER = "Microsoft.Azure.Monitor";
    static final Set<String> AGENT_TYPES = Set.of("AzureMonitorLinuxAgent", "AzureMonitorWindowsAgent");
    static final Pattern MAJOR_MINOR = Pattern.compile("\\d+\\.\\d+");
    static final Pattern WORKSPACE_ID = Pattern.compile("/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
            + "Microsoft\\.OperationalInsights/workspaces/[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]",
            Pattern.CASE_INSENSITIVE);
    static final Set<String> FACILITIES = Set.of("*", "alert", "audit", "auth", "authpriv", "clock", "cron", "daemon",
            "ftp", "kern", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7", "lpr",
            "mail", "mark", "news", "nopri", "ntp", "syslog", "user", "uucp");
    static final Set<String> LEVELS = Set.of("*", "Debug", "Info", "Notice", "Warning", "Error", "Critical", "Alert",
            "Emergency");

    static final String AGENT_SOURCE = "Learn \"Azure Monitor Agent requirements\" (publisher, type, managed identity);"
            + " Learn \"Install and manage Azure Monitor Agent\" (mi_res_id)";
    static final String DCR_SOURCE = "Learn \"Data collection rules in Azure Monitor\"; REST spec monitor"
            + " dataCollectionRules_API.json (2022-06-01: KnownSyslogDataSource facility and level names)";
    static final String ALERT_SOURCE = "REST spec monitor scheduledQueryRule_API.json (2023-03-15-preview: severity"
            + " 0-4); Learn \"Create or edit a log search alert rule\" (frequency 1 minute to 1 day, lookback up to 2"
            + " days)";
    static final String ACTION_GROUP_SOURCE = "Learn \"Create and manage action groups\" (short name at most 12"
            + " characters); REST spec monitor actionGroups_API.json (groupShortName maxLength 12, location Global)";
    static final String DIAGNOSTICS_SOURCE = "Learn \"Diagnostic settings in Azure Monitor\" (category or category"
            + " group); Learn \"Monitor Azure Key Vault\" (category group audit, AuditEvent); Learn"
            + " \"AutoscaleScaleActionsLog\"";

    private MonitoringRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("monitor-agent-extension",
                        "An Azure Monitor Agent extension is publisher Microsoft.Azure.Monitor, type"
                                + " AzureMonitorLinuxAgent (or ...Windows), typeHandlerVersion major.minor",
                        AGENT_SOURCE, "VMExtensionHandlerNonTransientError (unconfirmed)", Basis.CONFIRMED,
                        MonitoringRules::agentExtension),
                new AzureRule("monitor-agent-identity",
                        "A scale set running the Azure Monitor Agent has a managed identity, and a user-assigned one"
                                + " named in the agent's settings (mi_res_id) is among the scale set's identities",
                        AGENT_SOURCE, "(the agent cannot authenticate: no data arrives)", Basis.CONFIRMED,
                        MonitoringRules::agentIdentity),
                new AzureRule("dcr-association-target",
                        "A data collection rule association links a scale set of the graph to a rule of the graph,"
                                + " and a scale set running the agent has one",
                        "Learn \"Manage data collection rule associations in Azure Monitor\"; Learn \"Install and"
                                + " manage Azure Monitor Agent\" (the agent needs a DCR to collect anything)",
                        "(no data collected)", Basis.CONFIRMED, MonitoringRules::associations),
                new AzureRule("dcr-destination",
                        "A data collection rule's data flows send only streams its data sources produce, to"
                                + " destinations it names; a Log Analytics destination is a workspace of the graph or"
                                + " a workspace's ARM id; syslog facility and level names are Azure's",
                        DCR_SOURCE, "InvalidPayload (unconfirmed)", Basis.CONFIRMED, MonitoringRules::destinations),
                new AzureRule("log-analytics-workspace",
                        "A Log Analytics workspace on PerGB2018 keeps data 30-730 days",
                        "Learn \"Manage data retention in a Log Analytics workspace\"; REST spec operationalinsights"
                                + " Workspaces.json (retentionInDays)",
                        "InvalidParameter (unconfirmed)", Basis.CONFIRMED, MonitoringRules::workspaces),
                new AzureRule("action-group-short-name",
                        "An action group's short name has 1-12 characters, its location is Global, and its e-mail"
                                + " receivers have unique names and an address",
                        ACTION_GROUP_SOURCE, "BadRequest (unconfirmed)", Basis.CONFIRMED, MonitoringRules::actionGroups),
                new AzureRule("log-alert-ranges",
                        "A log alert has severity 0-4, evaluationFrequency PT1M-P1D, windowSize PT1M-P2D, a scope,"
                                + " a query, and its action groups are action groups of the graph",
                        ALERT_SOURCE, "BadRequest (unconfirmed)", Basis.CONFIRMED, MonitoringRules::logAlerts),
                new AzureRule("activity-log-alert-shape",
                        "An activity log alert is in location Global, has a scope and a condition on a category",
                        "Learn \"Create or edit an activity log alert rule\"; REST spec monitor activityLogAlerts_API"
                                + ".json (2020-10-01)",
                        "BadRequest (unconfirmed)", Basis.CONFIRMED, MonitoringRules::activityLogAlerts),
                new AzureRule("diagnostic-setting-target",
                        "A diagnostic setting targets a resource of the graph, sends to a workspace, names a category"
                                + " or a category group in each log entry, and a vault's sends the audit group",
                        DIAGNOSTICS_SOURCE, "BadRequest (unconfirmed)", Basis.CONFIRMED,
                        MonitoringRules::diagnosticSettings));
    }

    // ---- the agent -----------------------------------------------------------------------------------------

    record Agent(Registration scaleSet, String path, Map<String, Object> inputs) {
    }

    static List<Agent> agents(ResourceGraph graph) {
        List<Agent> found = new ArrayList<>();
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "extensionProfile"), "extensions");
            for (int index = 0; index < extensions.size(); index++) {
                Map<String, Object> inputs = Values.map(extensions.get(index));
                boolean monitor = Values.string(inputs, "type").map(t -> Values.lower(t).startsWith("azuremonitor"))
                        .orElse(false) || Values.equalsIgnoreCase(Values.string(inputs, "publisher"), AGENT_PUBLISHER);
                if (monitor) {
                    found.add(new Agent(scaleSet, "virtualMachineProfile.extensionProfile.extensions[" + index + "]",
                            inputs));
                }
            }
        }
        return found;
    }

    private static void agentExtension(ResourceGraph graph, Findings findings) {
        for (Agent agent : agents(graph)) {
            if (!Values.string(agent.inputs(), "publisher").filter(AGENT_PUBLISHER::equals).isPresent()) {
                findings.add(agent.scaleSet(), agent.path() + ".publisher", "the agent's publisher is "
                        + Values.stringOr(agent.inputs(), "publisher", "(none)"), "set " + AGENT_PUBLISHER);
            }
            if (!Values.string(agent.inputs(), "type").filter(AGENT_TYPES::contains).isPresent()) {
                findings.add(agent.scaleSet(), agent.path() + ".type", "the agent's type is "
                        + Values.stringOr(agent.inputs(), "type", "(none)"), "set AzureMonitorLinuxAgent or"
                        + " AzureMonitorWindowsAgent");
            }
            if (!Values.string(agent.inputs(), "typeHandlerVersion").filter(v -> MAJOR_MINOR.matcher(v).matches())
                    .isPresent()) {
                findings.add(agent.scaleSet(), agent.path() + ".typeHandlerVersion", "the agent's version is "
                        + Values.stringOr(agent.inputs(), "typeHandlerVersion", "(none)"), "set a major.minor version");
            }
        }
    }

    private static void agentIdentity(ResourceGraph graph, Findings findings) {
        for (Agent agent : agents(graph)) {
            Map<String, Object> identity = Values.map(agent.scaleSet().inputs(), "identity");
            String type = Values.lower(Values.stringOr(identity, "type", "none"));
            if (type.equals("none")) {
                findings.add(agent.scaleSet(), "identity", "the scale set runs the Azure Monitor Agent without a"
                        + " managed identity", "add a system-assigned or user-assigned identity");
                continue;
            }
            Map<String, Object> managed = Values.map(Values.map(Values.map(agent.inputs(), "settings"),
                    "authentication"), "managedIdentity");
            if (Values.equalsIgnoreCase(Values.string(managed, "identifier-name"), "mi_res_id")) {
                String named = Values.lower(Values.stringOr(managed, "identifier-value", ""));
                boolean held = type.contains("userassigned") && Values.list(identity, "userAssignedIdentities")
                        .stream().map(Values::reveal).map(String::valueOf).map(Values::lower).anyMatch(named::equals);
                if (!held) {
                    findings.add(agent.scaleSet(), agent.path() + ".settings.authentication.managedIdentity",
                            "the agent names identity " + (named.isEmpty() ? "(none)" : named) + ", which the scale"
                                    + " set does not hold", "name one of the scale set's userAssignedIdentities");
                }
            }
        }
    }

    // ---- data collection -----------------------------------------------------------------------------------

    private static void associations(ResourceGraph graph, Findings findings) {
        Set<String> associated = new HashSet<>();
        for (Registration association : graph.ofType(DCR_ASSOCIATION)) {
            Optional<SubResource> target = Values.string(association.inputs(), "resourceUri").flatMap(graph::resolve);
            if (target.isEmpty() || !target.get().resource().type().equals(ResourceGraph.SCALE_SET)) {
                findings.add(association, "resourceUri", "the association targets "
                        + Values.stringOr(association.inputs(), "resourceUri", "(none)") + ", not a scale set of the"
                        + " graph", "set resourceUri to the scale set's id");
            } else {
                associated.add(target.get().resource().urn());
            }
            Optional<SubResource> rule = Values.string(association.inputs(), "dataCollectionRuleId")
                    .flatMap(graph::resolve);
            if (rule.isEmpty() || !rule.get().resource().type().equals(DCR)) {
                findings.add(association, "dataCollectionRuleId", "the association names rule "
                        + Values.stringOr(association.inputs(), "dataCollectionRuleId", "(none)")
                        + ", not a data collection rule of the graph", "set the rule's id");
            }
        }
        for (Agent agent : agents(graph)) {
            if (!associated.contains(agent.scaleSet().urn())) {
                findings.add(agent.scaleSet(), agent.path(), "the scale set runs the Azure Monitor Agent but no data"
                        + " collection rule is associated with it", "declare a DataCollectionRuleAssociation");
            }
        }
    }

    private static void destinations(ResourceGraph graph, Findings findings) {
        for (Registration rule : graph.ofType(DCR)) {
            Set<String> named = new HashSet<>();
            List<Object> workspaces = Values.list(Values.map(rule.inputs(), "destinations"), "logAnalytics");
            for (int index = 0; index < workspaces.size(); index++) {
                Map<String, Object> destination = Values.map(workspaces.get(index));
                Values.string(destination, "name").ifPresent(named::add);
                String id = Values.stringOr(destination, "workspaceResourceId", "");
                boolean declared = graph.resolve(id).map(found -> found.resource().type().equals(WORKSPACE))
                        .orElse(false);
                if (!declared && (ResourceGraph.mustResolve(id) || !WORKSPACE_ID.matcher(id).matches())) {
                    findings.add(rule, "destinations.logAnalytics[" + index + "].workspaceResourceId",
                            "the destination is " + (id.isEmpty() ? "(none)" : id) + ", not a workspace",
                            "set a Log Analytics workspace's id");
                }
            }
            Map<String, Object> sources = Values.map(rule.inputs(), "dataSources");
            Set<String> produced = new HashSet<>();
            for (String kind : List.of("syslog", "performanceCounters", "windowsEventLogs")) {
                List<Object> list = Values.list(sources, kind);
                for (int index = 0; index < list.size(); index++) {
                    Map<String, Object> source = Values.map(list.get(index));
                    Values.list(source, "streams").forEach(stream -> produced.add(String.valueOf(Values.reveal(stream))));
                    if (kind.equals("syslog")) {
                        names(rule, findings, "dataSources.syslog[" + index + "].facilityNames",
                                Values.list(source, "facilityNames"), FACILITIES);
                        names(rule, findings, "dataSources.syslog[" + index + "].logLevels",
                                Values.list(source, "logLevels"), LEVELS);
                    }
                }
            }
            List<Object> flows = Values.list(rule.inputs(), "dataFlows");
            for (int index = 0; index < flows.size(); index++) {
                Map<String, Object> flow = Values.map(flows.get(index));
                for (Object destination : Values.list(flow, "destinations")) {
                    if (!named.contains(String.valueOf(Values.reveal(destination)))) {
                        findings.add(rule, "dataFlows[" + index + "].destinations", "the flow sends to "
                                + destination + ", which the rule does not declare", "name a declared destination");
                    }
                }
                for (Object stream : Values.list(flow, "streams")) {
                    if (!produced.contains(String.valueOf(Values.reveal(stream)))) {
                        findings.add(rule, "dataFlows[" + index + "].streams", "the flow sends stream " + stream
                                + ", which no data source produces", "add a data source or remove the stream");
                    }
                }
            }
        }
    }

    private static void names(Registration rule, Findings findings, String path, List<Object> values,
                              Set<String> allowed) {
        if (values.isEmpty()) {
            findings.add(rule, path, "no names are given", "name at least one");
        }
        for (Object value : values) {
            if (!allowed.contains(String.valueOf(Values.reveal(value)))) {
                findings.add(rule, path, "'" + value + "' is not one of Azure's names", "use one of " + allowed);
            }
        }
    }

    private static void workspaces(ResourceGraph graph, Findings findings) {
        for (Registration workspace : graph.ofType(WORKSPACE)) {
            if (Values.equalsIgnoreCase(Values.string(Values.map(workspace.inputs(), "sku"), "name"), "PerGB2018")) {
                Optional<Long> days = Values.whole(workspace.inputs(), "retentionInDays");
                if (days.isPresent() && (days.get() < 30 || days.get() > 730)) {
                    findings.add(workspace, "retentionInDays", "the workspace keeps data " + days.get() + " days",
                            "set 30-730 days");
                }
            }
        }
    }

    // ---- who is told -------------------------------------------------------------------------------------

    private static void actionGroups(ResourceGraph graph, Findings findings) {
        for (Registration group : graph.ofType(ACTION_GROUP)) {
            String shortName = Values.stringOr(group.inputs(), "groupShortName", "");
            if (shortName.isEmpty() || shortName.length() > 12) {
                findings.add(group, "groupShortName", "the short name '" + shortName + "' has " + shortName.length()
                        + " characters", "use 1-12 characters");
            }
            if (!Values.equalsIgnoreCase(Values.string(group.inputs(), "location"), "Global")) {
                findings.add(group, "location", "the action group is in "
                        + Values.stringOr(group.inputs(), "location", "(none)"), "set location Global");
            }
            Set<String> names = new HashSet<>();
            List<Object> receivers = Values.list(group.inputs(), "emailReceivers");
            for (int index = 0; index < receivers.size(); index++) {
                Map<String, Object> receiver = Values.map(receivers.get(index));
                if (!names.add(Values.stringOr(receiver, "name", ""))
                        || Values.stringOr(receiver, "emailAddress", "").isBlank()) {
                    findings.add(group, "emailReceivers[" + index + "]", "an e-mail receiver repeats a name or has no"
                            + " address", "give each receiver its own name and an address");
                }
            }
        }
    }

    private static void logAlerts(ResourceGraph graph, Findings findings) {
        for (Registration alert : graph.ofType(LOG_ALERT)) {
            Optional<Long> severity = Values.whole(alert.inputs(), "severity");
            if (severity.isEmpty() || severity.get() < 0 || severity.get() > 4) {
                findings.add(alert, "severity", "severity " + severity.map(String::valueOf).orElse("(none)"),
                        "set 0 (critical) to 4 (verbose)");
            }
            String frequency = Values.stringOr(alert.inputs(), "evaluationFrequency", "");
            if (!Durations.within(frequency, 1, 24 * 60)) {
                findings.add(alert, "evaluationFrequency", "runs every '" + frequency + "'", "set PT1M to P1D");
            }
            String window = Values.stringOr(alert.inputs(), "windowSize", "");
            if (!Durations.within(window, 1, 2 * 24 * 60)) {
                findings.add(alert, "windowSize", "looks back '" + window + "'", "set PT1M to P2D");
            }
            if (Values.list(alert.inputs(), "scopes").isEmpty()) {
                findings.add(alert, "scopes", "the alert has no scope", "scope it to the workspace");
            }
            List<Object> conditions = Values.list(Values.map(alert.inputs(), "criteria"), "allOf");
            if (conditions.isEmpty() || conditions.stream().anyMatch(c -> !Values.has(Values.map(c), "query"))) {
                findings.add(alert, "criteria.allOf", "a condition has no query", "give each condition a query");
            }
            actionGroups(graph, findings, alert, Values.list(Values.map(alert.inputs(), "actions"), "actionGroups"),
                    "actions.actionGroups");
        }
    }

    private static void actionGroups(ResourceGraph graph, Findings findings, Registration alert, List<Object> ids,
                                     String path) {
        for (Object raw : ids) {
            String id = String.valueOf(Values.reveal(raw));
            if (!graph.resolve(id).map(found -> found.resource().type().equals(ACTION_GROUP)).orElse(false)) {
                findings.add(alert, path, "the alert calls " + id + ", not an action group of the graph",
                        "name the pool's action group");
            }
        }
    }

    private static void activityLogAlerts(ResourceGraph graph, Findings findings) {
        for (Registration alert : graph.ofType(ACTIVITY_LOG_ALERT)) {
            if (!Values.equalsIgnoreCase(Values.string(alert.inputs(), "location"), "Global")) {
                findings.add(alert, "location", "the activity log alert is in "
                        + Values.stringOr(alert.inputs(), "location", "(none)"), "set location Global");
            }
            if (Values.list(alert.inputs(), "scopes").isEmpty()) {
                findings.add(alert, "scopes", "the alert has no scope", "scope it to the watched resource");
            }
            boolean category = Values.list(Values.map(alert.inputs(), "condition"), "allOf").stream()
                    .map(Values::map).anyMatch(leaf -> Values.equalsIgnoreCase(Values.string(leaf, "field"),
                            "category"));
            if (!category) {
                findings.add(alert, "condition.allOf", "no condition names the category", "add field category");
            }
            List<Object> groups = Values.list(Values.map(alert.inputs(), "actions"), "actionGroups");
            actionGroups(graph, findings, alert, groups.stream().map(group -> (Object) Values.stringOr(
                    Values.map(group), "actionGroupId", "")).toList(), "actions.actionGroups");
        }
    }

    private static void diagnosticSettings(ResourceGraph graph, Findings findings) {
        for (Registration setting : graph.ofType(DIAGNOSTIC_SETTING)) {
            String uri = Values.stringOr(setting.inputs(), "resourceUri", "");
            Optional<SubResource> target = graph.resolve(uri).filter(SubResource::isWholeResource);
            if (target.isEmpty()) {
                findings.add(setting, "resourceUri", "the setting targets " + (uri.isEmpty() ? "(none)" : uri)
                        + ", not a resource of the graph", "set the watched resource's id");
            }
            String workspace = Values.stringOr(setting.inputs(), "workspaceId", "");
            boolean declared = graph.resolve(workspace).map(found -> found.resource().type().equals(WORKSPACE))
                    .orElse(false);
            if (!declared && (ResourceGraph.mustResolve(workspace) || !WORKSPACE_ID.matcher(workspace).matches())) {
                findings.add(setting, "workspaceId", "the setting sends to " + (workspace.isEmpty() ? "(none)"
                        : workspace) + ", not a workspace", "set the workspace's id");
            }
            List<Object> logs = Values.list(setting.inputs(), "logs");
            for (int index = 0; index < logs.size(); index++) {
                Map<String, Object> log = Values.map(logs.get(index));
                if (Values.has(log, "category") == Values.has(log, "categoryGroup")) {
                    findings.add(setting, "logs[" + index + "]", "a log entry names "
                            + (Values.has(log, "category") ? "both a category and a category group" : "neither a"
                            + " category nor a category group"), "name one of them");
                }
            }
            boolean vault = target.map(found -> found.resource().type().equals(KeyVaultRules.VAULT)).orElse(false);
            boolean audit = logs.stream().map(Values::map).anyMatch(log -> Values.isTrue(log, "enabled")
                    && (Values.equalsIgnoreCase(Values.string(log, "categoryGroup"), "audit")
                    || Values.equalsIgnoreCase(Values.string(log, "categoryGroup"), "allLogs")
                    || Values.equalsIgnoreCase(Values.string(log, "category"), "AuditEvent")));
            if (vault && !audit) {
                findings.add(setting, "logs", "the vault's diagnostic setting does not send its audit logs",
                        "send category group audit (AuditEvent)");
            }
        }
    }
}
