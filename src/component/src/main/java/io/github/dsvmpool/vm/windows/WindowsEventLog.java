package io.github.dsvmpool.vm.windows;

/**
 * The pool's own events in a Windows VM's event log: {@code provision.ps1} registers the source once,
 * {@code mount-share.ps1} writes {@value #MOUNT_FAILED} (Error) when it cannot map the share and {@value #MOUNTED}
 * (Information) when it maps it, and {@code provision.ps1} writes {@value #IMDS_RULE_TAKEN_BACK} (Warning) when it
 * had to take back the firewall rule that keeps ordinary users from IMDS. The scripts carry placeholders that
 * {@link #render} fills from these constants, and the monitoring's mount alert and data collection rule read the same
 * constants, so one place decides the ids.
 * Learn "Write-EventLog" (Windows PowerShell 5.1): the log must exist and the source be registered for it
 * ({@code New-EventLog}); Learn "EventLog.WriteEntry": event ids 0-65535.
 */
public final class WindowsEventLog {
    /** A classic log the Azure Monitor Agent reads (Learn "Collect Windows events": System, Application...). */
    public static final String LOG = "Application";
    /** The event source, the events' {@code Provider/@Name} in XPath and {@code Source} in the Event table. */
    public static final String SOURCE = "dsvm-pool";
    /** The share is mapped (Information). */
    public static final int MOUNTED = 1000;
    /** The share could not be mapped (Error): the mount alert fires on it. */
    public static final int MOUNT_FAILED = 1001;
    /** The rule blocking IMDS for ordinary users was refused, or blocked SYSTEM too, and is gone (Warning). */
    public static final int IMDS_RULE_TAKEN_BACK = 1002;

    static final String LOG_PLACEHOLDER = "@EVENT_LOG@";
    static final String SOURCE_PLACEHOLDER = "@EVENT_SOURCE@";
    static final String MOUNTED_PLACEHOLDER = "@MOUNTED_EVENT_ID@";
    static final String MOUNT_FAILED_PLACEHOLDER = "@MOUNT_FAILED_EVENT_ID@";
    static final String IMDS_RULE_TAKEN_BACK_PLACEHOLDER = "@IMDS_RULE_TAKEN_BACK_EVENT_ID@";

    private WindowsEventLog() {
    }

    /** The script with the log, source and ids in place of their placeholders (each inside single quotes). */
    static String render(String script) {
        return script.replace(LOG_PLACEHOLDER, LOG).replace(SOURCE_PLACEHOLDER, SOURCE)
                .replace(MOUNTED_PLACEHOLDER, Integer.toString(MOUNTED))
                .replace(MOUNT_FAILED_PLACEHOLDER, Integer.toString(MOUNT_FAILED))
                .replace(IMDS_RULE_TAKEN_BACK_PLACEHOLDER, Integer.toString(IMDS_RULE_TAKEN_BACK));
    }
}
