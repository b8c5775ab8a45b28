package io.github.dsvmpool.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the pool is watched (Azure Monitor Agent, data collection rule, alerts, the vault's audit logs) and
 * where the logs go. Empty {@code enabled} means "as {@code production}" (docs/operations.md, "What is watched and
 * who is told").
 *
 * @param enabled       {@code monitoring}; default as production
 * @param workspaceId   {@code logAnalyticsWorkspaceId}: an existing workspace's ARM id; empty: the pool creates one
 * @param retentionDays {@code logRetentionDays}: the created workspace's retention; empty: {@value #DEFAULT_RETENTION_DAYS}
 */
public record MonitoringSettings(Optional<Boolean> enabled, Optional<String> workspaceId,
                                 Optional<Integer> retentionDays) {
    /**
     * 31 days are included in the ingestion price of Analytics logs, so 30 costs nothing extra (Learn "Manage data
     * retention in a Log Analytics workspace").
     */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** Workspace-level retention of a PerGB2018 workspace: 30-730 days (Learn "Manage data retention ..."). */
    public static final int MIN_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 730;
    /**
     * An existing workspace's ARM id. The name: 4-63 letters, digits and hyphens, starting and ending with a letter
     * or digit (Learn "Create a Log Analytics workspace"); resource group names: 1-90 characters of letters, digits,
     * '.', '_', '-', '(' and ')', not ending in '.' (Learn "Naming rules and restrictions for Azure resources").
     */
    public static final Pattern WORKSPACE_ID = Pattern.compile("/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/resourceGroups/[-\\w.()]{0,89}[-\\w()]/providers/"
            + "(?i:Microsoft\\.OperationalInsights)/workspaces/[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]");

    /** Monitoring as configured, else on in production and off elsewhere. */
    public boolean enabled(boolean production) {
        return enabled.orElse(production);
    }
}
