package io.github.dsvmpool.vm;

/**
 * With monitoring on, the provisioning script's stderr (its warnings and errors: every line the mount script
 * prints there starts with {@code [dsvm-mount]}) also goes to syslog with {@code logger -t}
 * {@value #TAG}, facility user, level err, where the data collection rule picks it up. The
 * extension still captures the same lines (the last 4 KB in its status). Nothing secret is printed there (the mount
 * script's rule), so nothing secret reaches syslog. Off: no text at all, so the script stays byte for byte as before.
 */
public final class SyslogForwarding {
    /** The syslog tag of the provisioning script's lines; the mount alert looks for it. */
    public static final String TAG = "dsvm-provision";
    /** The facility: user (the data collection rule collects it from Warning on). */
    public static final String FACILITY = "user";

    private SyslogForwarding() {
    }

    /** The prelude line, or nothing. */
    public static String render(boolean enabled) {
        if (!enabled) {
            return "";
        }
        // The process substitutions start before the redirection, so tee writes to the original stderr too.
        return "# dsvm-pool monitoring: a copy of this script's stderr to syslog (tag " + TAG
                + ")\n"
                + "if command -v logger >/dev/null 2>&1; then\n"
                + "  exec 2> >(tee >(logger -t " + TAG + " -p " + FACILITY
                + ".err) >&2)\n"
                + "fi\n";
    }
}
