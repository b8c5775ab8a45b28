package io.github.dsvmpool.stackconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.plans.TrustedLaunchPlan;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.plans.ZonePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack keys zones and trustedLaunch: read from a stack file, defaulted, and refused with their names. */
class ZonesAndTrustedLaunchSettingsTest {
    private static final MapConfigSource PRODUCTION = MapConfigSource.minimal().with("production", "true");

    @Test
    void productionDefaultsToTheRegionsZonesAndDevToNone() {
        assertThat(ZonePlan.of(StackConfiguration.read(PRODUCTION).pool()).scaleSetZones()).containsExactly("1", "2", "3");
        assertThat(ZonePlan.of(StackConfiguration.read(MapConfigSource.minimal()).pool())).isEqualTo(ZonePlan.REGIONAL);
    }

    @Test
    void aStackFileSaysNoneOrAListInYamlOrText() {
        assertThat(ZonePlan.of(StackConfiguration.read(PRODUCTION.with("zones", "none")).pool())).isEqualTo(ZonePlan.REGIONAL);
        assertThat(ZonePlan.of(StackConfiguration.read(PRODUCTION.with("zones", "[]")).pool())).isEqualTo(ZonePlan.REGIONAL);
        assertThat(ZonePlan.of(StackConfiguration.read(MapConfigSource.minimal().with("zones", "[1, 2]")).pool())
                .scaleSetZones()).containsExactly("1", "2");
        assertThat(ZonePlan.of(StackConfiguration.read(MapConfigSource.minimal().with("zones", "[\"3\"]")).pool())
                .scaleSetZones()).containsExactly("3");
    }

    @Test
    void productionInARegionWithoutZonesIsRefusedUntilItSaysNone() {
        var refused = refused(PRODUCTION.with("location", "ukwest"));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("zones");
            assertThat(problem.allowed()).contains("region ukwest has no availability zones").startsWith("none");
        });
        assertThat(refused.getMessage()).contains("zones", "ukwest");
        assertThat(ZonePlan.of(StackConfiguration.read(PRODUCTION.with("location", "ukwest").with("zones", "none")).pool()).zonal()).isFalse();
    }

    @Test
    void badZonesAreReportedWithTheOtherProblems() {
        var refused = refused(MapConfigSource.minimal().with("zones", "[1, 4]").with("shareQuotaGiB", "0"));
        assertThat(refused.problems()).extracting(Problem::setting).containsExactlyInAnyOrder("zones", "shareQuotaGiB");
    }

    @Test
    void trustedLaunchIsOnByDefaultAndRefusedWhereItCannotBoot() {
        assertThat(TrustedLaunchPlan.of(StackConfiguration.read(MapConfigSource.minimal()).pool()))
                .isEqualTo(new TrustedLaunchPlan(true, true, true));
        assertThat(TrustedLaunchPlan.of(StackConfiguration.read(MapConfigSource.minimal().with("trustedLaunch", "false")).pool())).isEqualTo(TrustedLaunchPlan.OFF);
        var gen1 = refused(MapConfigSource.minimal().with("imageSku", "2204").with("vmSize", "Standard_D2s_v3"));
        assertThat(gen1.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("trustedLaunch");
            assertThat(problem.allowed()).contains("Generation 1", "false");
        });
        assertThat(refused(MapConfigSource.minimal().with("trustedLaunch", "maybe")).problems())
                .extracting(Problem::setting).containsExactly("trustedLaunch");
    }

    @Test
    void theBuilderTakesBothSettings() {
        var settings = PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("203.0.113.0/24"))
                .zones(List.of("2")).trustedLaunch(false).build();
        assertThat(io.github.dsvmpool.plans.PoolSettingsValidator.problems(settings)).isEmpty();
        assertThat(ZonePlan.of(settings).scaleSetZones()).containsExactly("2");
        assertThat(TrustedLaunchPlan.of(settings).enabled()).isFalse();
    }

    private static InvalidConfigurationException refused(MapConfigSource source) {
        var error = catchThrowableOfType(() -> StackConfiguration.read(source), InvalidConfigurationException.class);
        assertThat(error).as("must be refused").isNotNull();
        return error;
    }
}
