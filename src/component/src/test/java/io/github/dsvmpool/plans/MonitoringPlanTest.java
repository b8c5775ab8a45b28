package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.autoscale.WeekSchedule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monitoring plan from the settings: what is declared, whom it tells, what it is estimated to ingest. */
class MonitoringPlanTest {
    static PoolSettings.Builder settings() {
        return PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"));
    }

    @Test
    void followsProductionAndTakesTheAutoscaleAddresses() {
        assertThat(MonitoringPlan.of(settings().build()).enabled()).isFalse();
        var production = MonitoringPlan.of(settings().production(true).autoscale(WeekSchedule.builder()
                .workingHours("office", WeekSchedule.WEEKDAYS, 9, 17, 1, 4)
                .notifications(List.of("ops@example.org"), List.of("https://hooks.example.org/x")).build())
                .build());
        assertThat(production.enabled()).isTrue();
        assertThat(production.emails()).containsExactly("ops@example.org");
        assertThat(production.tellsSomeone()).isTrue();
        assertThat(production.repairs()).isTrue();
        assertThat(production.keyVault()).isTrue();
        assertThat(production.createsWorkspace()).isTrue();
        assertThat(production.retentionDays()).isEqualTo(30);
        assertThat(MonitoringPlan.of(settings().production(true).build()).tellsSomeone()).isFalse();
        assertThat(MonitoringPlan.of(settings().production(true).monitoring(false).build()).enabled()).isFalse();
        var existing = MonitoringPlan.of(settings().monitoring(true).logAnalyticsWorkspaceId("/subscriptions/x/resourceGroups/y"
                + "/providers/Microsoft.OperationalInsights/workspaces/logs").build());
        assertThat(existing.createsWorkspace()).isFalse();
        assertThat(existing.repairs()).isFalse();
        assertThat(existing.keyVault()).isFalse();
    }

    @Test
    void theKeyVaultAlertOnlyWithAVaultAndEveryAlertInAzuresRanges() {
        var withVault = new MonitoringPlan(true, Optional.empty(), 30, List.of(), true, true, false);
        var without = new MonitoringPlan(true, Optional.empty(), 30, List.of(), true, false, false);
        assertThat(withVault.logAlerts()).extracting(MonitoringPlan.LogAlert::suffix)
                .containsExactly("mount-failed", "autoscale-failed", "hub-unhealthy", "key-vault-denied");
        assertThat(without.logAlerts()).extracting(MonitoringPlan.LogAlert::suffix)
                .containsExactly("mount-failed", "autoscale-failed", "hub-unhealthy");
        assertThat(withVault.logAlerts()).allSatisfy(alert -> {
            assertThat(alert.severity()).isBetween(0, 4);
            assertThat(java.time.Duration.parse(alert.frequency())).isBetween(java.time.Duration.ofMinutes(1),
                    java.time.Duration.ofDays(1));
            assertThat(java.time.Duration.parse(alert.window())).isBetween(java.time.Duration.ofMinutes(1),
                    java.time.Duration.ofDays(2));
        });
        assertThat(withVault.billedAlertRules()).isEqualTo(4);
        assertThat(new MonitoringPlan(false, Optional.empty(), 30, List.of(), true, true, false).billedAlertRules()).isZero();
    }

