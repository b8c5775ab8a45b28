package io.github.dsvmpool.vm;

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
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The shell script that mounts the pool's Azure Files share on every VM of the scale set, as the inline
 * {@code script} of the CustomScript extension (Microsoft.Azure.Extensions/CustomScript 2.1).
 *
 * <p>The body is the resource {@code mount-share.sh} next to this class, shipped in the jar and tested on its
 * own (shellcheck and bats, {@code src/test/shell}). {@link #render} puts the parameters in front of it as
 * shell variable assignments.
 *
 * <h2>Why the storage key is inside the script</h2>
 * The extension runs either {@code commandToExecute} or {@code script}, never both: when a command exists, an
 * inline script is not run. So the script cannot receive arguments, and its arguments, the key included,
 * travel inside it. The whole script therefore belongs in {@code protectedSettings} (encrypted, never
 * returned by the API). On the VM the extension decodes it to {@code script.sh} in its download folder, a
 * root-only file (mode 0500), and runs it as root. The script itself keeps the key out of its output, out of
 * every process's arguments and environment, and out of every file but the root-only credentials file
 * {@code /etc/smbcredentials/<account>.cred} (mode 600). Anyone who is root on a VM can read the key; the
 * share is a team folder and every VM needs it to mount.
 *
 * <p>Because protected settings cannot be read back, deployment tools cannot see a change in them:
 * {@link #revision} gives a visible hash of the script and its non-secret parameters for the extension's
 * {@code forceUpdateTag}. It does not cover the key: a rotated key alone does not re-run the extension
 * (a change of the protected settings may still reach new instances), so rotate keys together with a
 * change of the tag.
 */
public final class MountScript {
    /** The classpath resource holding the script body. */
    public static final String RESOURCE = "/io/github/dsvmpool/vm/mount-share.sh";
    /** The extension's limit for an inline script, after base64. */
    public static final int MAX_ENCODED_SCRIPT_BYTES = 256 * 1024;

    private static final class Shipped {
        static final MountScript INSTANCE = new MountScript(ShippedResources.text(RESOURCE));
    }

    private final String body;
    /** The pool's SSH host key, or null: the script then leaves the VM's own host keys alone. */
    private final SshHostKey hostKey;

    private MountScript(String body) {
        this(body, null);
    }

    private MountScript(String body, SshHostKey hostKey) {
        this.body = Objects.requireNonNull(body, "body");
        this.hostKey = hostKey;
    }

    /** The script shipped in the jar (loaded once from the classpath, UTF-8). */
    public static MountScript shipped() {
        return Shipped.INSTANCE;
    }

    /** A script with another body, for tests of the rendering and of {@link #revision}. */
    static MountScript ofBody(String body) {
        return new MountScript(body);
    }

    /**
     * This script with shell code run before its body, e.g. the watcher installer. The prelude becomes part of
     * the body, so it is covered by {@link #revision} and travels in the same protected settings.
     */
    public MountScript withPrelude(String prelude) {
        return new MountScript("#!/bin/bash\n" + prelude + (prelude.endsWith("\n") ? "" : "\n") + withoutShebang(body),
                hostKey);
    }

    /**
     * This script carrying the pool's SSH host key for {@link HostKeyInstaller}: its public line (covered by
     * {@link #revision}, so that a new key re-runs the extension) and its private key file (a secret argument like
     * the storage key: in the rendered header only, never in the revision).
     */
    public MountScript withHostKey(SshHostKey key) {
        return new MountScript(body, Objects.requireNonNull(key, "key"));
    }

    /** The shipped script text, exactly as in the resource. */
    public String body() {
        return body;
    }

    /**
     * The full inline script: a {@code #!/bin/bash} line, {@code set -euo pipefail}, the parameters as
     * single-quoted shell variable assignments ({@code DSVM_STORAGE_ACCOUNT}, {@code DSVM_SHARE_NAME},
     * {@code DSVM_MOUNT_POINT}, {@code DSVM_ENDPOINT_SUFFIX}, {@code DSVM_ADMIN_USER}, {@code DSVM_PROTOCOL},
     * {@code DSVM_STORAGE_KEY}, and the host key's {@code DSVM_SSH_HOST_PUBLIC_KEY} and
     * {@code DSVM_SSH_HOST_PRIVATE_KEY}, empty without {@link #withHostKey}), then the body without its own shebang
     * line. The variables are not exported.
     * Pure: no I/O.
     *
     * <p>Only what would break the quoting is checked here (null, line breaks, NUL); the script checks the
     * values' shapes itself and the pool's configuration is validated before.
     *
     * @param storageKey the storage account key for SMB; {@code null} for NFS (the script gets an empty value;
     *                   a key given for NFS is not embedded)
     * @throws IllegalArgumentException naming the parameter that is null or holds a line break or NUL, or when
     *                                  an SMB script has no key
     */
    public String render(MountParameters parameters, String storageKey) {
        return render(parameters, storageKey, null);
    }

    /**
     * Where the script reads the SMB key at mount time instead of carrying it: a Key Vault secret, with a
     * token of a user-assigned identity from IMDS (variables {@code DSVM_KEY_VAULT_URL},
     * {@code DSVM_KEY_VAULT_SECRET}, {@code DSVM_KEY_VAULT_RESOURCE}, {@code DSVM_IDENTITY_CLIENT_ID}).
     * Nothing here is secret.
     */
    public record KeyVaultReference(String vaultUrl, String secretName, String tokenResource, String clientId) {
        Map<String, String> variables() {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("DSVM_KEY_VAULT_URL", check("vaultUrl", vaultUrl));
            variables.put("DSVM_KEY_VAULT_SECRET", check("secretName", secretName));
            variables.put("DSVM_KEY_VAULT_RESOURCE", check("tokenResource", tokenResource));
            variables.put("DSVM_IDENTITY_CLIENT_ID", check("clientId", clientId));
            return variables;
        }
    }

    /** The script reading the key from Key Vault: it carries no key ({@code DSVM_STORAGE_KEY=''}). */
    public String renderWithKeyVault(MountParameters parameters, KeyVaultReference keyVault) {
        return render(parameters, null, Objects.requireNonNull(keyVault, "keyVault"));
    }

    /** {@link #encodedScript(MountParameters, String)} for {@link #renderWithKeyVault}. */
    public String encodedScriptWithKeyVault(MountParameters parameters, KeyVaultReference keyVault) {
        return encode(renderWithKeyVault(parameters, keyVault));
    }

    /** {@link #revision(MountParameters)} covering the Key Vault reference too. */
    public String revision(MountParameters parameters, KeyVaultReference keyVault) {
        return digest(parameters, keyVault.variables());
    }

    private String render(MountParameters parameters, String storageKey, KeyVaultReference keyVault) {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.protocol() == null) {
            throw new IllegalArgumentException("protocol must not be null");
        }
        if (parameters.protocol() == ShareProtocol.SMB && storageKey == null && keyVault == null) {
            throw new IllegalArgumentException("storageKey must not be null for SMB");
        }
        Map<String, String> variables = variables(parameters);
        // NFS mounts without a key: a key given anyway is not embedded.
        String key = parameters.protocol() == ShareProtocol.SMB && keyVault == null ? check("storageKey", storageKey) : "";
        StringBuilder script = new StringBuilder(body.length() + 1024);
        script.append("#!/bin/bash\n")
                .append("# dsvm-pool: mounts the pool's Azure Files share (MountScript). The parameters below come\n")
                .append("# from the deployment; the storage key and the host's private key are here because the\n")
                .append("# CustomScript extension runs an inline script without arguments. This file is root-only on\n")
                .append("# the VM.\n")
                .append("set -euo pipefail\n");
        variables.forEach((name, value) -> script.append(name).append('=').append(shellQuote(value)).append('\n'));
        script.append("DSVM_STORAGE_KEY=").append(shellQuote(key)).append('\n');
        script.append(HostKeyInstaller.PUBLIC_KEY_VARIABLE).append('=')
                .append(shellQuote(hostKey == null ? "" : hostKey.publicKeyLine())).append('\n');
        script.append(HostKeyInstaller.PRIVATE_KEY_VARIABLE).append('=')
                .append(shellQuote(hostKey == null ? "" : hostKey.privateKeyFileBase64())).append('\n');
        if (keyVault != null && parameters.protocol() == ShareProtocol.SMB) {
            keyVault.variables().forEach((name, value) -> script.append(name).append('=').append(shellQuote(value))
                    .append('\n'));
        }
        script.append(withoutShebang(body));
        return script.toString();
    }

    /**
     * The value of {@code protectedSettings.script}: base64 of the gzip of {@link #render}. Deterministic:
     * the gzip header has a zero modification time and no file name.
     */
    public String encodedScript(MountParameters parameters, String storageKey) {
        return encode(render(parameters, storageKey));
    }

    private static String encode(String script) {
        byte[] rendered = script.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rendered.length / 2);
        // GZIPOutputStream writes a fixed header (mtime 0, no name), so equal input gives equal output.
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * A short visible version for the extension's {@code forceUpdateTag}: the first 16 hex characters of
     * SHA-256 over the body, the non-secret parameters and the host key's public line (never a storage or private
     * key). It changes when the script, any parameter or the host key changes.
     */
    public String revision(MountParameters parameters) {
        return digest(parameters, Map.of());
    }

    private String digest(MountParameters parameters, Map<String, String> more) {
        Objects.requireNonNull(parameters, "parameters");
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        update(sha256, body);
        variables(parameters).forEach((name, value) -> {
            update(sha256, name);
            update(sha256, value);
        });
        more.forEach((name, value) -> {
            update(sha256, name);
            update(sha256, value);
        });
        if (hostKey != null) {
            update(sha256, HostKeyInstaller.PUBLIC_KEY_VARIABLE);
            update(sha256, hostKey.publicKeyLine());
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    }

    /** Reverse of {@link #encodedScript}: base64-decode, gunzip. */
    public static String decode(String encodedScript) {
        Objects.requireNonNull(encodedScript, "encodedScript");
        byte[] gzipped = Base64.getDecoder().decode(encodedScript);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a gzip stream in base64", e);
        }
    }

    private static Map<String, String> variables(MountParameters p) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DSVM_STORAGE_ACCOUNT", check("storageAccountName", p.storageAccountName()));
        variables.put("DSVM_SHARE_NAME", check("shareName", p.shareName()));
        variables.put("DSVM_MOUNT_POINT", check("mountPoint", p.mountPoint()));
        variables.put("DSVM_ENDPOINT_SUFFIX", check("storageEndpointSuffix", p.storageEndpointSuffix()));
        variables.put("DSVM_ADMIN_USER", check("adminUsername", p.adminUsername()));
        if (p.protocol() == null) {
            throw new IllegalArgumentException("protocol must not be null");
        }
        variables.put("DSVM_PROTOCOL", p.protocol().scriptValue());
        return variables;
    }

    private static String check(String name, String value) {
        return ScriptValues.singleLine(name, value);
    }

    /** POSIX single quoting: {@code '} becomes {@code '"'"'}; nothing else is special inside. */
    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    private static String withoutShebang(String text) {
        if (!text.startsWith("#!")) {
            return text;
        }
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(end + 1);
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
