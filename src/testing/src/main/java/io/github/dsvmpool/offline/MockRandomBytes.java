package io.github.dsvmpool.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the random provider would answer for a {@code RandomBytes} under the mock engine: {@code length} bytes
 * (32 when not given) in base64 and hex. Derived from the logical name with SHA-256 in counter mode, so the same
 * program gives the same bytes on every run and two resources get different ones. Not random: mocks only.
 */
final class MockRandomBytes {
    private MockRandomBytes() {
    }

    static Map<String, Object> outputs(String name, Map<String, Object> inputs) {
        int length = inputs.get("length") instanceof Number value ? value.intValue() : 32;
        byte[] bytes = bytes(name, length);
        return Map.of("base64", Base64.getEncoder().encodeToString(bytes), "hex", HexFormat.of().formatHex(bytes));
    }

    static byte[] bytes(String name, int length) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        byte[] result = new byte[Math.max(0, length)];
        for (int block = 0, done = 0; done < result.length; block++) {
            sha256.update(("mock-random-bytes/" + block + "/" + name).getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest();
            int take = Math.min(digest.length, result.length - done);
            System.arraycopy(digest, 0, result, done, take);
            done += take;
        }
        return result;
    }
}
