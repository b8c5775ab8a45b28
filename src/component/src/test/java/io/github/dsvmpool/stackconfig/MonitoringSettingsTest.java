package io.github.dsvmpool.stackconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dsvmpool.config.MonitoringSettings;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code monitoring}, {@code logAnalyticsWorkspaceId}, {@code logRetentionDays}: defaults and each bad value. */
class MonitoringSettingsTest {
    static final String WORKSPACE = "/subscriptions/5ca1ab1e-0000-4000-8000-000000000001/resourceGroups/ops-rg"
            + "/providers/Microsoft.OperationalInsights/workspaces/team-logs";

    @Test
    void monitoringFollowsProductionUnlessSet() {
        assertThat(read(MapConfigSource.minimal()).monitoring().enabled(false)).isFalse();
        var production = read(MapConfigSource.minimal().with("production", "true"));
        assertThat(production.monitoring().enabled(production.production())).isTrue();
        var off = read(MapConfigSource.minimal().with("production", "true").with("monitoring", "false"));
        assertThat(off.monitoring().enabled(off.production())).isFalse();
        assertThat(read(MapConfigSource.minimal().with("monitoring", "true")).monitoring().enabled(false)).isTrue();
    }

    @Test
    void theWorkspaceAndRetentionAreRead() {
        var pool = read(MapConfigSource.minimal().with("logAnalyticsWorkspaceId", WORKSPACE));
        assertThat(pool.monitoring().workspaceId()).contains(WORKSPACE);
        assertThat(pool.monitoring().retentionDays()).isEmpty();
        assertThat(read(MapConfigSource.minimal().with("logRetentionDays", "90")).monitoring().retentionDays())
                .contains(90);
        assertThat(read(MapConfigSource.minimal().with("logRetentionDays", "730")).monitoring().retentionDays())
                .contains(730);
    }

    @Test
    void productionWithoutAnAddressIsNotRefused() {
        // Alerts then show in the portal only (PoolMonitoring warns): production stacks of before keep deploying.
        assertThat(io.github.dsvmpool.plans.PoolSettingsValidator.problems(read(MapConfigSource.minimal().with("production", "true")))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "monitoring              | sometimes | monitoring",
            "logRetentionDays        | 29        | logRetentionDays",
            "logRetentionDays        | 731       | logRetentionDays",
            "logAnalyticsWorkspaceId | team-logs | logAnalyticsWorkspaceId",
            "logAnalyticsWorkspaceId | /subscriptions/not-a-guid/resourceGroups/ops-rg/providers/Microsoft.OperationalInsights/workspaces/team-logs | logAnalyticsWorkspaceId",
            "logAnalyticsWorkspaceId | /subscriptions/5ca1ab1e-0000-4000-8000-000000000001/resourceGroups/ops-rg/providers/Microsoft.Storage/storageAccounts/teamlogs | logAnalyticsWorkspaceId",
            "logAnalyticsWorkspaceId | /subscriptions/5ca1ab1e-0000-4000-8000-000000000001/resourceGroups/ops-rg/providers/Microsoft.OperationalInsights/workspaces/abc | logAnalyticsWorkspaceId",
            "logAnalyticsWorkspaceId | /subscriptions/5ca1ab1e-0000-4000-8000-000000000001/resourceGroups/ops-rg/providers/Microsoft.OperationalInsights/workspaces/team-logs- | logAnalyticsWorkspaceId"})
    void eachBadValueIsNamed(String key, String value, String expectedSetting) {
        var error = MapConfigSource.refusedWith(key, value);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly(expectedSetting);
    }

    @Test
    void retentionIsRefusedForAnExistingWorkspace() {
        var error = catchThrowableOfType(() -> StackConfiguration.read(MapConfigSource.minimal()
                .with("logAnalyticsWorkspaceId", WORKSPACE).with("logRetentionDays", "60")),
                InvalidConfigurationException.class);
        assertThat(error.problems()).extracting(Problem::setting).containsExactly("logRetentionDays");
        assertThat(error.getMessage()).contains("existing workspace keeps its own retention");
    }

    @Test
    void theBuilderKeysAreTheConfigurationKeys() {
        var settings = PoolSettings.builder().location("westeurope").allowedSourceRanges(java.util.List.of("203.0.113.0/24"))
                .monitoring(true).logAnalyticsWorkspaceId(WORKSPACE).build();
        assertThat(settings.monitoring()).isEqualTo(new MonitoringSettings(Optional.of(true), Optional.of(WORKSPACE),
                Optional.empty()));
    }

    private static PoolSettings read(MapConfigSource source) {
        return StackConfiguration.read(source).pool();
    }
}
