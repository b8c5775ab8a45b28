package io.github.dsvmpool.vm.windows;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import io.github.dsvmpool.vm.SessionAgent;
import io.github.dsvmpool.vm.ShippedResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Windows pool's session agent ({@value #RESOURCE}, run by the scheduled task {@value #TASK_NAME}): always the
 * scheduled-events notices, and with {@code sessionProtection} the instance protection of the Linux agent
 * (docs/sessions.md "On Windows"). It does not fit the provisioning command (cmd.exe's 8,191 characters), so it
 * travels in the scale set's {@code userData} ({@link #userData}): base64 of gzip of a JSON bundle
 * {@code {"files": {name: text}}} that {@code provision.ps1} reads from IMDS and writes to
 * {@code %ProgramData%\dsvm-pool}, then runs {@value #INSTALLER_FILE} (the task's registration), so the command grows
 * by a few lines only. Learn "User Data for Azure Virtual Machine": base64, at most 64 KB, not encrypted
 * and readable by any process on the VM, so nothing secret goes in (the settings hold no key or token).
 */
public final class WindowsSessionAgent {
    public static final String RESOURCE = "/io/github/dsvmpool/vm/windows/session-agent.ps1";
    /** Registers the agent's task; run by provision.ps1 after it wrote the files. */
    public static final String INSTALLER_RESOURCE = "/io/github/dsvmpool/vm/windows/install-session-agent.ps1";
    public static final String TASK_NAME = "dsvm-pool-session-agent";
    public static final String SCRIPT_FILE = "session-agent.ps1";
    public static final String SETTINGS_FILE = "session-agent.json";
    public static final String INSTALLER_FILE = "install-session-agent.ps1";
    /**
     * Learn "User Data for Azure Virtual Machine": "The size can't exceed 64 KB". Checked on the base64 text Azure
     * receives, which is stricter than on the decoded bytes, so either reading of the limit holds.
     */
    public static final int MAX_USER_DATA = 64 * 1024;

    /** Windows time zone IDs: letters, digits, spaces, periods, parentheses, plus and minus (e.g. "UTC+12"). */
    private static final Pattern WINDOWS_ZONE = Pattern.compile("[A-Za-z0-9 .()+-]{1,64}");
    private static final Pattern GUID = Pattern.compile("|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /**
     * The agent's settings ({@value #SETTINGS_FILE}); the ranges are the Linux agent's ({@link SessionAgent.Settings}).
     *
     * @param sessionProtection whether the agent protects the instance (else only the scheduled-events notices)
     * @param timeZone          Windows time zone ID of both hours ({@code [TimeZoneInfo]::FindSystemTimeZoneById})
     * @param identityClientId  client id of the user-assigned identity for the token ("" = the only identity)
     * @param driveLetter       the share's drive letter, named in the notices
     */
    public record Settings(boolean sessionProtection, int idleMinutes, int cpuSharePercent, int latestHour,
                           int resumeHour, String timeZone, int maxProtectedHours, String identityClientId,
                           String driveLetter) {
        public Settings {
            // The same ranges as the Linux agent: its record checks them (the zone there is an IANA name, so UTC).
            new SessionAgent.Settings(idleMinutes, cpuSharePercent, latestHour, resumeHour, "UTC", maxProtectedHours,
                    SessionAgent.DEFAULT_HUB_URL, "", "", "");
            check("time zone", timeZone, WINDOWS_ZONE);
            check("identity client id", identityClientId, GUID);
            check("drive letter", driveLetter, Pattern.compile("[D-Z]"));
        }
    }

    private WindowsSessionAgent() {
    }

    /** The settings file the agent reads; no secret in it. */
    public static String settingsJson(Settings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionProtection", settings.sessionProtection());
        json.put("idleMinutes", settings.idleMinutes());
        json.put("cpuSharePercent", settings.cpuSharePercent());
        json.put("latestHour", settings.latestHour());
        json.put("resumeHour", settings.resumeHour());
        json.put("timeZone", settings.timeZone());
        json.put("maxProtectedHours", settings.maxProtectedHours());
        json.put("identityClientId", settings.identityClientId());
        json.put("driveLetter", settings.driveLetter());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /**
     * The scale set's {@code userData}: base64 of gzip of {@code {"files": {"session-agent.ps1": ...,
     * "session-agent.json": ..., "install-session-agent.ps1": ...}}}. Deterministic, so an unchanged agent leaves the model unchanged.
     *
     * @throws IllegalArgumentException when it would exceed {@link #MAX_USER_DATA}
     */
    public static String userData(Settings settings) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SCRIPT_FILE, ShippedResources.text(RESOURCE));
        files.put(SETTINGS_FILE, settingsJson(settings));
        files.put(INSTALLER_FILE, ShippedResources.text(INSTALLER_RESOURCE));
        String encoded = WindowsProvisioningScript.gzipBase64(new Gson().toJson(Map.of("files", files)));
        if (encoded.length() > MAX_USER_DATA) {
            throw new IllegalArgumentException("the session agent's userData has " + encoded.length()
                    + " characters; Azure takes at most " + MAX_USER_DATA);
        }
        return encoded;
    }

    /** The files a {@link #userData} carries, by name (for tests and for reading a deployed model). */
    public static Map<String, String> files(String userData) {
        Map<String, Map<String, String>> bundle = new Gson().fromJson(
                WindowsProvisioningScript.gunzipBase64(Objects.requireNonNull(userData, "userData")),
                new TypeToken<Map<String, Map<String, String>>>() { }.getType());
        return bundle.get("files");
    }

    /**
     * The SHA-256 (64 lowercase hex digits) of a {@link #userData} as its base64 text, which provision.ps1 checks
     * before it installs anything from the instance's userData: anyone holding {@code virtualMachines/write} on the
     * scale set's instances (the agent's own role does) can rewrite an instance's userData from outside the VM (Learn
     * "User Data for Azure Virtual Machine"), but not the protected command that carries this hash.
     */
    public static String sha256(String userData) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Objects.requireNonNull(userData, "userData").getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A visible version of the userData for the provisioning extension's {@code forceUpdateTag}. */
    public static String revision(String userData) {
        return WindowsProvisioningScript.shortHash(userData);
    }

    private static void check(String name, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " '" + value + "' is not valid (" + pattern.pattern() + ")");
        }
    }
}
