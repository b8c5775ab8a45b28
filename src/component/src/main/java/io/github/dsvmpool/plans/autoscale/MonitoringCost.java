package io.github.dsvmpool.plans.autoscale;

/**
 * What monitoring adds per month: the logs the VMs send (an estimate per VM hour, so floor and ceiling follow the
 * schedule) at a price per GB, and the log alert rules at a price per rule.
 *
 * @param gigabytesFloor   GB a month with every profile at its minimum
 * @param gigabytesCeiling GB a month with every profile at its maximum
 * @param pricePerGigabyte price per GB ingested
 * @param alertRules       log alert rules billed monthly
 * @param pricePerRule     price per rule and month
 */
public record MonitoringCost(double gigabytesFloor, double gigabytesCeiling, double pricePerGigabyte,
                             int alertRules, double pricePerRule) {

    public double alerts() {
        return alertRules * pricePerRule;
    }

    public double monthlyFloor() {
        return gigabytesFloor * pricePerGigabyte + alerts();
    }

    public double monthlyCeiling() {
        return gigabytesCeiling * pricePerGigabyte + alerts();
    }
}
