package io.github.dsvmpool.plans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Azure names every role assignment with a GUID (REST: {@code roleAssignmentName} "a GUID"; ARM answers
 * {@code InvalidRoleAssignmentId} otherwise), and a second assignment of the same role to the same principal at
 * the same scope is refused ({@code RoleAssignmentExists}). The names here are name-based UUIDs (version 5,
 * SHA-1, RFC 9562 section 5.5) of scope, role definition and principal: the same triple always gives the same
 * name, so an update never replaces an assignment, and no random provider is needed.
 */
public final class RoleAssignmentNames {
    /** A fixed namespace for this project's names (itself a v5 UUID of "dsvm-pool role assignments" in the URL namespace). */
    static final UUID NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "https://github.com/dsvm-pool/role-assignments");
    public static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RoleAssignmentNames() {
    }

    /** The assignment's name; scope and role are compared case-insensitively, as ARM compares ids. */
    public static String of(String scope, String roleDefinitionId, String principalId) {
        return v5(NAMESPACE, (scope + "|" + roleDefinitionId + "|" + principalId).toLowerCase(Locale.ROOT)).toString();
    }

    /** RFC 9562 UUID version 5. */
    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(toBytes(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int index = 0; index < 8; index++) {
            most = (most << 8) | (hash[index] & 0xff);
            least = (least << 8) | (hash[index + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int index = 0; index < 8; index++) {
            bytes[index] = (byte) (most >>> (56 - 8 * index));
            bytes[index + 8] = (byte) (least >>> (56 - 8 * index));
        }
        return bytes;
    }
}
