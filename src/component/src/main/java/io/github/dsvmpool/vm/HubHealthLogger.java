package io.github.dsvmpool.vm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * With monitoring on, a service on every VM that probes JupyterHub as the Application Health extension does and
 * logs each failure to syslog ({@value #TAG}, user.err) for the "hub unhealthy" alert; off, no text at all. The
 * probe's protocol, port and path are this class's, and the health extension's plan takes them from here, so the
 * two cannot disagree.
 */
public final class HubHealthLogger {
    /** The syslog tag of the probe's lines. */
    public static final String TAG = "dsvm-health";
    /** The health path JupyterHub serves (JupyterHub REST API: GET /hub/health, no authentication). */
    public static final String REQUEST_PATH = "/hub/health";
    /** HTTPS with the hub's self-signed certificate, on JupyterHub's port. */
    public static final String PROTOCOL = "https";
    static final String SCRIPT = "/io/github/dsvmpool/vm/hub-health-logger.sh";
    static final String UNIT = "/io/github/dsvmpool/vm/dsvm-hub-health.service";

    private HubHealthLogger() {
    }

    /** @return the URL the VM probes itself on */
    public static String url() {
        return PROTOCOL + "://127.0.0.1:" + PerVmPorts.JUPYTERHUB_PORT + REQUEST_PATH;
    }

    /**
     * The probe script with its URL and grace period filled in.
     *
     * @param graceMinutes minutes after boot before a failing hub counts (until it has answered once)
     * @return the script
     */
    public static String script(int graceMinutes) {
        return ShippedResources.text(SCRIPT).replace("@HEALTH_URL@", url())
                .replace("@GRACE_SECONDS@", Integer.toString(graceMinutes * 60));
    }

    /**
     * The prelude that installs and starts the service, or nothing.
     *
     * @param enabled      whether the pool is monitored
     * @param graceMinutes see {@link #script(int)}
     * @return shell code for the provisioning script
     */
    public static String render(boolean enabled, int graceMinutes) {
        if (!enabled) {
            return "";
        }
        // Written only when changed, so that a re-run of the script does not restart a running probe.
        return "# dsvm-pool monitoring: JupyterHub's health, probed as the health extension does, to syslog (tag "
                + TAG + ")\n"
                + "dsvm_install_hub_health() {\n"
                + "  local root=${DSVM_ROOT:-} systemctl_cmd=${DSVM_SYSTEMCTL_CMD:-systemctl} changed=0 path encoded\n"
                + "  for pair in \"usr/local/sbin/dsvm-hub-health:0755:" + base64(script(graceMinutes)) + "\" "
                + "\"etc/systemd/system/dsvm-hub-health.service:0644:" + base64(ShippedResources.text(UNIT)) + "\"; do\n"
                + "    path=$root/${pair%%:*}; encoded=${pair##*:}\n"
                + "    if [[ -f $path ]] && cmp -s <(printf '%s' \"$encoded\" | base64 -d) \"$path\"; then continue; fi\n"
                + "    mkdir -p \"$(dirname \"$path\")\" && printf '%s' \"$encoded\" | base64 -d >\"$path.new\""
                + " && chmod \"$(cut -d: -f2 <<<\"$pair\")\" \"$path.new\" && mv -f \"$path.new\" \"$path\" || return 1\n"
                + "    changed=1\n"
                + "  done\n"
                + "  [[ -d $root/run/systemd/system ]] || return 0\n"
                + "  if ((changed)); then \"$systemctl_cmd\" daemon-reload && \"$systemctl_cmd\" enable dsvm-hub-health.service"
                + " && \"$systemctl_cmd\" restart dsvm-hub-health.service; fi\n"
                + "}\n"
                + "dsvm_install_hub_health || printf '[dsvm-health] cannot install the health probe\\n' >&2\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
