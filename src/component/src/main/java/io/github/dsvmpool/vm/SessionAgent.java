package io.github.dsvmpool.vm;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The session agent on every pool VM ({@code session-agent/}, Python 3 standard library only): while people
 * use the VM (terminal input, JupyterHub activity or a busy kernel, a user's processes above a CPU share) it
 * sets {@code protectFromScaleIn} on its own scale-set instance, clears it after {@code idleMinutes} without
 * use, never protects between {@code latestHour} and {@code resumeHour} nor longer than
 * {@code maxProtectedHours} in one stretch (warning the users 30 and 10 minutes before), and records on the
 * share where each user's sessions run. {@link #render} gives the installer ({@code install-session-agent.sh})
 * with the agent's files and its settings embedded; docs/sessions.md says how it behaves.
 *
 * <p>The VMs' identity needs exactly {@link #ARM_ACTIONS} at the scale set's scope.
 */
public final class SessionAgent {
    /**
     * Read one scale-set instance (VirtualMachineScaleSetVMs_Get: the agent reads the current protection at
     * start). Source: Learn "Azure permissions for Compute" (role-based-access-control/permissions/compute),
     * Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read.
     */
    public static final String ACTION_READ_INSTANCE = "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read";
    /**
     * Update one scale-set instance (VirtualMachineScaleSetVMs_Update, PUT with properties.protectionPolicy;
     * REST spec specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2025-04-01/
     * virtualMachineScaleSet.json). Source: Learn "Azure permissions for Compute",
     * Microsoft.Compute/virtualMachineScaleSets/virtualMachines/write.
     */
    public static final String ACTION_WRITE_INSTANCE = "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/write";
    /**
     * Every Azure Resource Manager action the agent calls, for a least-privilege custom role assigned at the
     * scale set's scope. The per-VM ports come from IMDS's load balancer metadata (Learn "Retrieve load
     * balancer metadata using IMDS"), which needs no role, so the load balancer's
     * queryInboundNatRulePortMapping action is not needed; the token comes from IMDS (no action either).
     */
    public static final List<String> ARM_ACTIONS = List.of(ACTION_READ_INSTANCE, ACTION_WRITE_INSTANCE);

    public static final int DEFAULT_IDLE_MINUTES = 30;
    public static final int DEFAULT_CPU_SHARE_PERCENT = 20;
    public static final int DEFAULT_LATEST_HOUR = 20;
    public static final int DEFAULT_RESUME_HOUR = 6;
    public static final int DEFAULT_MAX_PROTECTED_HOURS = 10;
    public static final String DEFAULT_TIME_ZONE = "UTC";
    /** The DSVM's JupyterHub (HTTPS, self-signed) as the agent reaches it on the VM itself. */
    public static final String DEFAULT_HUB_URL = "https://127.0.0.1:" + PerVmPorts.JUPYTERHUB_PORT;
    /** JupyterHub's activity reaches the hub about every 5 minutes: a shorter idle time would flap. */
    public static final int MIN_IDLE_MINUTES = 10;

    static final String FOLDER = "/io/github/dsvmpool/vm/session-agent/";
    static final String INSTALLER = FOLDER + "install-session-agent.sh";
    static final String REMOVER = FOLDER + "remove-session-agent.sh";
    static final String FILES_PLACEHOLDER = "@SESSION_AGENT_FILES@";
    static final String LIBRARY = "/usr/local/lib/dsvm-session-agent/";
    public static final String CONFIG_PATH = "/etc/dsvm-session-agent/config.json";
    public static final String UNIT_NAME = "dsvm-session-agent.service";

    /** Shipped resource (in {@link #FOLDER}) -> path on the VM and mode. */
    static final Map<String, String[]> FILES = files();

    private static final Pattern ABSOLUTE_PATH = Pattern.compile("^(/[A-Za-z0-9._+-]+)+$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$");
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");
    private static final Pattern HUB_URL = Pattern.compile("^https?://[A-Za-z0-9.:\\[\\]-]+(:[0-9]{1,5})?/?$");

    /**
     * The agent's settings.
     *
     * @param idleMinutes       minutes without use after which protection is cleared ({@value #MIN_IDLE_MINUTES}-1440)
     * @param cpuSharePercent   a user's processes above this share of one CPU mean "in use" (1-100)
     * @param latestHour        local hour from which no VM is protected (0-23)
     * @param resumeHour        local hour from which protection may start again (0-23)
     * @param timeZone          IANA time zone of both hours (e.g. Europe/Berlin; the VMs' clocks are UTC)
     * @param maxProtectedHours longest protection of one VM in one stretch (1-24)
     * @param hubUrl            the hub as reached on the VM
     * @param sharePath         the share's mount point, where the session records go ("" = no records)
     * @param poolAddress       the pool's DNS name for the notices ("" = the load balancer's frontend address)
     * @param identityClientId  client id of the VMs' user-assigned identity ("" = the only identity)
     */
    public record Settings(int idleMinutes, int cpuSharePercent, int latestHour, int resumeHour, String timeZone,
                           int maxProtectedHours, String hubUrl, String sharePath, String poolAddress,
                           String identityClientId) {
        public Settings {
            between("idle minutes", idleMinutes, MIN_IDLE_MINUTES, 1440);
            between("CPU share (percent of one CPU)", cpuSharePercent, 1, 100);
            between("latest hour", latestHour, 0, 23);
            between("resume hour", resumeHour, 0, 23);
            between("maximum protected hours", maxProtectedHours, 1, 24);
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException | NullPointerException e) {
                throw new IllegalArgumentException("time zone '" + timeZone + "': not an IANA time zone (e.g. Europe/Berlin)");
            }
            if (timeZone.contains(" ")) {
                throw new IllegalArgumentException("time zone '" + timeZone + "': IANA names have no spaces");
            }
            matches("hub URL", hubUrl, HUB_URL, false);
            matches("share path", sharePath, ABSOLUTE_PATH, true);
            matches("pool address", poolAddress, HOST, true);
            matches("identity client id", identityClientId, GUID, true);
        }

        /** The defaults, with the share's mount point and the pool's address. */
        public static Settings defaults(String sharePath, String poolAddress) {
            return new Settings(DEFAULT_IDLE_MINUTES, DEFAULT_CPU_SHARE_PERCENT, DEFAULT_LATEST_HOUR,
                    DEFAULT_RESUME_HOUR, DEFAULT_TIME_ZONE, DEFAULT_MAX_PROTECTED_HOURS, DEFAULT_HUB_URL, sharePath,
                    poolAddress, "");
        }
    }

    private SessionAgent() {
    }

    /** The installer as shell code without a shebang line, with the agent's files and settings embedded. */
    public static String render(Settings settings) {
        String installer = ShippedResources.text(INSTALLER);
        if (!installer.contains(FILES_PLACEHOLDER)) {
            throw new IllegalStateException(INSTALLER + " lost its placeholder");
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String[]> file : FILES.entrySet()) {
            lines.append(file.getValue()[0]).append(' ').append(file.getValue()[1]).append(' ')
                    .append(base64(ShippedResources.text(FOLDER + file.getKey()))).append('\n');
        }
        lines.append(CONFIG_PATH).append(" 0644 ").append(base64(configJson(settings))).append('\n');
        String withoutShebang = installer.startsWith("#!") ? installer.substring(installer.indexOf('\n') + 1) : installer;
        return withoutShebang.replace(FILES_PLACEHOLDER, lines.toString());
    }

    /**
     * The code that takes the agent off a VM when the setting is off (shell code without a shebang line): stops
     * it (which clears the instance's protection), removes its hub block and its files; a VM without the agent
     * is left untouched, so off means the VM behaves as before the agent existed.
     */
    public static String renderRemoval() {
        String remover = ShippedResources.text(REMOVER);
        return remover.startsWith("#!") ? remover.substring(remover.indexOf('\n') + 1) : remover;
    }

    /** The settings file the agent reads ({@link #CONFIG_PATH}); no secret in it. */
    public static String configJson(Settings settings) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("idle_minutes", settings.idleMinutes());
        config.put("cpu_share_percent", settings.cpuSharePercent());
        config.put("latest_hour", settings.latestHour());
        config.put("resume_hour", settings.resumeHour());
        config.put("time_zone", settings.timeZone());
        config.put("max_protected_hours", settings.maxProtectedHours());
        config.put("hub_url", settings.hubUrl());
        config.put("share_path", settings.sharePath());
        config.put("pool_address", settings.poolAddress());
        config.put("identity_client_id", settings.identityClientId());
        config.put("ssh_per_vm_backend_port", PerVmPorts.SSH_PER_VM_BACKEND_PORT);
        config.put("jupyterhub_per_vm_backend_port", PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config) + "\n";
    }

    private static Map<String, String[]> files() {
        Map<String, String[]> files = new LinkedHashMap<>();
        for (String module : List.of("azure_calls.py", "evening_bound.py", "notices.py", "session_records.py",
                "session_settings.py", "usage.py")) {
            files.put(module, new String[] {LIBRARY + module, "0644"});
        }
        for (String program : List.of("agent.py", "hub_setup.py", "where.py")) {
            files.put(program, new String[] {LIBRARY + program, "0755"});
        }
        files.put(UNIT_NAME, new String[] {"/etc/systemd/system/" + UNIT_NAME, "0644"});
        files.put("dsvm-session-where.sh", new String[] {"/etc/profile.d/dsvm-session-where.sh", "0644"});
        // ordered: the rendered script must be the same text on every run (a changed script re-runs the extension)
        return Collections.unmodifiableMap(files);
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + ": must be " + min + "-" + max);
        }
    }

    private static void matches(String name, String value, Pattern pattern, boolean emptyAllowed) {
        if (value == null || (value.isEmpty() ? !emptyAllowed : !pattern.matcher(value).matches())) {
            throw new IllegalArgumentException(name + " '" + value + "' is not valid");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
