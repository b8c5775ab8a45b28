package io.github.dsvmpool.vm.windows;

import io.github.dsvmpool.vm.ScriptValues;

import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.ShippedResources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The PowerShell script that provisions every VM of a Windows pool, and the CustomScriptExtension settings that
 * carry it (publisher {@value #PUBLISHER}, type {@value #TYPE}, {@value #VERSION}; Learn "Custom Script
 * Extension for Windows": runs once, as LocalSystem, 90 minutes at most, and for work at every startup "use the
 * extension to create a Windows Scheduled Task").
 *
 * <p>The bodies are the resources {@code provision.ps1} and {@code mount-share.ps1} next to this class's package
 * ({@value #PROVISION_RESOURCE}). {@link #renderWithKeyVault} and {@link #renderWithKey} put the parameters in
 * front of {@code provision.ps1} as single-quoted assignments ({@link PowerShellQuoting}), the text of
 * {@code mount-share.ps1} among them (the provisioning script writes it to disk for the scheduled task).
 *
 * <h2>How the script reaches the VM</h2>
 * The Windows extension takes no inline script, only {@code commandToExecute} and {@code fileUris}; the command
 * runs through {@code cmd.exe} (the article warns about cmd's {@code AutoRun} key), whose command line holds
 * at most {@value #MAX_COMMAND_CHARACTERS} characters. So {@link #commandToExecute} is a short
 * {@code powershell.exe -Command} that un-gzips the base64 of the rendered script and runs it in memory; base64
 * and the bootstrap use no character that cmd treats specially inside double quotes. The whole command goes in
 * {@code protectedSettings}: with a storage key in it, it is a secret; with Key Vault, nothing in it is, but
 * the public settings would show it in clear text to anyone who can read the scale set.
 */
public final class WindowsProvisioningScript {
    public static final String PROVISION_RESOURCE = "/io/github/dsvmpool/vm/windows/provision.ps1";
    public static final String MOUNT_RESOURCE = "/io/github/dsvmpool/vm/windows/mount-share.ps1";
    public static final String PUBLISHER = "Microsoft.Compute";
    public static final String TYPE = "CustomScriptExtension";
    public static final String VERSION = "1.10";
    /** cmd.exe's longest command line (Learn "Command prompt (Cmd.exe) command-line string limitation"). */
    public static final int MAX_COMMAND_CHARACTERS = 8191;

    private static final String BOOTSTRAP_START = "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass"
            + " -Command \"$b=[Convert]::FromBase64String('";
    private static final String BOOTSTRAP_END = "');$m=New-Object IO.MemoryStream(,$b);"
            + "$z=New-Object IO.Compression.GZipStream($m,[IO.Compression.CompressionMode]::Decompress);"
            + "$r=New-Object IO.StreamReader($z,[Text.Encoding]::UTF8);$t=$r.ReadToEnd();$r.Dispose();"
            + ". ([ScriptBlock]::Create($t))\"";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BOOTSTRAP = Pattern.compile(Pattern.quote(BOOTSTRAP_START) + "([A-Za-z0-9+/=]+)"
            + Pattern.quote(BOOTSTRAP_END));

    private static final class Shipped {
        // provision.ps1 travels without its comment lines (they are a quarter of the command); mount-share.ps1,
        // which stays on every VM, keeps them.
        static final WindowsProvisioningScript INSTANCE = new WindowsProvisioningScript(
                withoutCommentLines(WindowsEventLog.render(ShippedResources.text(PROVISION_RESOURCE))),
                WindowsEventLog.render(ShippedResources.text(MOUNT_RESOURCE)));
    }

    /**
     * The script without its whole-line comments ({@code #} first after indentation). Safe only where no string
     * spans lines, so a here-string or a line with an unbalanced quote (after doubled quotes) is refused.
     */
    static String withoutCommentLines(String script) {
        StringBuilder kept = new StringBuilder(script.length());
        int number = 0;
        for (String line : script.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (mayOpenAStringSpanningLines(line)) {
                throw new IllegalArgumentException("line " + number + " may open a string that spans lines, where"
                        + " a comment line could be text: " + trimmed);
            }
            kept.append(line).append('\n');
        }
        return kept.substring(0, kept.length() - 1);
    }

    private static boolean mayOpenAStringSpanningLines(String line) {
        String trimmed = line.strip();
        String undoubled = line.replace("''", "").replace("\"\"", "");
        return trimmed.endsWith("@'") || trimmed.endsWith("@\"") || count(undoubled, '\'') % 2 != 0
                || count(undoubled, '"') % 2 != 0;
    }

    private static long count(String text, char wanted) {
        return text.chars().filter(c -> c == wanted).count();
    }

    private final String provisionBody;
    private final String mountBody;

    private WindowsProvisioningScript(String provisionBody, String mountBody) {
        this.provisionBody = Objects.requireNonNull(provisionBody, "provisionBody");
        this.mountBody = Objects.requireNonNull(mountBody, "mountBody");
    }

    /** The scripts shipped in the jar. */
    public static WindowsProvisioningScript shipped() {
        return Shipped.INSTANCE;
    }

    /** Other bodies, for tests of the rendering and the revision. */
    static WindowsProvisioningScript ofBodies(String provisionBody, String mountBody) {
        return new WindowsProvisioningScript(provisionBody, mountBody);
    }

    public String provisionBody() {
        return provisionBody;
    }

    public String mountBody() {
        return mountBody;
    }

    /**
     * The script that reads the key from Key Vault at every mapping: it carries no key. Nothing in it is secret.
     *
     * @param agentSha256 {@link WindowsSessionAgent#sha256} of the userData this deployment ships: provision.ps1
     *                    installs the session agent only from a userData with that hash
     */
    public String renderWithKeyVault(WindowsMountParameters parameters, MountScript.KeyVaultReference keyVault,
                                     String agentSha256) {
        Objects.requireNonNull(keyVault, "keyVault");
        return render(parameters, keyVault, "", agentSha256);
    }

    /** The script carrying the storage key (no Key Vault): a secret as a whole. */
    public String renderWithKey(WindowsMountParameters parameters, String storageKey, String agentSha256) {
        Objects.requireNonNull(storageKey, "storageKey");
        if (storageKey.isEmpty()) {
            throw new IllegalArgumentException("storageKey must not be empty");
        }
        return render(parameters, null, storageKey, agentSha256);
    }

    private String render(WindowsMountParameters parameters, MountScript.KeyVaultReference keyVault, String key,
                          String agentSha256) {
        if (agentSha256 == null || !SHA256_HEX.matcher(agentSha256).matches()) {
            throw new IllegalArgumentException("agentSha256 '" + agentSha256 + "' is not 64 lowercase hex digits");
        }
        StringBuilder script = new StringBuilder(provisionBody.length() + mountBody.length() * 2 + 1024);
        script.append("# dsvm-pool: parameters of provision.ps1 from the deployment (WindowsProvisioningScript).\n");
        variables(parameters, keyVault).forEach((name, value) -> script.append('$').append(name).append(" = ")
                .append(PowerShellQuoting.singleQuoted(value)).append('\n'));
        // Not in the revision: forceUpdateTag already follows the userData it is the hash of.
        script.append("$DsvmSessionAgentSha256 = ").append(PowerShellQuoting.singleQuoted(agentSha256)).append('\n');
        script.append("$DsvmStorageKey = ").append(PowerShellQuoting.singleQuoted(key)).append('\n');
        script.append("$DsvmMountScript = ").append(PowerShellQuoting.singleQuoted(mountBody)).append('\n');
        script.append(provisionBody);
        return script.toString();
    }

    /**
     * The {@code commandToExecute} that runs {@code renderedScript}: powershell.exe un-gzips it from base64 and
     * runs it. Deterministic (the gzip header has no time or name).
     *
     * @throws IllegalArgumentException when the command would not fit cmd.exe's command line
     */
    public static String commandToExecute(String renderedScript) {
        String command = BOOTSTRAP_START + gzipBase64(renderedScript) + BOOTSTRAP_END;
        if (command.length() > MAX_COMMAND_CHARACTERS) {
            throw new IllegalArgumentException("the provisioning command has " + command.length()
                    + " characters; cmd.exe takes at most " + MAX_COMMAND_CHARACTERS);
        }
        return command;
    }

    /** The script a {@link #commandToExecute} runs (for tests and for reading a deployed command). */
    public static String scriptOf(String command) {
        Matcher matcher = BOOTSTRAP.matcher(command);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a command of WindowsProvisioningScript");
        }
        return gunzipBase64(matcher.group(1));
    }

    /** The text in base64 of gzip, as {@link #gzipBase64} writes it. */
    static String gunzipBase64(String base64) {
        byte[] gzipped = Base64.getDecoder().decode(base64);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a gzip stream in base64", e);
        }
    }

    /** The extension's settings when the key comes from Key Vault. */
    public WindowsExtensionSettings extensionWithKeyVault(WindowsMountParameters parameters,
                                                          MountScript.KeyVaultReference keyVault, String agentSha256) {
        return extension(commandToExecute(renderWithKeyVault(parameters, keyVault, agentSha256)),
                revision(parameters, keyVault));
    }

    /** The extension's settings carrying the key (no Key Vault). */
    public WindowsExtensionSettings extensionWithKey(WindowsMountParameters parameters, String storageKey,
                                                     String agentSha256) {
        return extension(commandToExecute(renderWithKey(parameters, storageKey, agentSha256)),
                revision(parameters, null));
    }

    private static WindowsExtensionSettings extension(String command, String revision) {
        return new WindowsExtensionSettings(Map.of(), Map.of("commandToExecute", command), revision);
    }

    /**
     * A visible version for {@code forceUpdateTag}: 16 hex characters of SHA-256 over both bodies, the non-secret
     * parameters and the Key Vault reference (null without one); never over a key. A rotated key alone therefore
     * does not re-run the extension (with Key Vault, the task reads the new key at the next startup or logon).
     */
    public String revision(WindowsMountParameters parameters, MountScript.KeyVaultReference keyVault) {
        MessageDigest sha256 = sha256();
        update(sha256, provisionBody);
        update(sha256, mountBody);
        variables(parameters, keyVault).forEach((name, value) -> {
            update(sha256, name);
            update(sha256, value);
        });
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    }

    private static Map<String, String> variables(WindowsMountParameters p, MountScript.KeyVaultReference keyVault) {
        Objects.requireNonNull(p, "parameters");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DsvmStorageAccount", check("storageAccountName", p.storageAccountName()));
        variables.put("DsvmShareName", check("shareName", p.shareName()));
        variables.put("DsvmEndpointSuffix", check("storageEndpointSuffix", p.storageEndpointSuffix()));
        variables.put("DsvmDriveLetter", check("driveLetter", p.driveLetter()));
        variables.put("DsvmRdpPort", String.valueOf(WindowsPorts.RDP_PORT));
        variables.put("DsvmRdpPerVmPort", String.valueOf(WindowsPorts.RDP_PER_VM_BACKEND_PORT));
        variables.put("DsvmKeyVaultUrl", keyVault == null ? "" : check("vaultUrl", keyVault.vaultUrl()));
        variables.put("DsvmKeyVaultSecret", keyVault == null ? "" : check("secretName", keyVault.secretName()));
        variables.put("DsvmKeyVaultResource", keyVault == null ? "" : check("tokenResource", keyVault.tokenResource()));
        variables.put("DsvmIdentityClientId", keyVault == null ? "" : check("clientId", keyVault.clientId()));
        return variables;
    }

    private static String check(String name, String value) {
        return ScriptValues.singleLine(name, value);
    }

    /** Base64 of the UTF-8 text gzipped at best compression; deterministic (no time or name in the header). */
    static String gzipBase64(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** 16 hex characters of SHA-256 over the values, each with its length (a visible version). */
    static String shortHash(String... values) {
        MessageDigest sha256 = sha256();
        for (String value : values) {
            update(sha256, value);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
