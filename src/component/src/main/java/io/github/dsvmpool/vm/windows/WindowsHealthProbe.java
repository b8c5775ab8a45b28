package io.github.dsvmpool.vm.windows;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Application Health extension of a Windows pool (publisher {@value #PUBLISHER}, type {@value #TYPE},
 * Binary mode {@value #VERSION}; Learn "Using Application Health extension with Virtual Machine Scale Sets":
 * protocols tcp, http, https; a tcp probe is healthy when a connection to the port is established).
 *
 * <p>It probes TCP {@value #PORT}, Remote Desktop, the one service every user of a Windows pool needs and that
 * a Windows DSVM really serves (the image has JupyterLab but no JupyterHub, and Jupyter Server listens on
 * localhost:8888 only when a user starts it, so there is no HTTP endpoint to ask). A VM whose RDP listener is
 * down is of no use to the pool, so counting it unhealthy (and repairing it) is honest; the share's mapping is not
 * part of the signal (the scheduled task retries it at every logon). Public settings only: nothing secret.
 */
public final class WindowsHealthProbe {
    public static final String PUBLISHER = "Microsoft.ManagedServices";
    public static final String TYPE = "ApplicationHealthWindows";
    /** Binary health states; 2.0 is Rich mode, which needs an HTTP endpoint answering a JSON state. */
    public static final String VERSION = "1.0";
    public static final String EXTENSION_NAME = "health";
    public static final String PROTOCOL = "tcp";
    /** Remote Desktop's listener. */
    public static final int PORT = WindowsPorts.RDP_PORT;
    /** Azure accepts 5-60 s; the Linux pool's value. */
    public static final int INTERVAL_SECONDS = 15;
    /** Azure accepts 1-24: 4 x 15 s = one minute of failures before the VM counts as unhealthy. */
    public static final int NUMBER_OF_PROBES = 4;

    private WindowsHealthProbe() {
    }

    /** The extension's public settings; a tcp probe has no {@code requestPath}. */
    public static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("protocol", PROTOCOL);
        settings.put("port", PORT);
        settings.put("intervalInSeconds", INTERVAL_SECONDS);
        settings.put("numberOfProbes", NUMBER_OF_PROBES);
        return settings;
    }
}
