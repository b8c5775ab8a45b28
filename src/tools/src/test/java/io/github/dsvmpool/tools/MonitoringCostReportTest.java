package io.github.dsvmpool.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.plans.MonitoringPlan;
import io.github.dsvmpool.plans.ListPrices;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cost report counts monitoring when it is on (prod) and says nothing of it when off (dev). */
class MonitoringCostReportTest {

    @Test
    void prodShowsLogsAndAlertRulesAtTheListPrices() {
        var result = CostReportTest.run("prod");
        assertThat(result.exitCode()).isZero();
        // Four log alert rules (mount, autoscale, hub health, Key Vault); the repairs alert is an activity log alert (free).
        assertThat(result.out()).contains(String.format(Locale.ROOT, "4 log alert rules at %s USD a month",
                java.math.BigDecimal.valueOf(ListPrices.LOG_ALERT_RULE_PER_MONTH).stripTrailingZeros().toPlainString()))
                .contains("Monitoring per month, at the floor").contains("Monitoring per month, at the ceiling");
        var floor = Pattern.compile("Monitoring per month, at the floor\\s+([0-9,.]+) USD").matcher(result.out());
        assertThat(floor.find()).isTrue();
        // The floor is the fixed part and the floor's VM hours at the assumed MB per VM hour, plus the rules.
        var gigabytes = Pattern.compile("logs ([0-9.]+)-([0-9.]+) GB a month").matcher(result.out());
        assertThat(gigabytes.find()).isTrue();
        double expected = Double.parseDouble(gigabytes.group(1)) * ListPrices.LOG_ANALYTICS_PER_GB
                + 4 * ListPrices.LOG_ALERT_RULE_PER_MONTH;
        assertThat(Double.parseDouble(floor.group(1).replace(",", ""))).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(0.02));
        assertThat(Double.parseDouble(gigabytes.group(2))).isGreaterThan(Double.parseDouble(gigabytes.group(1)))
                .isGreaterThan(MonitoringPlan.gigabytesPerMonth(0));
    }

    @Test
    void aMonitoredWindowsPoolCountsTheWindowsEstimateAndNoHubAlert(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dir) throws Exception {
        // The windows example stack with monitoring on (it is off there, as outside production).
        String windows = java.nio.file.Files.readString(java.nio.file.Path.of("Pulumi.windows.yaml"));
        java.nio.file.Files.writeString(dir.resolve("Pulumi.watched.yaml"), windows + "  dsvm-pool:monitoring: \"true\"\n");
        var result = CostReportTest.run("watched", "--dir", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // Mount and autoscale alerts; no hub alert (no JupyterHub on Windows), no vault alert (outside production
        // the key travels in the protected settings).
        assertThat(result.out()).contains(String.format(Locale.ROOT, "2 log alert rules at %s USD a month",
                java.math.BigDecimal.valueOf(ListPrices.LOG_ALERT_RULE_PER_MONTH).stripTrailingZeros().toPlainString()))
                .contains("Windows: events and counters estimated at 0.24 MB per VM-hour");
        // The floor's logs are the floor's VM hours at the Windows estimate (0.24 MB, not Linux's 0.32) plus the fixed part.
        var hours = Pattern.compile("\ntotal\\s+\\d+\\s+(\\d+)").matcher(result.out());
        var gigabytes = Pattern.compile("logs ([0-9.]+)-([0-9.]+) GB a month").matcher(result.out());
        assertThat(hours.find() && gigabytes.find()).isTrue();
        double expected = (Double.parseDouble(hours.group(1)) * io.github.dsvmpool.plans.autoscale.CostEstimator
                .WEEKS_PER_MONTH * 0.24 + MonitoringPlan.ESTIMATED_MB_PER_DAY_FIXED * 365.25 / 12) / 1024;
        assertThat(Double.parseDouble(gigabytes.group(1))).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void devWithoutMonitoringSaysNothingOfIt() {
        assertThat(CostReportTest.run("dev").out()).doesNotContain("Monitoring");
    }
}
