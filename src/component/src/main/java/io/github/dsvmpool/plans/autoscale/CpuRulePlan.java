package io.github.dsvmpool.plans.autoscale;

/**
 * One Azure autoscale rule on the scale set's average CPU, with every field spelled as Azure wants it, so the
 * resource code only copies fields. The metric resource URI is the scale set's id, known only to the caller.
 *
 * @param operator  {@code GreaterThan} or {@code LessThan}
 * @param direction {@code Increase} or {@code Decrease}
 * @param step      instances added or removed ({@code scaleAction.value}, a string in Azure)
 * @param cooldown, timeGrain, timeWindow ISO-8601 durations such as {@code PT10M}
 */
public record CpuRulePlan(
        String metricName,
        String metricNamespace,
        String statistic,
        String timeAggregation,
        String operator,
        double threshold,
        String timeGrain,
        String timeWindow,
        String direction,
        String scaleType,
        int step,
        String cooldown) {

    public static final String METRIC_NAME = "Percentage CPU";
    public static final String METRIC_NAMESPACE = "microsoft.compute/virtualmachinescalesets";

    public boolean scalesOut() {
        return "Increase".equals(direction);
    }
}
