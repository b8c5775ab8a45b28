package io.github.dsvmpool.plans;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 network in CIDR notation; parsing is strict so that typos are caught before Azure sees them. */
public record Ipv4Cidr(long networkAddress, int prefixLength) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32: " + prefixLength);
        }
        if ((networkAddress & ~mask(prefixLength) & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException("host bits set for /" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when malformed or when host bits are set (10.0.0.1/24). */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int octet = 1; octet <= 4; octet++) {
            int value = Integer.parseInt(matcher.group(octet));
            if (value > 255) {
                return Optional.empty();
            }
            address = (address << 8) | value;
        }
        int prefix = Integer.parseInt(matcher.group(5));
        if (prefix > 32 || (address & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Cidr(address, prefix));
    }

    /**
     * What is wrong with {@code text} as a CIDR block, in words, or empty when {@link #parse} accepts it: not an
     * address, an octet above 255, a prefix length above 32, or host bits set (with the block it probably means).
     */
    public static Optional<String> problem(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return Optional.of("not a CIDR block: no prefix length (write a.b.c.d/n)");
        }
        String address = trimmed.substring(0, slash);
        String prefix = trimmed.substring(slash + 1);
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.of("not an IPv4 address: '" + address + "' is not four numbers joined by dots");
        }
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return Optional.of("not an IPv4 address: " + octet + " is above 255");
            }
        }
        if (!prefix.matches("\\d{1,2}") || Integer.parseInt(prefix) > 32) {
            return Optional.of("prefix length '" + prefix + "' is not 0-32");
        }
        if (parse(trimmed).isEmpty()) {
            int length = Integer.parseInt(prefix);
            long value = 0;
            for (String octet : address.split("\\.")) {
                value = (value << 8) | Integer.parseInt(octet);
            }
            Ipv4Cidr block = new Ipv4Cidr(value & mask(length), length);
            return Optional.of("host bits set: " + address + " is inside " + block + ", whose network address is "
                    + block.toString().substring(0, block.toString().indexOf('/')) + "; write " + block);
        }
        return Optional.empty();
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public long lastAddress() {
        return networkAddress + size() - 1;
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && other.networkAddress >= networkAddress
                && other.lastAddress() <= lastAddress();
    }

    public boolean overlaps(Ipv4Cidr other) {
        return networkAddress <= other.lastAddress() && other.networkAddress <= lastAddress();
    }

    /** True for ranges that take in a public address, which matters for "open internet" checks. */
    public boolean isEverything() {
        return prefixLength == 0;
    }

    @Override
    public String toString() {
        return (networkAddress >>> 24) + "." + ((networkAddress >>> 16) & 255) + "." + ((networkAddress >>> 8) & 255)
                + "." + (networkAddress & 255) + "/" + prefixLength;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
