package io.github.dsvmpool.vm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * OpenSSH's encodings of an Ed25519 key, pure and without a library:
 * <ul>
 *   <li>the public key blob, {@code string "ssh-ed25519" || string key} (RFC 8709 section 4, with the SSH
 *       {@code string} of RFC 4251 section 5: a uint32 length, then the bytes);</li>
 *   <li>the public key line {@code ssh-ed25519 <base64 blob> [comment]} (sshd(8) "AUTHORIZED_KEYS FILE FORMAT",
 *       the form {@code ssh-keygen -y} prints);</li>
 *   <li>the fingerprint {@code SHA256:<base64 without padding>} of the blob, as {@code ssh-keygen -l} shows it;</li>
 *   <li>the unencrypted private key file, {@code openssh-key-v1} of OpenSSH's PROTOCOL.key, in its PEM armour
 *       {@code -----BEGIN OPENSSH PRIVATE KEY-----} with base64 lines of 70 characters as ssh-keygen writes them.
 *       Its two "check" integers are random in ssh-keygen (they detect a wrong passphrase); without a cipher any
 *       equal pair is valid, and here they come from the public key, so that one key always gives the same file
 *       (and the VMs' protected settings do not change on every update).</li>
 * </ul>
 */
final class OpenSshKeyFormat {
    static final String KEY_TYPE = "ssh-ed25519";
    static final String PRIVATE_KEY_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static final String PRIVATE_KEY_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    /** The block size of the "none" cipher: the private section is padded to a multiple of it. */
    private static final int BLOCK_SIZE = 8;
    private static final int LINE_LENGTH = 70;

    private OpenSshKeyFormat() {
    }

    static byte[] publicKeyBlob(byte[] publicKey) {
        var blob = new SshBuffer();
        blob.string(KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
        blob.string(publicKey);
        return blob.bytes();
    }

    static String publicKeyLine(byte[] publicKey, String comment) {
        String line = KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicKeyBlob(publicKey));
        return comment.isEmpty() ? line : line + " " + comment;
    }

    static String fingerprint(byte[] publicKey) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(publicKeyBlob(publicKey)));
    }

    /** The private key file's text, ending with a line break. Holds the private key: handle as a secret. */
    static String privateKeyFile(byte[] seed, byte[] publicKey, String comment) {
        byte[] digest = sha256(publicKeyBlob(publicKey));
        int check = ByteBuffer.wrap(digest, 0, 4).getInt();

        var secret = new SshBuffer();
        secret.uint32(check);
        secret.uint32(check);
        secret.string(KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
        secret.string(publicKey);
        byte[] both = new byte[seed.length + publicKey.length];
        System.arraycopy(seed, 0, both, 0, seed.length);
        System.arraycopy(publicKey, 0, both, seed.length, publicKey.length);
        secret.string(both);
        Arrays.fill(both, (byte) 0);
        secret.string(comment.getBytes(StandardCharsets.UTF_8));
        for (int pad = 1; secret.size() % BLOCK_SIZE != 0; pad++) {
            secret.raw(new byte[] {(byte) pad});
        }

        var file = new SshBuffer();
        file.raw(MAGIC);
        file.string("none".getBytes(StandardCharsets.US_ASCII)); // cipher
        file.string("none".getBytes(StandardCharsets.US_ASCII)); // kdf
        file.string(new byte[0]); // kdf options
        file.uint32(1); // one key
        file.string(publicKeyBlob(publicKey));
        byte[] section = secret.bytes();
        file.string(section);
        Arrays.fill(section, (byte) 0);

        String body = Base64.getEncoder().encodeToString(file.bytes());
        var text = new StringBuilder(PRIVATE_KEY_BEGIN).append('\n');
        for (int start = 0; start < body.length(); start += LINE_LENGTH) {
            text.append(body, start, Math.min(body.length(), start + LINE_LENGTH)).append('\n');
        }
        return text.append(PRIVATE_KEY_END).append('\n').toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The SSH wire types of RFC 4251 section 5 this class needs. */
    private static final class SshBuffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void uint32(int value) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
        }

        void string(byte[] value) {
            uint32(value.length);
            out.writeBytes(value);
        }

        void raw(byte[] value) {
            out.writeBytes(value);
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
