package io.github.dsvmpool.vm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pool's one SSH host key, an Ed25519 key pair derived from a 32-byte seed (the random provider's
 * {@code RandomBytes}, kept in the stack's state as a secret). Every VM installs the same key, so a user's
 * {@code known_hosts} holds across VMs, scale-in, the nightly scale to zero and reimages.
 *
 * <p>The public half ({@link #publicKeyLine}, {@link #fingerprint}) is public. The private key file
 * ({@link #privateKeyFile}) must only travel as a secret: {@link #toString} never shows it.
 */
public final class SshHostKey {
    /** What a comment may hold: it ends up in a known_hosts line and a shell variable. */
    private static final Pattern COMMENT = Pattern.compile("[A-Za-z0-9@._:-]{0,64}");

    private final String publicKeyLine;
    private final String fingerprint;
    private final String privateKeyFile;

    private SshHostKey(String publicKeyLine, String fingerprint, String privateKeyFile) {
        this.publicKeyLine = publicKeyLine;
        this.fingerprint = fingerprint;
        this.privateKeyFile = privateKeyFile;
    }

    /**
     * The key pair of a 32-byte seed (the Ed25519 private key itself, RFC 8032 section 5.1.5).
     *
     * @param comment e.g. {@code dsvm-pool-analytics}: letters, digits and {@code @._:-}, at most 64
     */
    public static SshHostKey fromSeed(byte[] seed, String comment) {
        Objects.requireNonNull(seed, "seed");
        if (comment == null || !COMMENT.matcher(comment).matches()) {
            throw new IllegalArgumentException("a host key comment has at most 64 letters, digits and @._:-");
        }
        byte[] publicKey = Ed25519.publicKey(seed);
        return new SshHostKey(OpenSshKeyFormat.publicKeyLine(publicKey, comment),
                OpenSshKeyFormat.fingerprint(publicKey), OpenSshKeyFormat.privateKeyFile(seed, publicKey, comment));
    }

    /** {@link #fromSeed} of a seed in standard base64 (the {@code base64} output of {@code RandomBytes}). */
    public static SshHostKey fromBase64Seed(String seed, String comment) {
        Objects.requireNonNull(seed, "seed");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(seed);
        } catch (IllegalArgumentException e) {
            // The message of the decoder could quote the secret: say only what is wrong.
            throw new IllegalArgumentException("the host key seed is not base64");
        }
        return fromSeed(bytes, comment);
    }

    /** {@code ssh-ed25519 AAAA... comment}: the line {@code ssh-keygen -y} prints for the private key file. */
    public String publicKeyLine() {
        return publicKeyLine;
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -l} and {@code ssh} show it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The OpenSSH private key file (PEM armour, unencrypted, mode 0600 on a VM). A secret. */
    public String privateKeyFile() {
        return privateKeyFile;
    }

    /** {@link #privateKeyFile} in base64 on one line, for a shell variable. A secret. */
    public String privateKeyFileBase64() {
        return Base64.getEncoder().encodeToString(privateKeyFile.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SshHostKey[" + fingerprint + ", private key not shown]";
    }
}
