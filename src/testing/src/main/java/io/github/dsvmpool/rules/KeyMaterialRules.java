package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Private keys (the pool's SSH host key above all) only in secrets: no input the program did not mark secret,
 * CustomScript public {@code settings} included, holds private key material, neither as it is nor inside a
 * base64 (and gzip) inline script or a base64 value in it. Messages name the property, never quote the value.
 */
final class KeyMaterialRules {
    /** The PEM armour of every private key format ("OPENSSH", "RSA", "EC", PKCS#8) and OpenSSH's binary magic. */
    static final List<String> MARKERS = List.of("PRIVATE KEY-----", "openssh-key-v1");
    /** Runs that may be base64 of something (an inline script, a key file); shorter ones cannot hold a key. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");
    /** An inline script inside a script inside a value is as deep as anyone nests. */
    private static final int DEPTH = 3;
    private static final int LARGEST_DECODED = 4 * 1024 * 1024;

    private KeyMaterialRules() {
    }

    static List<AzureRule> rules() {
        return List.of(new AzureRule("policy-private-keys-only-in-secrets",
                "Project security policy (not Azure's): no plain (not secret) property holds private key material,"
                        + " CustomScript public settings above all (Azure stores and returns them in clear), nor a"
                        + " base64 or gzip script in one; a private key goes only in protectedSettings, as a Pulumi"
                        + " secret",
                "this project's security policy (docs/ssh-host-key.md); Azure/custom-script-extension-linux README"
                        + " (\"If your commandToExecute, script, or fileUris contain secrets, please use protected"
                        + " settings\"); PSRule for Azure Azure.VMSS.ScriptExtensions (settings are rendered in clear"
                        + " text)",
                "n/a (project policy; Azure accepts a key in public settings and shows it to every reader)",
                Basis.PROJECT_POLICY, KeyMaterialRules::onlyInSecrets));
    }

    private static void onlyInSecrets(ResourceGraph graph, Findings findings) {
        for (Registration registration : graph.registrations()) {
            walk(registration, "", registration.inputs(), findings);
        }
    }

    private static void walk(Registration owner, String path, Object value, Findings findings) {
        if (value instanceof Registration.SecretValue) {
            return; // where private keys belong
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> walk(owner, path.isEmpty() ? String.valueOf(key) : path + "." + key, child,
                    findings));
        } else if (value instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                walk(owner, path + "[" + index + "]", list.get(index), findings);
            }
        } else if (value instanceof String text && holdsKey(text, DEPTH)) {
            findings.add(owner, path, owner.name() + "'s plain property " + path + " holds private key material,"
                            + " which anyone who can read the resource (or the stack's state) sees",
                    "pass the key only inside a secret (Output.asSecret()), in the CustomScript extension's"
                            + " protectedSettings");
        }
    }

    static boolean holdsKey(String text, int depth) {
        if (MARKERS.stream().anyMatch(text::contains)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        Matcher run = BASE64_RUN.matcher(text);
        while (run.find()) {
            String decoded = decode(run.group());
            if (decoded != null && holdsKey(decoded, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The text a base64 run stands for (gunzipped when it is gzip), or null when it is no base64. */
    private static String decode(String run) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(run);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readNBytes(LARGEST_DECODED);
            } catch (IOException notGzip) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
