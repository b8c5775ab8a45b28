package io.github.dsvmpool.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line a user adds to {@code ~/.ssh/known_hosts} to trust the pool's host key (sshd(8) "SSH_KNOWN_HOSTS FILE
 * FORMAT": comma-separated host patterns, the key type, the base64 key, a comment). For each of the pool's
 * names (FQDN, IP address) it lists the name itself, which {@code ssh} looks up for port 22, and
 * {@code [name]:*}, which it matches for every other port ({@code ssh} looks up {@code [name]:port} for ports
 * other than 22; {@code *} is a wildcard in a pattern): the per-VM NAT ports, whatever their range becomes.
 * Checked with {@code ssh-keygen -F} against OpenSSH 9.2 (KnownHostsLineTest).
 */
public final class KnownHostsLine {
    /** Names that can stand in a pattern list as they are (no comma, space, wildcard, bracket or '!'). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]+");

    private KnownHostsLine() {
    }

    /**
     * @param publicKeyLine the host key, {@code ssh-ed25519 AAAA... [comment]}
     * @param hosts         the pool's DNS name and IP address; empty ones (not known yet) are left out
     * @return the known_hosts line, or "" when no host is known
     */
    public static String of(String publicKeyLine, List<String> hosts) {
        List<String> patterns = new ArrayList<>();
        for (String host : hosts) {
            if (host == null || host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("not a host name or address: " + host);
            }
            patterns.add(host);
            patterns.add("[" + host + "]:*");
        }
        return patterns.isEmpty() ? "" : String.join(",", patterns) + " " + publicKeyLine;
    }
}
