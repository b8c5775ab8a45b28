package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.ImageReference;
import io.github.dsvmpool.config.OperatingSystem;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Windows pool's settings: Windows's rules named by their settings, and what only Linux has refused. */
class WindowsPoolValidatorTest {
    static PoolSettings.Builder windows() {
        return PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"))
                .operatingSystem(OperatingSystem.WINDOWS);
    }

    static List<Problem> problems(PoolSettings.Builder builder) {
        return PoolSettingsValidator.problems(builder.build());
    }

    @Test
    void theDefaultWindowsPoolIsValidAndRunsTheWindowsDsvm() {
        assertThat(problems(windows())).isEmpty();
        assertThat(windows().build().scaleSet().image()).isEqualTo(ImageReference.WINDOWS_DSVM);
        assertThat(PoolSettings.builder().build().scaleSet().image()).isEqualTo(ImageReference.UBUNTU_DSVM);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("computerNamePrefix", (UnaryOperator<PoolSettings.Builder>) b -> b.computerNamePrefix("dsvmwindows")),
                Arguments.of("adminUsername", (UnaryOperator<PoolSettings.Builder>) b -> b.adminUsername("Administrator")),
                Arguments.of("adminUsername", (UnaryOperator<PoolSettings.Builder>) b -> b.adminUsername("team[lead]")),
                Arguments.of("adminUsername", (UnaryOperator<PoolSettings.Builder>) b -> b.computerNamePrefix("win")
                        .adminUsername("win00001a")),
                Arguments.of("rdpNatFirstPort", (UnaryOperator<PoolSettings.Builder>) b -> b.rdpNatFirstPort(3000)),
                Arguments.of("rdpNatFirstPort", (UnaryOperator<PoolSettings.Builder>) b -> b.rdpNatFirstPort(65000)),
                Arguments.of("shareDriveLetter", (UnaryOperator<PoolSettings.Builder>) b -> b.shareDriveLetter("C")),
                Arguments.of("shareDriveLetter", (UnaryOperator<PoolSettings.Builder>) b -> b.shareDriveLetter("z")),
                Arguments.of("sshPasswordLogin", (UnaryOperator<PoolSettings.Builder>) b -> b.sshPasswordLogin(true)),
                Arguments.of("shareProtocol", (UnaryOperator<PoolSettings.Builder>) b -> b.shareProtocol(ShareProtocol.NFS)
                        .storageSku("Premium_LRS")),
                Arguments.of("sessions.timeZone", (UnaryOperator<PoolSettings.Builder>) b -> b.sessionProtection(true)
                        .sessions(new io.github.dsvmpool.config.SessionSettings(30, 20, 20, 6,
                                java.util.Optional.of("America/Argentina/Salta"), 10))),
                Arguments.of("imageId", (UnaryOperator<PoolSettings.Builder>) b -> b.imageSku("winserver-2025")
                        .imageId("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/images/providers/"
                                + "Microsoft.Compute/galleries/team/images/dsvm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachWindowsRuleIsNamedWithItsSetting(String setting, UnaryOperator<PoolSettings.Builder> change) {
        assertThat(problems(change.apply(windows()))).extracting(Problem::setting).containsExactly(setting);
    }

    @Test
    void productionTurnsOnSessionProtectionAndMonitoringAndBothAreAccepted() {
        var production = windows().production(true).zones(List.of());
        assertThat(problems(production)).isEmpty();
        assertThat(production.build().sessionProtectionEnabled()).isTrue();
        assertThat(problems(windows().monitoring(true))).isEmpty();
    }

    @Test
    void sessionProtectionTakesAWindowsIdOrATranslatableIanaName() {
        for (String zone : List.of("W. Europe Standard Time", "Europe/Berlin", "UTC")) {
            assertThat(problems(windows().sessionProtection(true).sessions(new io.github.dsvmpool.config.SessionSettings(
                    30, 20, 20, 6, java.util.Optional.of(zone), 10)))).as(zone).isEmpty();
        }
    }

    @Test
    void windowsNamesFollowWindowsRulesNotLinuxOnes() {
        // Capitals are fine on Windows (JupyterHub's lowercase rule is Linux's), and so is the image default.
        assertThat(problems(windows().adminUsername("PoolAdmin").computerNamePrefix("DsvmWin"))).isEmpty();
        assertThat(PoolSettingsValidator.problems(PoolSettings.builder().location("westeurope")
                .allowedSourceRanges(List.of("198.51.100.0/24")).adminUsername("PoolAdmin").build()))
                .extracting(Problem::setting).containsExactly("adminUsername");
        // The Linux pool ignores the Windows settings.
        assertThat(PoolSettingsValidator.problems(PoolSettings.builder().location("westeurope")
                .allowedSourceRanges(List.of("198.51.100.0/24")).rdpNatFirstPort(3000).shareDriveLetter("C").build()))
                .isEmpty();
    }

    @Test
    void theEntryAddressCountsTheOneRdpRangeOfAWindowsPool() {
        // 50 VMs x 1,024 ports: beyond the Linux entry's 47,184 (two ranges and two rules in 8-port blocks), within
        // the Windows entry's 64,000 - 8 x (1,050 + 1) = 55,592.
        assertThat(OutboundPlan.forPool(windows().maxInstanceCount(50).build()).sharesEntryFrontend()).isTrue();
        assertThat(OutboundPlan.forPool(windows().operatingSystem(OperatingSystem.LINUX).maxInstanceCount(50).build())
                .sharesEntryFrontend()).isFalse();
    }

    @Test
    void passwordsAndKeysOfAWindowsPoolAreCheckedByWindowsRulesWithoutShowingThePassword() {
        var problems = new Problems();
        String password = "Has-dsadmin-inside-9";
        assertThat(WindowsPoolValidator.checkCredentials(windows().build(), "adminPassword", Optional.of(password),
                "sshPublicKeys", List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host"), problems)).isTrue();
        assertThat(problems.list()).extracting(Problem::setting).containsExactlyInAnyOrder("adminPassword", "sshPublicKeys");
        assertThat(problems.list()).allSatisfy(problem -> assertThat(problem.toString()).doesNotContain(password));
        // A 100-character password Linux would refuse (72 at most) is fine for Windows.
        var windowsOnly = new Problems();
        WindowsPoolValidator.checkCredentials(windows().build(), "adminPassword",
                Optional.of("Aa1-" + "x".repeat(96)), "sshPublicKeys", List.of(), windowsOnly);
        assertThat(windowsOnly.list()).isEmpty();
        assertThat(WindowsPoolValidator.checkCredentials(PoolSettings.builder().build(), "adminPassword",
                Optional.of("short"), "sshPublicKeys", List.of(), new Problems())).isFalse();
    }
}
