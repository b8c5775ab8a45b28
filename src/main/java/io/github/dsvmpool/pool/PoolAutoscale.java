package io.github.dsvmpool.pool;

import com.pulumi.azurenative.insights.AutoscaleSetting;
import com.pulumi.azurenative.insights.AutoscaleSettingArgs;
import com.pulumi.azurenative.insights.enums.ComparisonOperationType;
import com.pulumi.azurenative.insights.enums.MetricStatisticType;
import com.pulumi.azurenative.insights.enums.ScaleDirection;
import com.pulumi.azurenative.insights.enums.ScaleType;
import com.pulumi.azurenative.insights.enums.TimeAggregationType;
import com.pulumi.azurenative.insights.inputs.AutoscaleProfileArgs;
import com.pulumi.azurenative.insights.inputs.MetricTriggerArgs;
import com.pulumi.azurenative.insights.inputs.ScaleActionArgs;
import com.pulumi.azurenative.insights.inputs.ScaleCapacityArgs;
import com.pulumi.azurenative.insights.inputs.ScaleRuleArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.InstanceCounts;

/** The autoscale setting that owns the scale set's capacity. */
final class PoolAutoscale {
    static final String CPU_METRIC = "Percentage CPU";
    static final String CPU_METRIC_NAMESPACE = "microsoft.compute/virtualmachinescalesets";

    final AutoscaleSetting setting;

    PoolAutoscale(PartContext context, InstanceCounts counts, Output<String> scaleSetId) {
        this.setting = new AutoscaleSetting(context.childName("autoscale"), AutoscaleSettingArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .targetResourceUri(scaleSetId)
                .enabled(true)
                .profiles(AutoscaleProfileArgs.builder()
                        .name("default")
                        .capacity(ScaleCapacityArgs.builder()
                                .minimum(String.valueOf(counts.minimum()))
                                .maximum(String.valueOf(counts.maximum()))
                                .default_(String.valueOf(counts.initial()))
                                .build())
                        .rules(cpuRule(scaleSetId, ComparisonOperationType.GreaterThan, 70, ScaleDirection.Increase, "PT5M"),
                                cpuRule(scaleSetId, ComparisonOperationType.LessThan, 25, ScaleDirection.Decrease, "PT10M"))
                        .build())
                .tags(context.tags())
                .build(), context.options().build());
    }

    private static ScaleRuleArgs cpuRule(Output<String> scaleSetId, ComparisonOperationType operator, double threshold,
                                         ScaleDirection direction, String cooldown) {
        return ScaleRuleArgs.builder()
                .metricTrigger(MetricTriggerArgs.builder()
                        .metricName(CPU_METRIC)
                        .metricNamespace(CPU_METRIC_NAMESPACE)
                        .metricResourceUri(scaleSetId)
                        .operator(operator)
                        .threshold(threshold)
                        .statistic(MetricStatisticType.Average)
                        .timeAggregation(TimeAggregationType.Average)
                        .timeGrain("PT1M")
                        .timeWindow("PT10M")
                        .build())
                .scaleAction(ScaleActionArgs.builder()
                        .direction(direction)
                        .type(ScaleType.ChangeCount)
                        .value("1")
                        .cooldown(cooldown)
                        .build())
                .build();
    }
}
