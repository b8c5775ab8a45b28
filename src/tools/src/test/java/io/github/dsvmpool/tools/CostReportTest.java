package io.github.dsvmpool.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostReportTest {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CostReport.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWindowsPoolIsCountedPerUserWithTwoSessionsPerVm() {
        var windows = run("windows", "--price-per-vm-hour", "1", "--price-per-gib-month", "0", "--currency", "EUR");
        assertThat(windows.exitCode()).isZero();
        assertThat(windows.out()).contains("Windows: 2 Remote Desktop sessions per VM without RDS licensing, so 4 VMs"
                + " serve at most 8 users at once; a user-hour costs at least 0.500 EUR (1.000 EUR a VM-hour / 2).")
                .doesNotContain("built-in Windows VM price");
        // Standard_D4s_v3 on Windows at the built-in prices: 0.192 (Linux) + 4 vCPUs x 0.046 licence = 0.376.
        assertThat(run("windows").out()).contains("a user-hour costs at least 0.188 USD (0.376 USD a VM-hour / 2)")
                .contains("the built-in Windows VM price is the Linux list price plus the Windows Server licence, 0.046"
                        + " USD per vCPU-hour");
        assertThat(run("dev").out()).doesNotContain("Remote Desktop");
    }

    @Test
    void devReportShowsEachProfileTheShareAndTheSaving() {
        var result = run("dev");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Stack dev: Standard_D2s_v3, up to 4 VMs, time zone W. Europe Standard Time")
                // Mon-Fri 09-17 Berlin: 40 hours at 1..2 VMs, 128 hours at zero.
                .containsPattern("working-office\\s+40\\s+1/1/2\\s+40\\s+80")
                .containsPattern("off-hours-1700\\s+128\\s+0/0/0\\s+0\\s+0")
                .contains("Share per month (100 GiB quota)")
                .contains("Always on (4 VMs, 24x7)")
                .contains("Spot VMs")
                .contains("looked up 2026-11-23");
    }

    @Test
    void prodCountsItsFixedDatesAndWithFromTheTwelveMonths() {
        var plain = run("prod");
        assertThat(plain.exitCode()).isZero();
        // The spring course runs 8 VMs day and night for 113 h: 904 VM-hours at the floor, 110 of them in working
        // hours the week would have run anyway at 2 VMs; 0.384 x (904 - 110) = 304.90 more at the floor.
        assertThat(plain.out()).containsPattern("spring-course\\s+113\\.0\\s+8/8/20\\s+904\\.0\\s+2260\\.0\\s+\\+304\\.90")
                .containsPattern("christmas\\s+216\\.0\\s+0/0/0")
                .doesNotContain("Compute 20");
        var year = run("prod", "--from", "2026-12-02");
        assertThat(year.out()).contains("Compute 2026-12-02 to 2027-12-02, at the floor")
                .contains("with the fixed dates inside: christmas, spring-course");
        assertThat(run("prod", "--from", "next week").exitCode()).isEqualTo(2);
    }

    @Test
    void givenPricesReplaceTheListPrices() {
        var result = run("dev", "--price-per-vm-hour", "1", "--price-per-gib-month", "0", "--currency", "EUR");
        assertThat(result.exitCode()).isZero();
        // 40 VM-hours a week at the floor, 1 EUR each, 365.25/12/7 weeks a month.
        assertThat(result.out()).containsPattern("Compute per month, at the floor\\s+173\\.93 EUR")
                .containsPattern("Share per month \\(100 GiB quota\\)\\s+0\\.00 EUR")
                .contains("Prices: given on the command line");
    }

    @Test
    void prodShowsWhatSessionProtectionCanCostAtMostAndDevWithoutItDoesNot() {
        // prod: production, so protection is on; 20 VMs, each at most min(10 h, 20:00 - 06:00 = 14 h) = 10 h a day.
        var prod = run("prod", "--price-per-vm-hour", "1", "--price-per-gib-month", "0", "--currency", "EUR");
        assertThat(prod.exitCode()).isZero();
        assertThat(prod.out()).contains("at most: 20 VMs x 10 h = 200 VM-hours a day = 200.00 EUR a day, 6,088 EUR in"
                + " an average month").contains("never 20:00-06:00 Europe/Berlin");
        // at the list price of Standard_D8s_v3 (0.384 USD): 76.80 a day
        assertThat(run("prod").out()).contains("= 76.80 USD a day");
        assertThat(run("dev").out()).doesNotContain("Session protection");
    }

    @Test
    void thePlanSummaryLineCarriesTheBoundAMonthWhenProtectionIsOn() {
        var pool = io.github.dsvmpool.config.PoolSettings.builder().location("westeurope")
                .allowedSourceRanges(List.of("198.51.100.0/24")).vmSize("Standard_D8s_v3").maxInstanceCount(5)
                .sessions(io.github.dsvmpool.config.SessionSettings.defaults().withHours(18, 8).withMaxProtectedHours(12));
        // 5 VMs x min(12 h, 18:00 - 08:00 = 10 h) x 0.384 USD x 365.25 / 12 days = 584.35
        assertThat(CostReport.summaryLine(pool.sessionProtection(true).build()).orElseThrow())
                .endsWith("; session protection at most 584 USD a month more (5 VMs x 10 h a day)");
        assertThat(CostReport.summaryLine(pool.sessionProtection(false).build()).orElseThrow())
                .doesNotContain("session protection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCostPageShowsTheCurrentReport(String stack) throws Exception {
        String page = Files.readString(Path.of("docs", "costs-and-sizes.md"));
        assertThat(page).as("docs/costs-and-sizes.md shows the output of the cost report for " + stack)
                .contains(run(stack).out().strip());
    }

    // Bad usage and input: ToolsBadInputTest, with every tool's exact messages and exit codes.

    @Test
    void invalidConfigurationIsReportedWithEveryProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.broken.yaml"), """
                config:
                  dsvm-pool:location: westeurope
                  dsvm-pool:allowedSourceRanges: [203.0.113.0/24]
                  dsvm-pool:maxInstanceCount: "0"
                  dsvm-pool:vmSize: Standard_NC4as_T4_v3
                  dsvm-pool:autoscale:
                    timeZone: Mars/Olympus
                """);
        var result = run("broken", "--dir", dir.toString());
        // As for the offline plan: a configuration that fails is 1, bad usage is 2.
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("maxInstanceCount = '0'").contains("autoscale.timeZone");
    }

    @Test
    void anEncryptedPasswordInTheStackFileDoesNotMatter(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.deployed.yaml"), """
                encryptionsalt: v1:c2FsdA==:v1:abc:def
                config:
                  dsvm-pool:location: westeurope
                  dsvm-pool:allowedSourceRanges: [203.0.113.0/24]
                  dsvm-pool:adminPassword:
                    secure: v1:abc
                """);
        assertThat(run("deployed", "--dir", dir.toString()).exitCode()).isZero();
    }

    @Test
    void unknownVmSizeNeedsAPrice(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.gpu.yaml"), """
                config:
                  dsvm-pool:location: westeurope
                  dsvm-pool:allowedSourceRanges: [203.0.113.0/24]
                  dsvm-pool:vmSize: Standard_NC24ads_A100_v4
                """);
        assertThat(run("gpu", "--dir", dir.toString()).err()).contains("no list price for Standard_NC24ads_A100_v4");
        assertThat(run("gpu", "--dir", dir.toString(), "--price-per-vm-hour", "3.67").exitCode()).isZero();
    }
}