    @Test
    void aWindowsPoolWatchesEventsWithTheWindowsAgentAndHasNoHubAlert() {
        var windows = MonitoringPlan.of(settings().operatingSystem(io.github.dsvmpool.config.OperatingSystem.WINDOWS).production(true).build());
        assertThat(windows.windows()).isTrue();
        assertThat(windows.agentType()).isEqualTo("AzureMonitorWindowsAgent");
        assertThat(windows.ruleKind()).isEqualTo("Windows");
        assertThat(windows.syslogSources()).isEmpty();
        assertThat(windows.streams()).containsExactly("Microsoft-Event", "Microsoft-Perf");
        assertThat(windows.eventLogQueries()).contains("Application!*[System[Provider[@Name='"
                + io.github.dsvmpool.vm.windows.WindowsEventLog.SOURCE + "']]]");
        assertThat(windows.counters()).noneMatch(MonitoringPlan.COUNTERS::contains);
        assertThat(windows.logAlerts()).extracting(MonitoringPlan.LogAlert::suffix)
                .containsExactly("mount-failed", "autoscale-failed", "key-vault-denied");
        assertThat(windows.logAlerts().get(0).query()).startsWith("Event | ")
                .endsWith("EventID == " + io.github.dsvmpool.vm.windows.WindowsEventLog.MOUNT_FAILED);
        // Its own ingestion estimate, not the Linux one.
        assertThat(windows.estimatedMbPerVmHour()).isEqualTo(WindowsMonitoring.ESTIMATED_MB_PER_VM_HOUR)
                .isNotEqualTo(MonitoringPlan.ESTIMATED_MB_PER_VM_HOUR);
        var linux = MonitoringPlan.of(settings().production(true).build());
        assertThat(linux.agentType()).isEqualTo(MonitoringPlan.AGENT_TYPE);
        assertThat(linux.eventLogQueries()).isEmpty();
        assertThat(linux.estimatedMbPerVmHour()).isEqualTo(MonitoringPlan.ESTIMATED_MB_PER_VM_HOUR);
    }

    @Test
    void theCostOfAWindowsPoolCountsTheWindowsEstimate() {
        var settings = settings().operatingSystem(io.github.dsvmpool.config.OperatingSystem.WINDOWS).production(true)
                .build();
        var estimate = io.github.dsvmpool.plans.autoscale.CostEstimator.estimate(
                io.github.dsvmpool.plans.autoscale.AutoscalePlan.of(settings.schedule()).profiles(), 1.0, 100, 0.06,
                settings.scaleSet().instanceCounts().maximum());
        double vmHours = estimate.weeklyCeilingInstanceHours() * io.github.dsvmpool.plans.autoscale.CostEstimator
                .WEEKS_PER_MONTH;
        assertThat(vmHours).isPositive();
        var cost = MonitoringPlan.of(settings).cost(estimate, 2.0, 1.5);
        assertThat(cost.gigabytesCeiling()).isCloseTo((vmHours * WindowsMonitoring.ESTIMATED_MB_PER_VM_HOUR
                + MonitoringPlan.ESTIMATED_MB_PER_DAY_FIXED * 365.25 / 12) / 1024, within(1e-9));
        assertThat(cost.alertRules()).isEqualTo(3);
    }

    @Test
    void theShortNameIsThePoolsNameCutToTwelve() {
        assertThat(MonitoringPlan.shortName("dsvm-prod")).isEqualTo("dsvm-prod");
        assertThat(MonitoringPlan.shortName("dsvm-prod-eu")).isEqualTo("dsvm-prod-eu");
        assertThat(MonitoringPlan.shortName("dsvm-production")).isEqualTo("dsvm-product").hasSize(12);
    }

    @Test
    void ingestionGrowsWithVmHoursOnTopOfTheFixedPart() {
        double fixed = MonitoringPlan.gigabytesPerMonth(0);
        assertThat(fixed).isCloseTo(10 * 365.25 / 12 / 1024, within(1e-9));
        assertThat(MonitoringPlan.gigabytesPerMonth(1000) - fixed)
                .isCloseTo(1000 * MonitoringPlan.ESTIMATED_MB_PER_VM_HOUR / 1024, within(1e-9));
    }

    @Test
    void theAgentNamesTheUserAssignedIdentityByItsId() {
        assertThat(MonitoringPlan.agentSettings("/subscriptions/s/resourceGroups/g/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/i")).isEqualTo(java.util.Map.of("authentication",
                java.util.Map.of("managedIdentity", java.util.Map.of("identifier-name", "mi_res_id",
                        "identifier-value", "/subscriptions/s/resourceGroups/g/providers/"
                                + "Microsoft.ManagedIdentity/userAssignedIdentities/i"))));
    }
}
