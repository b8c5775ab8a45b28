package io.github.dsvmpool.rules;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IP addresses and CIDR ranges as NSG rules take them, told apart from service tags and {@code *}. */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:/(\\d{1,3}))?");

    private Addresses() {
    }

    /** 4 or 6 for an IPv4 or IPv6 address or CIDR range, 0 for anything else (a tag, {@code *}, a typo). */
    static int family(String text) {
        if (text == null) {
            return 0;
        }
        String value = text.trim();
        Matcher v4 = IPV4.matcher(value);
        if (v4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(v4.group(octet)) > 255) {
                    return 0;
                }
            }
            return v4.group(5) == null || Integer.parseInt(v4.group(5)) <= 32 ? 4 : 0;
        }
        Matcher v6 = IPV6.matcher(value);
        if (v6.matches() && (v6.group(2) == null || Integer.parseInt(v6.group(2)) <= 128)) {
            try {
                // Only hex digits, colons and dots reach here: a literal, never a name to look up.
                return InetAddress.getByName(v6.group(1)) instanceof Inet6Address ? 6 : 0;
            } catch (UnknownHostException | IllegalArgumentException e) {
                return 0;
            }
        }
        return 0;
    }

    static boolean isAddressOrRange(String text) {
        return family(text) != 0;
    }
}
