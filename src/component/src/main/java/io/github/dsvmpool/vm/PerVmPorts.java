package io.github.dsvmpool.vm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports every pool VM serves, and the code that makes it serve the per-VM ones.
 *
 * <p>Users reach the pool through one address: SSH on {@link #SSH_PORT} and JupyterHub (HTTPS, self-signed)
 * on {@link #JUPYTERHUB_PORT}, load-balanced. Each VM also has frontend ports of its own (inbound NAT rules
 * V2). Azure refuses two inbound rules with the same backend port on one scale-set IP configuration, so those
 * mappings use backend ports of their own: {@link #SSH_PER_VM_BACKEND_PORT} (a second sshd port) and
 * {@link #JUPYTERHUB_PER_VM_BACKEND_PORT} (redirected on the VM to JupyterHub's port; JupyterHub's proxy API
 * keeps 127.0.0.1:8001 to itself, hence 8443).
 *
 * <p>{@link #render} gives the installer ({@code per-vm-ports.sh}) with the ports filled in and the sshd
 * drop-in and the systemd unit embedded; {@link ProvisioningScript} runs it after the watcher installer and
 * before the share mount, in the same CustomScript extension.
 */
public final class PerVmPorts {
    /** The pool's load-balanced SSH port (backend and frontend). */
    public static final int SSH_PORT = 22;
    /** The backend port of each VM's own SSH frontend port: sshd listens on it as well. */
    public static final int SSH_PER_VM_BACKEND_PORT = 2222;
    /** JupyterHub's port on the DSVM image (HTTPS, self-signed), load-balanced. */
    public static final int JUPYTERHUB_PORT = 8000;
    /** The backend port of each VM's own JupyterHub frontend port, redirected to {@link #JUPYTERHUB_PORT}. */
    public static final int JUPYTERHUB_PER_VM_BACKEND_PORT = 8443;

    /** Where the installer puts the sshd drop-in on a VM. */
    public static final String SSHD_DROP_IN_PATH = "/etc/ssh/sshd_config.d/dsvm-pool-ports.conf";
    /** The systemd unit that keeps the JupyterHub redirect across reboots. */
    public static final String REDIRECT_UNIT_NAME = "dsvm-jupyterhub-per-vm-port.service";

    static final String INSTALLER = "/io/github/dsvmpool/vm/per-vm-ports.sh";
    static final String SSHD_DROP_IN = "/io/github/dsvmpool/vm/dsvm-pool-ports.conf";
    static final String REDIRECT_UNIT = "/io/github/dsvmpool/vm/" + REDIRECT_UNIT_NAME;
    static final String DROP_IN_PLACEHOLDER = "@SSHD_DROP_IN_BASE64@";
    static final String UNIT_PLACEHOLDER = "@REDIRECT_UNIT_BASE64@";
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("@[A-Z0-9_]+@");

    private PerVmPorts() {
    }

    /** The installer as shell code without a shebang line, ready to follow the watcher installer. */
    public static String render() {
        String installer = ShippedResources.text(INSTALLER);
        if (!installer.contains(DROP_IN_PLACEHOLDER) || !installer.contains(UNIT_PLACEHOLDER)) {
            throw new IllegalStateException(INSTALLER + " lost its placeholders");
        }
        String withoutShebang = installer.startsWith("#!") ? installer.substring(installer.indexOf('\n') + 1) : installer;
        return withPorts(INSTALLER, withoutShebang
                .replace(DROP_IN_PLACEHOLDER, base64(sshdDropIn()))
                .replace(UNIT_PLACEHOLDER, base64(redirectUnit())));
    }

    /** The sshd drop-in ({@link #SSHD_DROP_IN_PATH}) as the installer writes it. */
    public static String sshdDropIn() {
        return withPorts(SSHD_DROP_IN, ShippedResources.text(SSHD_DROP_IN));
    }

    /** The systemd unit ({@link #REDIRECT_UNIT_NAME}) as the installer writes it. */
    public static String redirectUnit() {
        return withPorts(REDIRECT_UNIT, ShippedResources.text(REDIRECT_UNIT));
    }

    /** The placeholders the shipped files may use, with their values. */
    static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("@SSH_PORT@", SSH_PORT);
        ports.put("@SSH_PER_VM_BACKEND_PORT@", SSH_PER_VM_BACKEND_PORT);
        ports.put("@JUPYTERHUB_PORT@", JUPYTERHUB_PORT);
        ports.put("@JUPYTERHUB_PER_VM_BACKEND_PORT@", JUPYTERHUB_PER_VM_BACKEND_PORT);
        return ports;
    }

    private static String withPorts(String resource, String text) {
        String result = text;
        for (Map.Entry<String, Integer> port : ports().entrySet()) {
            result = result.replace(port.getKey(), Integer.toString(port.getValue()));
        }
        Matcher left = ANY_PLACEHOLDER.matcher(result);
        if (left.find()) {
            throw new IllegalStateException(resource + " has an unknown placeholder " + left.group());
        }
        return result;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
