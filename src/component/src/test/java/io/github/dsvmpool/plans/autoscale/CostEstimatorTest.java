package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.OperatingSystem;

import io.github.dsvmpool.plans.ListPrices;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CostEstimatorTest {

    @Test
    void weekdayPoolAgainstAlwaysOn() {
        // Mon-Fri 08-18 (50 h) at 2..6 VMs, off-hours (118 h) at 0; pool of 6; 0.10 per VM hour.
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [{'name': 'weekdays', 'startHour': 8, 'endHour': 18,"
                + " 'minimum': 2, 'maximum': 6}]}", 6);

        CostEstimate estimate = CostEstimator.estimate(ProfilePlanner.plan(settings), 0.10, 100, 0.06, 6);

        assertThat(estimate.profiles()).extracting(ProfileCost::profileName, ProfileCost::hoursPerWeek,
                        ProfileCost::floorInstanceHoursPerWeek, ProfileCost::ceilingInstanceHoursPerWeek)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("working-weekdays", 50, 100L, 300L),
                        org.assertj.core.groups.Tuple.tuple("off-hours-1800", 118, 0L, 0L));
        double weeksPerMonth = 365.25 / 12 / 7;
        assertThat(CostEstimator.WEEKS_PER_MONTH).isCloseTo(4.348214, within(1e-6));
        assertThat(estimate.monthlyComputeFloor()).isCloseTo(100 * weeksPerMonth * 0.10, within(1e-9));
        assertThat(estimate.monthlyComputeCeiling()).isCloseTo(300 * weeksPerMonth * 0.10, within(1e-9));
        assertThat(estimate.monthlyAlwaysOnCompute()).isCloseTo(168 * 6 * weeksPerMonth * 0.10, within(1e-9));
        assertThat(estimate.monthlyShare()).isCloseTo(6.0, within(1e-9));
        assertThat(estimate.savingPercentAtCeiling()).isCloseTo(100.0 * (1008 - 300) / 1008, within(1e-9));
        assertThat(estimate.savingPercentAtFloor()).isCloseTo(100.0 * (1008 - 100) / 1008, within(1e-9));
        assertThat(estimate.monthlyTotalFloor()).isCloseTo(estimate.monthlyComputeFloor() + 6.0, within(1e-9));
    }

    @Test
    void zeroPoolHasNoSavingAndNoDivisionByZero() {
        CostEstimate estimate = CostEstimator.estimate(new WeeklyHours(java.util.List.of()), 0.1, 0, 0.06, 0);

        assertThat(estimate.savingPercentAtFloor()).isZero();
        assertThat(estimate.monthlyAlwaysOnCompute()).isZero();
    }

    @Test
    void rejectsNegativeOrNonFinitePrices() {
        WeeklyHours none = new WeeklyHours(java.util.List.of());
        assertThatThrownBy(() -> CostEstimator.estimate(none, -0.1, 0, 0.06, 1)).hasMessageContaining("pricePerVmHour");
        assertThatThrownBy(() -> CostEstimator.estimate(none, Double.NaN, 0, 0.06, 1)).hasMessageContaining("pricePerVmHour");
        assertThatThrownBy(() -> CostEstimator.estimate(none, 0.1, -1, 0.06, 1)).hasMessageContaining("shareQuotaGiB");
    }

    @Test
    void windowsPricesAddTheLicencePerVcpuAndMatchBothPublicSamples() {
        assertThat(ListPrices.vmPerHour("Standard_D4s_v3", OperatingSystem.LINUX)).contains(0.192);
        // The two Retail Prices API samples the licence rate comes from and is checked against.
        assertThat(ListPrices.vmPerHour("Standard_D2s_v3", OperatingSystem.WINDOWS).orElseThrow())
                .isCloseTo(0.188, within(1e-9));
        assertThat(ListPrices.vmPerHour("Standard_D4s_v3", OperatingSystem.WINDOWS).orElseThrow())
                .isCloseTo(0.38, within(0.005));
        // Per vCPU: the 8-vCPU size adds four times what the 2-vCPU one does.
        double d8 = ListPrices.vmPerHour("Standard_D8s_v3", OperatingSystem.WINDOWS).orElseThrow()
                - ListPrices.vmPerHour("Standard_D8s_v3", OperatingSystem.LINUX).orElseThrow();
        assertThat(d8).isCloseTo(8 * ListPrices.WINDOWS_LICENCE_PER_VCPU_HOUR, within(1e-9)).isCloseTo(0.368, within(1e-9));
    }

    @Test
    void listPricesAreDatedAndMarkedApproximate() {
        assertThat(ListPrices.vmPerHour("Standard_D2s_v3")).contains(0.096);
        assertThat(ListPrices.vmPerHour()).containsKeys("Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3",
                "Standard_NC4as_T4_v3");
        assertThat(ListPrices.vmPerHour("Standard_B1s")).isEmpty();
        assertThat(ListPrices.vmPerHour("Standard_B1s", OperatingSystem.WINDOWS)).isEmpty();
        assertThat(ListPrices.APPROXIMATE).isTrue();
        assertThat(ListPrices.SOURCE).contains(ListPrices.REGION).contains(ListPrices.LOOKED_UP.toString()).contains("approximate");
    }

    @Test
    void formatterPrintsAReadableTable() {
        AutoscaleSettings settings = Schedules.valid("{'workingHours': [{'name': 'weekdays', 'startHour': 8, 'endHour': 18,"
                + " 'minimum': 2, 'maximum': 6}]}", 6);
        CostEstimate estimate = CostEstimator.estimate(ProfilePlanner.plan(settings), 0.192, 1024, 0.06, 6);

        String report = CostReportFormatter.format(estimate, "USD");

        assertThat(report)
                .contains("working-weekdays")
                .contains("off-hours-1800")
                .contains("2/2/6")
                .contains("365.25 / 12 / 7")
                .contains("Always on (6 VMs, 24x7)")
                .contains("841.54 USD")   // 168 x 6 x 4.3482 x 0.192
                .contains("Prices: 0.192 USD per VM hour, 0.06 USD per GiB-month")
                .contains("61.44 USD")    // 1024 GiB x 0.06
                .contains("(70.2%)");     // (1008 - 300) / 1008 at the ceiling
        assertThat(report.lines()).allMatch(line -> line.length() <= 100);
    }
}
