package io.github.dsvmpool.plans;

/**
 * SNAT ports per VM for the load balancer's outbound rule. A frontend IP offers 64,000 ports; Azure wants the
 * allocation in multiples of 8 and it must suffice for the pool at its maximum size.
 */
public final class SnatPlan {
    public static final int PORTS_PER_FRONTEND_IP = 64_000;
    public static final int PORT_GRANULARITY = 8;
    /** Below this, a VM running pip installs and git clones runs out of outbound connections quickly. */
    public static final int MINIMUM_USEFUL_PORTS = 64;
    /** Azure's own cap for one rule. */
    public static final int MAXIMUM_PORTS_PER_INSTANCE = 64_000;

    private SnatPlan() {
    }

    public static int allocatedOutboundPorts(int maxInstanceCount) {
        if (maxInstanceCount < 1) {
            throw new IllegalArgumentException("maxInstanceCount must be at least 1: " + maxInstanceCount);
        }
        int perInstance = PORTS_PER_FRONTEND_IP / maxInstanceCount;
        return Math.min(MAXIMUM_PORTS_PER_INSTANCE, perInstance - perInstance % PORT_GRANULARITY);
    }

    /** The largest pool one frontend IP can serve with at least {@link #MINIMUM_USEFUL_PORTS} ports each. */
    public static int largestPoolServed() {
        return PORTS_PER_FRONTEND_IP / MINIMUM_USEFUL_PORTS;
    }
}
