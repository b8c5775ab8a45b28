package io.github.dsvmpool.config;

/**
 * How the pool's VMs reach the internet and Azure Files (TCP 445). A Standard public load balancer gives no
 * outbound access by default (Learn "Default outbound access"), so one of these is always declared.
 */
public enum OutboundType {
    /** The load balancer's outbound rule on the entry address while it can serve the pool, else a NAT gateway. */
    AUTO("auto"),
    /**
     * A load-balancer outbound rule: on the entry address while its SNAT budget holds the pool, else on
     * dedicated outbound public IPs (64,000 ports each). No charge beyond the rule and the extra addresses.
     */
    LOAD_BALANCER("loadBalancer"),
    /** A NAT gateway on the pool's subnet with 1-16 public IPs (64,512 ports each), Azure's choice at scale. */
    NAT_GATEWAY("natGateway");

    private final String configName;

    OutboundType(String configName) {
        this.configName = configName;
    }

    /** The value of the {@code outboundType} setting. */
    @Override
    public String toString() {
        return configName;
    }
}
