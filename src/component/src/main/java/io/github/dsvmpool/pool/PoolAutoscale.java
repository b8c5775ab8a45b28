package io.github.dsvmpool.pool;

import com.pulumi.azurenative.insights.AutoscaleSetting;
import com.pulumi.azurenative.insights.AutoscaleSettingArgs;
import com.pulumi.azurenative.insights.enums.ComparisonOperationType;
import com.pulumi.azurenative.insights.enums.MetricStatisticType;
import com.pulumi.azurenative.insights.enums.OperationType;
import com.pulumi.azurenative.insights.enums.PredictiveAutoscalePolicyScaleMode;
import com.pulumi.azurenative.insights.enums.RecurrenceFrequency;
import com.pulumi.azurenative.insights.enums.ScaleDirection;
import com.pulumi.azurenative.insights.enums.ScaleType;
import com.pulumi.azurenative.insights.enums.TimeAggregationType;
import com.pulumi.azurenative.insights.inputs.AutoscaleNotificationArgs;
import com.pulumi.azurenative.insights.inputs.AutoscaleProfileArgs;
import com.pulumi.azurenative.insights.inputs.EmailNotificationArgs;
import com.pulumi.azurenative.insights.inputs.MetricTriggerArgs;
import com.pulumi.azurenative.insights.inputs.PredictiveAutoscalePolicyArgs;
import com.pulumi.azurenative.insights.inputs.RecurrenceArgs;
import com.pulumi.azurenative.insights.inputs.RecurrentScheduleArgs;
import com.pulumi.azurenative.insights.inputs.ScaleActionArgs;
import com.pulumi.azurenative.insights.inputs.ScaleCapacityArgs;
import com.pulumi.azurenative.insights.inputs.ScaleRuleArgs;
import com.pulumi.azurenative.insights.inputs.TimeWindowArgs;
import com.pulumi.azurenative.insights.inputs.WebhookNotificationArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import io.github.dsvmpool.plans.autoscale.CpuRulePlan;
import io.github.dsvmpool.plans.autoscale.ProfilePlan;
import io.github.dsvmpool.plans.autoscale.RecurrenceStart;

/**
 * The autoscale setting that owns the scale set's capacity. It copies the planned profiles: the decisions
 * (order, names, capacities, rules) are made in {@code plans.autoscale}.
 */
final class PoolAutoscale {
    final AutoscaleSetting setting;

    PoolAutoscale(PartContext context, AutoscalePlan plan, Output<String> scaleSetId) {
        var args = AutoscaleSettingArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .targetResourceUri(scaleSetId)
                .enabled(true)
                .profiles(plan.profiles().stream().map(profile -> profile(profile, scaleSetId)).toList())
                .predictiveAutoscalePolicy(predictive(plan))
                .tags(context.tags());
        if (plan.hasNotifications()) {
            args.notifications(AutoscaleNotificationArgs.builder()
                    .operation(OperationType.Scale)
                    .email(EmailNotificationArgs.builder()
                            .customEmails(plan.notificationEmails())
                            .sendToSubscriptionAdministrator(false)
                            .sendToSubscriptionCoAdministrators(false)
                            .build())
                    .webhooks(plan.notificationWebhooks().stream()
                            .map(uri -> WebhookNotificationArgs.builder().serviceUri(uri).build()).toList())
                    .build());
        }
        this.setting = new AutoscaleSetting(context.childName("autoscale"), args.build(), context.options().build());
    }

    private static AutoscaleProfileArgs profile(ProfilePlan plan, Output<String> scaleSetId) {
        var profile = AutoscaleProfileArgs.builder()
                .name(plan.name())
                .capacity(ScaleCapacityArgs.builder()
                        .minimum(String.valueOf(plan.capacity().minimum()))
                        .default_(String.valueOf(plan.capacity().defaultCount()))
                        .maximum(String.valueOf(plan.capacity().maximum()))
                        .build())
                .rules(plan.rules().stream().map(rule -> rule(rule, scaleSetId)).toList());
        if (plan.isRecurring()) {
            RecurrenceStart start = plan.recurrence();
            profile.recurrence(RecurrenceArgs.builder()
                    .frequency(RecurrenceFrequency.valueOf(RecurrenceStart.FREQUENCY))
                    .schedule(RecurrentScheduleArgs.builder()
                            .timeZone(start.timeZone())
                            .days(start.azureDays())
                            .hours(start.hours())
                            .minutes(start.minutes())
                            .build())
                    .build());
        } else {
            profile.fixedDate(TimeWindowArgs.builder()
                    .timeZone(plan.fixedWindow().timeZone())
                    .start(plan.fixedWindow().startIso())
                    .end(plan.fixedWindow().endIso())
                    .build());
        }
        return profile.build();
    }

    private static ScaleRuleArgs rule(CpuRulePlan rule, Output<String> scaleSetId) {
        return ScaleRuleArgs.builder()
                .metricTrigger(MetricTriggerArgs.builder()
                        .metricName(rule.metricName())
                        .metricNamespace(rule.metricNamespace())
                        .metricResourceUri(scaleSetId)
                        .operator(ComparisonOperationType.valueOf(rule.operator()))
                        .threshold(rule.threshold())
                        .statistic(MetricStatisticType.valueOf(rule.statistic()))
                        .timeAggregation(TimeAggregationType.valueOf(rule.timeAggregation()))
                        .timeGrain(rule.timeGrain())
                        .timeWindow(rule.timeWindow())
                        .build())
                .scaleAction(ScaleActionArgs.builder()
                        .direction(ScaleDirection.valueOf(rule.direction()))
                        .type(ScaleType.valueOf(rule.scaleType()))
                        .value(String.valueOf(rule.step()))
                        .cooldown(rule.cooldown())
                        .build())
                .build();
    }

    private static PredictiveAutoscalePolicyArgs predictive(AutoscalePlan plan) {
        var policy = PredictiveAutoscalePolicyArgs.builder()
                .scaleMode(PredictiveAutoscalePolicyScaleMode.valueOf(plan.predictiveScaleMode()));
        if (plan.predictiveLookAhead() != null) {
            policy.scaleLookAheadTime(plan.predictiveLookAhead());
        }
        return policy.build();
    }
}
