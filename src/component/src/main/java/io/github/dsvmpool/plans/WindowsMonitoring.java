package io.github.dsvmpool.plans;

import io.github.dsvmpool.vm.windows.WindowsEventLog;
import java.util.List;

/**
 * What {@link MonitoringPlan} does differently on a Windows pool: the Windows agent, a data collection rule of kind
 * Windows with event logs instead of syslog and Windows counter names, the mount alert on the Event table, and its
 * own ingestion estimate. JupyterHub does not run on Windows, so there is no hub alert: the health extension probes
 * RDP and automatic repairs act on it (docs/windows.md, "Health").
 */
final class WindowsMonitoring {
    // Learn "Azure Monitor Agent requirements": type AzureMonitorWindowsAgent; "Azure Monitor Agent extension
    // versions": 1.23 is the Windows minor of the dated row whose Linux minor (1.29) the Linux agent uses; the
    // platform upgrades it (enableAutomaticUpgrade).
    static final String AGENT_TYPE = "AzureMonitorWindowsAgent";
    static final String AGENT_VERSION = "1.23";
    /** Data collection rules for Windows machines (REST spec dataCollectionRules: kind 'Linux' | 'Windows'). */
    static final String RULE_KIND = "Windows";
    /** Windows events go to the Event table (Learn "Collect Windows events with Azure Monitor Agent"). */
    static final String EVENT_STREAM = "Microsoft-Event";

    /**
     * CPU, memory, disk and network as on Linux, with Windows object and counter names (Learn "Collect performance
     * counters with Azure Monitor Agent": {@code \Object(Instance)\Counter}; Learn "Sample data collection rule -
     * agent": {@code \Processor(_Total)\% Processor Time}, {@code \Memory\...}, {@code \LogicalDisk(_Total)\...}).
     */
    static final List<String> COUNTERS = List.of(
            "\\Processor(_Total)\\% Processor Time",
            "\\Memory\\% Committed Bytes In Use",
            "\\Memory\\Available MBytes",
            "\\LogicalDisk(_Total)\\% Free Space",
            "\\LogicalDisk(_Total)\\Disk Transfers/sec",
            "\\Network Interface(*)\\Bytes Sent/sec",
            "\\Network Interface(*)\\Bytes Received/sec");

    /**
     * Learn "Collect Windows events with Azure Monitor Agent": entries {@code LogName!XPathQuery}, at most 20
     * expressions each, no {@code contains}/{@code starts-with}. Every event of the pool's own source (the mount
     * script's), and the portal's basic choice for System and Application cut to Critical (1), Error (2) and, for
     * System, Warning (3): services, disks, the SMB client and crashes, at a small volume.
     */
    static final List<String> X_PATH_QUERIES = List.of(
            WindowsEventLog.LOG + "!*[System[Provider[@Name='" + WindowsEventLog.SOURCE + "']]]",
            "System!*[System[(Level=1 or Level=2 or Level=3)]]",
            "Application!*[System[(Level=1 or Level=2)]]");

    /**
     * An ESTIMATE of what one Windows VM sends per hour, in MB: the counters above (about 9 series with two network
     * interfaces) x 60 samples x about 0.2 KB = 0.11 MB; the agent's Heartbeat = 0.03 MB; events at the levels
     * above, assumed 100 an hour x 1 KB (Event rows carry the rendered message and the event data) = 0.1 MB.
     * Measure with {@code Usage} in the workspace and adjust; nothing here is a quote.
     */
    static final double ESTIMATED_MB_PER_VM_HOUR = 0.11 + 0.03 + 0.1;

    private WindowsMonitoring() {
    }

    /** The mount script's failure event: its source and the id of {@link WindowsEventLog#MOUNT_FAILED}. */
    static MonitoringPlan.LogAlert mountFailed() {
        // The Event table's Source and EventID columns (Learn "Event" table reference).
        return new MonitoringPlan.LogAlert("mount-failed", "Share mapping failed on a VM",
                "The share mapping task could not map the share at startup or at a logon.", 1,
                "Event | where Source == \"" + WindowsEventLog.SOURCE + "\" and EventID == "
                        + WindowsEventLog.MOUNT_FAILED, "PT15M", "PT15M");
    }
}
