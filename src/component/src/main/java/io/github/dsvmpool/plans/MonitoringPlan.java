package io.github.dsvmpool.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What watches the pool and whom it tells, decided from the settings. Pure: the component only wires
 * ({@code pool.PoolMonitoring}); docs/operations.md, "What is watched and who is told", explains each piece.
 *
 * @param enabled             whether anything of this is declared
 * @param existingWorkspaceId an existing Log Analytics workspace; empty: the pool creates one
 * @param retentionDays       the created workspace's retention (30-730)
 * @param emails              who the alerts e-mail (the autoscale notification addresses); empty: no action group
 * @param repairs             automatic repairs are on, so their suspension can be watched
 * @param keyVault            the pool has a Key Vault, so its audit logs and denials can be watched
 * @param windows             a Windows pool: the Windows agent, event logs instead of syslog ({@link WindowsMonitoring})
 */
public record MonitoringPlan(boolean enabled, Optional<String> existingWorkspaceId, int retentionDays,
                             List<String> emails, boolean repairs, boolean keyVault, boolean windows) {
    /**
     * What watches the pool and whom it tells: alerts e-mail the autoscale notification addresses.
     *
     * @param settings the pool's settings
     * @return the plan (disabled when {@code monitoring} is off)
     */
    public static MonitoringPlan of(io.github.dsvmpool.config.PoolSettings settings) {
        var monitoring = settings.monitoring();
        return new MonitoringPlan(monitoring.enabled(settings.production()), monitoring.workspaceId(),
                monitoring.retentionDays().orElse(io.github.dsvmpool.config.MonitoringSettings.DEFAULT_RETENTION_DAYS),
                settings.autoscale().map(schedule -> schedule.notifications().emails()).orElse(List.of()),
                HealthPlan.of(settings).repairs(), KeyVaultPlan.holdsTheKey(settings),
                settings.operatingSystem().windows());
    }

    /** Pay per GB ingested (Learn "Azure Monitor Logs pricing details"; REST spec workspaces WorkspaceSkuNameEnum). */
    public static final String WORKSPACE_SKU = "PerGB2018";

    // The Azure Monitor Agent (Learn "Azure Monitor Agent requirements": publisher, type; "Azure Monitor Agent
    // extension versions": 1.29 is the newest Linux minor in the dated table read; the platform upgrades it).
    public static final String AGENT_EXTENSION_NAME = "monitor-agent";
    public static final String AGENT_PUBLISHER = "Microsoft.Azure.Monitor";
    public static final String AGENT_TYPE = "AzureMonitorLinuxAgent";
    public static final String AGENT_VERSION = "1.29";

    /** The agent's type: the Linux or the Windows handler. */
    public String agentType() {
        return windows ? WindowsMonitoring.AGENT_TYPE : AGENT_TYPE;
    }

    /** The agent's major.minor version. */
    public String agentVersion() {
        return windows ? WindowsMonitoring.AGENT_VERSION : AGENT_VERSION;
    }

    /** The data collection rule's kind. */
    public String ruleKind() {
        return windows ? WindowsMonitoring.RULE_KIND : RULE_KIND;
    }

    /** The performance counters, by the operating system's names. */
    public List<String> counters() {
        return windows ? WindowsMonitoring.COUNTERS : COUNTERS;
    }

    /** The streams of the one data flow: syslog or Windows events, and the counters. */
    public List<String> streams() {
        return List.of(windows ? WindowsMonitoring.EVENT_STREAM : SYSLOG_STREAM, PERF_STREAM);
    }

    /** The Windows event log queries ({@code LogName!XPath}); none on Linux. */
    public List<String> eventLogQueries() {
        return windows ? WindowsMonitoring.X_PATH_QUERIES : List.of();
    }

    /** The data collection rule's one destination (its name is referenced by the data flow). */
    public static final String DESTINATION = "workspace";
    public static final String SYSLOG_STREAM = "Microsoft-Syslog";
    public static final String PERF_STREAM = "Microsoft-Perf";
    /** Data collection rules for Linux machines (REST spec dataCollectionRules KnownDataCollectionRuleResourceKind). */
    public static final String RULE_KIND = "Linux";

    /**
     * The provisioning script's tag in syslog: a copy of its stderr (warnings and errors, each
     * {@code [dsvm-mount] ERROR: ...}) goes to {@code logger -t} this tag (vm/SyslogForwarding), facility user.
     */
    public static final String SCRIPT_TAG = io.github.dsvmpool.vm.SyslogForwarding.TAG;
    /** Failed probes (one a minute) in the alert's 15-minute window that make a VM's hub "unhealthy for a while". */
    public static final int UNHEALTHY_FAILURES = 10;
    public static final String SCRIPT_FACILITY = io.github.dsvmpool.vm.SyslogForwarding.FACILITY;

    /** Every 60 s (Learn "Collect performance counters with Azure Monitor Agent": 1-1800 s). */
    public static final int SAMPLING_SECONDS = 60;
    /** CPU, memory, disk and network, with the Linux object names of Learn "Collect performance counters ...". */
    public static final List<String> COUNTERS = List.of(
            "\\Processor(*)\\% Processor Time",
            "\\Memory(*)\\% Used Memory",
            "\\Memory(*)\\Available MBytes Memory",
            "\\Logical Disk(*)\\% Used Space",
            "\\Logical Disk(*)\\Disk Transfers/sec",
            "\\Network(*)\\Total Bytes Transmitted",
            "\\Network(*)\\Total Bytes Received");

    /**
     * Syslog sources (facility names and levels as the REST spec's KnownSyslogDataSource enums spell them): sign-ins
     * (auth, authpriv) from Info on, to see who used a VM; the system, the kernel (CIFS errors of the share) and the
     * provisioning script (user) from Warning on, to keep the volume small.
     */
    public List<SyslogSource> syslogSources() {
        if (windows) {
            return List.of();
        }
        return List.of(
                new SyslogSource("sign-ins", List.of("auth", "authpriv"),
                        List.of("Info", "Notice", "Warning", "Error", "Critical", "Alert", "Emergency")),
                new SyslogSource("system", List.of("daemon", "kern", "syslog", SCRIPT_FACILITY),
                        List.of("Warning", "Error", "Critical", "Alert", "Emergency")));
    }

    /** One syslog data source of the data collection rule. */
    public record SyslogSource(String name, List<String> facilities, List<String> levels) {
        public SyslogSource {
            facilities = List.copyOf(facilities);
            levels = List.copyOf(levels);
        }
    }

    /** Learn "Create or edit an action group": short name at most 12 characters (REST spec ActionGroup maxLength). */
    public static final int SHORT_NAME_MAX = 12;
    /** Action groups and activity log alerts are global resources (REST specs: location "Global"). */
    public static final String GLOBAL = "Global";

    /** The category group that holds a vault's AuditEvent logs (Learn "Monitor Azure Key Vault" diagnostic settings). */
    public static final String AUDIT_CATEGORY_GROUP = "audit";
    /** The autoscale setting's log of scale actions (Learn "AutoscaleScaleActionsLog" table, category). */
    public static final String AUTOSCALE_CATEGORY = "AutoscaleScaleActions";

    /**
     * Learn "Use Azure Alert Rules to monitor changes in Automatic Instance Repairs ServiceState": the signal
     * "Sets the state of an orchestration service in a Virtual Machine Scale set", raised when repairs are suspended
     * because VMs stay unhealthy after repeated repairs.
     */
    public static final String ORCHESTRATION_STATE_OPERATION =
            "Microsoft.Compute/virtualMachineScaleSets/setOrchestrationServiceState/action";

    /** The action group's short name (shown in e-mails): the pool's name, cut to 12 characters. */
    public static String shortName(String poolName) {
        return poolName.length() <= SHORT_NAME_MAX ? poolName : poolName.substring(0, SHORT_NAME_MAX);
    }

    /** Whether the pool declares its own workspace. */
    public boolean createsWorkspace() {
        return enabled && existingWorkspaceId.isEmpty();
    }

    /** Whether there is an action group (someone to e-mail). */
    public boolean tellsSomeone() {
        return enabled && !emails.isEmpty();
    }

    /**
     * The log alerts over the workspace. Severities 0-4 and the frequency/window shapes follow the REST spec of
     * scheduledQueryRules (2023-03-15-preview); each query is a documented one (source on each).
     */
    public List<LogAlert> logAlerts() {
        List<LogAlert> alerts = new ArrayList<>();
        if (windows) {
            alerts.add(WindowsMonitoring.mountFailed());
            alerts.add(autoscaleFailed());
        } else {
            linuxAlerts(alerts);
        }
        if (keyVault) {
            // Learn "Monitor Azure Key Vault" sample queries (AzureDiagnostics, ResourceProvider MICROSOFT.KEYVAULT,
            // httpStatusCode_d): 403 is an access the vault refused.
            alerts.add(new LogAlert("key-vault-denied", "Key Vault refused an access",
                    "The pool's Key Vault answered 403 Forbidden (a caller without the role, or the VMs' role gone).",
                    2, "AzureDiagnostics | where ResourceProvider == \"MICROSOFT.KEYVAULT\" and httpStatusCode_d == 403",
                    "PT15M", "PT15M"));
        }
        return alerts;
    }

    // Learn "Queries for the AutoscaleScaleActionsLog table": "Autoscale failed operations" (ResultType Failed):
    // a scale action that failed leaves the pool below what its profile asks, e.g. under the minimum.
    private static LogAlert autoscaleFailed() {
        return new LogAlert("autoscale-failed", "Autoscale could not scale the pool",
                "A scale action failed (quota, capacity or Spot eviction): the pool may be below its minimum.", 1,
                "AutoscaleScaleActionsLog | where ResultType == \"Failed\"", "PT15M", "PT15M");
    }

    /** Mount failed (syslog), autoscale failed and hub unhealthy, in that order. */
    private static void linuxAlerts(List<LogAlert> alerts) {
        // The provisioning script's fatal line ([dsvm-mount] ERROR: ... (exit N)) and the kernel's CIFS errors
        // (share unreachable later, at access time: "CIFS: VFS: ..." lines of the cifs module, facility kern).
        alerts.add(new LogAlert("mount-failed", "Share mount failed on a VM",
                "The provisioning script could not mount the share, or the kernel reports CIFS errors.", 1,
                "Syslog | where (ProcessName == \"" + SCRIPT_TAG + "\" and SyslogMessage has \"[dsvm-mount] ERROR\")"
                        + " or (Facility == \"kern\" and SyslogMessage has \"CIFS: VFS:\" and SeverityLevel in"
                        + " (\"err\", \"crit\", \"alert\", \"emerg\"))",
                "PT15M", "PT15M"));
        alerts.add(autoscaleFailed());
        // The VMs' own probe of the hub (vm/HubHealthLogger: the health extension's protocol, port and path, every
        // minute, failures to syslog once the hub has answered or the grace period is over): 10 failures in the last
        // 15 minutes on one VM is a hub that has been down for a while. The extension's own state has no metric or log
        // an alert can read (Learn "Using Application Health extension": the state is in the instance view).
        alerts.add(new LogAlert("hub-unhealthy", "JupyterHub unhealthy on a VM",
                "JupyterHub on a VM has failed its health probe for about 10 of the last 15 minutes.", 1,
                "Syslog | where ProcessName == \"" + io.github.dsvmpool.vm.HubHealthLogger.TAG
                        + "\" and SeverityLevel == \"err\" | summarize failures = count() by Computer"
                        + " | where failures >= " + UNHEALTHY_FAILURES,
                "PT5M", "PT15M"));
    }

    /**
     * One log alert rule.
     *
     * @param suffix      the logical name's suffix
     * @param displayName what the e-mail's subject says
     * @param description what it means
     * @param severity    0 (critical) to 4 (verbose)
     * @param query       the KQL query; the alert fires when it returns a row
     * @param frequency   how often it runs (ISO 8601)
     * @param window      the time it looks back (ISO 8601)
     */
    public record LogAlert(String suffix, String displayName, String description, int severity, String query,
                           String frequency, String window) {
    }

    // ---- cost ------------------------------------------------------------------------------------------------

    /**
     * An ESTIMATE of what one VM sends per hour, in MB: the counters above (about 20 series with per-CPU, per-disk
     * and per-NIC instances on a small VM) x 60 samples x about 0.2 KB a record = 0.24 MB; the agent's Heartbeat
     * (one a minute, about 0.5 KB) = 0.03 MB; syslog at the levels above, assumed 100 lines an hour x 0.5 KB =
     * 0.05 MB. Measure with {@code Usage} in the workspace and adjust; nothing here is a quote.
     */
    public static final double ESTIMATED_MB_PER_VM_HOUR = 0.24 + 0.03 + 0.05;
    /** Key Vault audit and autoscale logs: a few thousand small records a day; 10 MB a day assumed. */
    public static final double ESTIMATED_MB_PER_DAY_FIXED = 10;

    /** Ingestion in GB a month for so many Linux VM hours a month (an estimate, see the constants). */
    public static double gigabytesPerMonth(double vmHoursPerMonth) {
        return gigabytesPerMonth(vmHoursPerMonth, ESTIMATED_MB_PER_VM_HOUR);
    }

    /** The estimated MB one VM of this pool sends per hour: the Linux or the Windows estimate. */
    public double estimatedMbPerVmHour() {
        return windows ? WindowsMonitoring.ESTIMATED_MB_PER_VM_HOUR : ESTIMATED_MB_PER_VM_HOUR;
    }

    private static double gigabytesPerMonth(double vmHoursPerMonth, double mbPerVmHour) {
        return (vmHoursPerMonth * mbPerVmHour + ESTIMATED_MB_PER_DAY_FIXED * 365.25 / 12) / 1024;
    }

    /** The log alert rules, each billed monthly (activity log alerts are free: Learn "Azure Monitor pricing"). */
    public int billedAlertRules() {
        return enabled ? logAlerts().size() : 0;
    }

    /** The agent's public settings: the pool's user-assigned identity, when there is one (by its ARM id). */
    public static Map<String, Object> agentSettings(String userAssignedIdentityId) {
        return Map.of("authentication", Map.of("managedIdentity", Map.of(
                "identifier-name", "mi_res_id", "identifier-value", userAssignedIdentityId)));
    }

    /**
     * What watching the pool costs per month: the logs of the VM-hours at the schedule's floor and ceiling
     * ({@link #estimatedMbPerVmHour}, Linux or Windows) and the billed alert rules.
     *
     * @param estimate         the schedule's VM-hours
     * @param pricePerGigabyte the workspace's ingestion price
     * @param pricePerRule     one alert rule's monthly price
     * @return the monitoring cost
     */
    public io.github.dsvmpool.plans.autoscale.MonitoringCost cost(io.github.dsvmpool.plans.autoscale.CostEstimate estimate,
            double pricePerGigabyte, double pricePerRule) {
        io.github.dsvmpool.plans.autoscale.CostEstimator.requireNonNegative("pricePerGigabyte", pricePerGigabyte);
        io.github.dsvmpool.plans.autoscale.CostEstimator.requireNonNegative("pricePerRule", pricePerRule);
        double weeksPerMonth = io.github.dsvmpool.plans.autoscale.CostEstimator.WEEKS_PER_MONTH;
        return new io.github.dsvmpool.plans.autoscale.MonitoringCost(
                gigabytesPerMonth(estimate.weeklyFloorInstanceHours() * weeksPerMonth, estimatedMbPerVmHour()),
                gigabytesPerMonth(estimate.weeklyCeilingInstanceHours() * weeksPerMonth, estimatedMbPerVmHour()),
                pricePerGigabyte, billedAlertRules(), pricePerRule);
    }
}
