package io.github.dsvmpool.pool;

import com.pulumi.azurenative.insights.ActionGroup;
import com.pulumi.azurenative.insights.ActionGroupArgs;
import com.pulumi.azurenative.insights.ActivityLogAlert;
import com.pulumi.azurenative.insights.ActivityLogAlertArgs;
import com.pulumi.azurenative.insights.DataCollectionRule;
import com.pulumi.azurenative.insights.DataCollectionRuleArgs;
import com.pulumi.azurenative.insights.DataCollectionRuleAssociation;
import com.pulumi.azurenative.insights.DataCollectionRuleAssociationArgs;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.insights.DiagnosticSettingArgs;
import com.pulumi.azurenative.insights.ScheduledQueryRule;
import com.pulumi.azurenative.insights.ScheduledQueryRuleArgs;
import com.pulumi.azurenative.insights.inputs.ActionListArgs;
import com.pulumi.azurenative.insights.inputs.ActionsArgs;
import com.pulumi.azurenative.insights.inputs.AlertRuleAllOfConditionArgs;
import com.pulumi.azurenative.insights.inputs.AlertRuleAnyOfOrLeafConditionArgs;
import com.pulumi.azurenative.insights.inputs.ConditionArgs;
import com.pulumi.azurenative.insights.inputs.ConditionFailingPeriodsArgs;
import com.pulumi.azurenative.insights.inputs.DataCollectionRuleDataSourcesArgs;
import com.pulumi.azurenative.insights.inputs.DataCollectionRuleDestinationsArgs;
import com.pulumi.azurenative.insights.inputs.DataFlowArgs;
import com.pulumi.azurenative.insights.inputs.EmailReceiverArgs;
import com.pulumi.azurenative.insights.inputs.LogAnalyticsDestinationArgs;
import com.pulumi.azurenative.insights.inputs.LogSettingsArgs;
import com.pulumi.azurenative.insights.inputs.PerfCounterDataSourceArgs;
import com.pulumi.azurenative.insights.inputs.ScheduledQueryRuleCriteriaArgs;
import com.pulumi.azurenative.insights.inputs.SyslogDataSourceArgs;
import com.pulumi.azurenative.insights.inputs.WindowsEventLogDataSourceArgs;
import com.pulumi.azurenative.operationalinsights.Workspace;
import com.pulumi.azurenative.operationalinsights.WorkspaceArgs;
import com.pulumi.azurenative.operationalinsights.inputs.WorkspaceSkuArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import io.github.dsvmpool.plans.MonitoringPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pool's monitoring, as {@link MonitoringPlan} decided it: a Log Analytics workspace (unless an existing one is
 * given), a data collection rule for the agent ({@link MonitorAgentExtension}) associated with the scale set, the
 * vault's and autoscale's diagnostic settings, an action group e-mailing the notification addresses, and the alerts.
 * API versions are azure-native 2.10.0's defaults: data collection rules and associations 2022-06-01 and scheduled
 * query rules 2023-03-15-preview (Pulumi registry, v2 pages); workspaces 2022-10-01, action groups 2023-01-01,
 * activity log alerts 2020-10-01 and diagnostic settings 2021-05-01-preview are unconfirmed (the shapes used here,
 * e.g. the activity log alert's anyOf/leaf conditions and required actions, match the 2.10.0 SDK classes).
 */
final class PoolMonitoring {
    final Optional<Workspace> workspace;
    final Output<String> workspaceId;
    final DataCollectionRule rule;
    final DataCollectionRuleAssociation association;
    final Optional<ActionGroup> actionGroup;
    final List<ScheduledQueryRule> logAlerts = new ArrayList<>();
    final Optional<ActivityLogAlert> repairsSuspended;
    final Optional<DiagnosticSetting> vaultAudit;
    final DiagnosticSetting autoscaleLog;

    /** What is watched: the scale set, its autoscale setting, and the vault when there is one. */
    record Watched(Output<String> scaleSetId, Output<String> autoscaleSettingId, Optional<Output<String>> vaultId) {
    }

    PoolMonitoring(PartContext context, MonitoringPlan plan, Watched watched) {
        this.workspace = plan.existingWorkspaceId().isPresent() ? Optional.empty()
                : Optional.of(new Workspace(context.childName("logs"), WorkspaceArgs.builder()
                        .resourceGroupName(context.resourceGroupName())
                        .location(context.location())
                        .sku(WorkspaceSkuArgs.builder().name(MonitoringPlan.WORKSPACE_SKU).build())
                        // Learn "Manage data retention in a Log Analytics workspace": 30-730 days.
                        .retentionInDays(plan.retentionDays())
                        .tags(context.tags())
                        .build(), context.options().build()));
        this.workspaceId = workspace.map(Workspace::id)
                .orElseGet(() -> Output.of(plan.existingWorkspaceId().orElseThrow()));
        this.rule = new DataCollectionRule(context.childName("dcr"), DataCollectionRuleArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .kind(plan.ruleKind())
                .description("dsvm-pool " + context.poolName() + ": " + (plan.windows() ? "Windows events"
                        : "syslog") + " and performance counters of the VMs")
                .dataSources(dataSources(plan))
                // Learn "Data collection rules in Azure Monitor": a data flow sends streams to a named destination.
                .destinations(DataCollectionRuleDestinationsArgs.builder()
                        .logAnalytics(LogAnalyticsDestinationArgs.builder()
                                .name(MonitoringPlan.DESTINATION)
                                .workspaceResourceId(workspaceId)
                                .build())
                        .build())
                .dataFlows(DataFlowArgs.builder()
                        .streams(plan.streams().stream().map(Either::<String,
                                com.pulumi.azurenative.insights.enums.KnownDataFlowStreams>ofLeft).toList())
                        .destinations(MonitoringPlan.DESTINATION)
                        .build())
                .tags(context.tags())
                .build(), context.options().build());
        // Learn "Manage data collection rule associations": an association links one machine (here the scale set,
        // so every VM) to one rule.
        this.association = new DataCollectionRuleAssociation(context.childName("dcr-vmss"),
                DataCollectionRuleAssociationArgs.builder()
                        .resourceUri(watched.scaleSetId())
                        .dataCollectionRuleId(rule.id())
                        .description("dsvm-pool " + context.poolName() + ": the scale set's VMs send to the rule")
                        .build(), context.options().build());
        this.actionGroup = plan.tellsSomeone() ? Optional.of(actionGroup(context, plan)) : Optional.empty();
        Optional<Output<String>> actionGroupId = actionGroup.map(ActionGroup::id);
        // Learn "Monitor Azure Key Vault": diagnostic settings with the audit category group to a workspace.
        this.vaultAudit = watched.vaultId().map(vaultId -> new DiagnosticSetting(context.childName("kv-audit"),
                DiagnosticSettingArgs.builder()
                        .resourceUri(vaultId)
                        .workspaceId(workspaceId)
                        .logs(LogSettingsArgs.builder().categoryGroup(MonitoringPlan.AUDIT_CATEGORY_GROUP)
                                .enabled(true).build())
                        .build(), context.options().build()));
        // Learn "AutoscaleScaleActionsLog" (resource type microsoft.insights/autoscalesettings): the scale actions
        // and their results, which the autoscale alert queries.
        this.autoscaleLog = new DiagnosticSetting(context.childName("autoscale-log"), DiagnosticSettingArgs.builder()
                .resourceUri(watched.autoscaleSettingId())
                .workspaceId(workspaceId)
                .logs(LogSettingsArgs.builder().category(MonitoringPlan.AUTOSCALE_CATEGORY).enabled(true).build())
                .build(), context.options().build());
        for (MonitoringPlan.LogAlert alert : plan.logAlerts()) {
            logAlerts.add(logAlert(context, alert, actionGroupId));
        }
        this.repairsSuspended = plan.repairs()
                ? Optional.of(repairsSuspended(context, watched.scaleSetId(), actionGroupId)) : Optional.empty();
    }

    /** Syslog on Linux, the event logs on Windows (Learn "Collect Windows events"), and the counters. */
    private static DataCollectionRuleDataSourcesArgs dataSources(MonitoringPlan plan) {
        var sources = DataCollectionRuleDataSourcesArgs.builder()
                .performanceCounters(PerfCounterDataSourceArgs.builder()
                        .name("performance")
                        .streams(List.of(Either.ofLeft(MonitoringPlan.PERF_STREAM)))
                        .samplingFrequencyInSeconds(MonitoringPlan.SAMPLING_SECONDS)
                        .counterSpecifiers(plan.counters())
                        .build());
        if (plan.windows()) {
            sources.windowsEventLogs(WindowsEventLogDataSourceArgs.builder()
                    .name("events")
                    .streams(List.of(Either.ofLeft(plan.streams().get(0))))
                    .xPathQueries(plan.eventLogQueries())
                    .build());
        } else {
            sources.syslog(plan.syslogSources().stream().map(PoolMonitoring::syslog).toList());
        }
        return sources.build();
    }

    private static SyslogDataSourceArgs syslog(MonitoringPlan.SyslogSource source) {
        return SyslogDataSourceArgs.builder()
                .name(source.name())
                .streams(List.of(Either.ofLeft(MonitoringPlan.SYSLOG_STREAM)))
                .facilityNames(source.facilities().stream().map(Either::<String, 
                        com.pulumi.azurenative.insights.enums.KnownSyslogDataSourceFacilityNames>ofLeft).toList())
                .logLevels(source.levels().stream().map(Either::<String,
                        com.pulumi.azurenative.insights.enums.KnownSyslogDataSourceLogLevels>ofLeft).toList())
                .build();
    }

    private static ActionGroup actionGroup(PartContext context, MonitoringPlan plan) {
        List<EmailReceiverArgs> receivers = new ArrayList<>();
        for (int index = 0; index < plan.emails().size(); index++) {
            receivers.add(EmailReceiverArgs.builder()
                    .name("email-" + (index + 1))
                    .emailAddress(plan.emails().get(index))
                    .useCommonAlertSchema(true)
                    .build());
        }
        return new ActionGroup(context.childName("alerts"), ActionGroupArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(MonitoringPlan.GLOBAL)
                .groupShortName(MonitoringPlan.shortName(context.poolName()))
                .enabled(true)
                .emailReceivers(receivers)
                .tags(context.tags())
                .build(), context.options().build());
    }

    private ScheduledQueryRule logAlert(PartContext context, MonitoringPlan.LogAlert alert,
                                        Optional<Output<String>> actionGroupId) {
        var args = ScheduledQueryRuleArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .kind("LogAlert")
                .displayName(context.poolName() + ": " + alert.displayName())
                .description(alert.description())
                .severity((double) alert.severity())
                .enabled(true)
                .scopes(workspaceId.applyValue(List::of))
                // A new workspace has no Syslog, AzureDiagnostics or AutoscaleScaleActionsLog table until data
                // arrives; the REST spec's skipQueryValidation (2023-03-15-preview) lets the rule be created first.
                .skipQueryValidation(true)
                .evaluationFrequency(alert.frequency())
                .windowSize(alert.window())
                .criteria(ScheduledQueryRuleCriteriaArgs.builder()
                        .allOf(ConditionArgs.builder()
                                .query(alert.query())
                                .timeAggregation("Count")
                                .operator("GreaterThan")
                                .threshold(0.0)
                                .failingPeriods(ConditionFailingPeriodsArgs.builder()
                                        .numberOfEvaluationPeriods(1.0)
                                        .minFailingPeriodsToAlert(1.0)
                                        .build())
                                .build())
                        .build())
                .tags(context.tags());
        actionGroupId.ifPresent(id -> args.actions(ActionsArgs.builder().actionGroups(id.applyValue(List::of)).build()));
        return new ScheduledQueryRule(context.childName("alert-" + alert.suffix()), args.build(),
                context.options().build());
    }

    private static ActivityLogAlert repairsSuspended(PartContext context, Output<String> scaleSetId,
                                                     Optional<Output<String>> actionGroupId) {
        var args = ActivityLogAlertArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(MonitoringPlan.GLOBAL)
                .description("dsvm-pool " + context.poolName() + ": automatic repairs changed state (suspended when"
                        + " VMs stay unhealthy after repeated repairs)")
                .enabled(true)
                .scopes(scaleSetId.applyValue(List::of))
                .condition(AlertRuleAllOfConditionArgs.builder()
                        .allOf(AlertRuleAnyOfOrLeafConditionArgs.builder().field("category").equals_("Administrative")
                                        .build(),
                                AlertRuleAnyOfOrLeafConditionArgs.builder().field("operationName")
                                        .equals_(MonitoringPlan.ORCHESTRATION_STATE_OPERATION).build())
                        .build())
                .tags(context.tags());
        // actions is required in 2020-10-01 (REST spec ActivityLogAlertResource); without addresses it calls nobody.
        args.actions(ActionListArgs.builder()
                .actionGroups(actionGroupId.map(id -> id.applyValue(value -> List.of(
                        com.pulumi.azurenative.insights.inputs.ActionGroupArgs.builder().actionGroupId(value).build())))
                        .orElse(Output.of(List.of())))
                .build());
        return new ActivityLogAlert(context.childName("alert-repairs"), args.build(), context.options().build());
    }
}
