package io.github.dsvmpool.plans;

/** How many addresses the pool's subnet needs: one per VM plus the five Azure keeps in every subnet. */
public final class SubnetPlan {
    /** Azure reserves the network, gateway, two DNS and the broadcast addresses of every subnet. */
    public static final int AZURE_RESERVED_ADDRESSES = 5;
    /** Azure's smallest subnet is a /29. */
    public static final int SMALLEST_PREFIX = 29;

    private SubnetPlan() {
    }

    public static long usableAddresses(Ipv4Cidr subnet) {
        return Math.max(0, subnet.size() - AZURE_RESERVED_ADDRESSES);
    }

    public static boolean holds(Ipv4Cidr subnet, int maxInstanceCount) {
        return usableAddresses(subnet) >= maxInstanceCount;
    }

    /** The longest prefix (smallest subnet) that still holds {@code maxInstanceCount} VMs. */
    public static int longestPrefixFor(int maxInstanceCount) {
        int prefix = SMALLEST_PREFIX;
        while (prefix > 0 && (1L << (32 - prefix)) - AZURE_RESERVED_ADDRESSES < maxInstanceCount) {
            prefix--;
        }
        return prefix;
    }
}
