package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.OutboundSettings;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import java.util.Optional;

/**
 * How the pool's outbound traffic is served and sized, for every pool size from 1 to 1,000 VMs.
 *
 * <p>Learn "Source Network Address Translation (SNAT) for outbound connections": a load-balancer frontend IP
 * offers 64,000 SNAT ports, and every frontend port that a load-balancing or inbound NAT rule uses on that IP
 * takes a block of 8 of them; an outbound rule's {@code allocatedOutboundPorts} (a multiple of 8) times the
 * pool's largest size must fit in what is left, summed over its frontend IPs, else Azure answers
 * {@code SpecifiedAllocatedOutboundPortsForOutboundRuleExceedsTotalNumberOfAvailablePorts}. A NAT gateway
 * offers 64,512 ports per public IP, up to 16 (Learn "Azure NAT Gateway"), allocated on demand.
 *
 * @param type                the resolved type: {@link OutboundType#LOAD_BALANCER} or {@link OutboundType#NAT_GATEWAY}
 * @param sharesEntryFrontend the outbound rule uses the pool's entry address (no extra public IP)
 * @param publicIpCount       public IPs declared for outbound only (0 when sharing the entry address)
 * @param portsPerVm          SNAT ports per VM ({@code allocatedOutboundPorts} of the outbound rule)
 * @param portsNeeded         portsPerVm x the pool's maximum
 * @param portsAvailable      what the chosen addresses offer after the inbound rules' blocks
 */
public record OutboundPlan(OutboundType type, boolean sharesEntryFrontend, int publicIpCount, int portsPerVm,
                           long portsNeeded, long portsAvailable) {
    public static final int PORTS_PER_LOAD_BALANCER_IP = 64_000;
    public static final int PORTS_PER_NAT_GATEWAY_IP = 64_512;
    /** Each frontend port used by an inbound rule costs a block of this many SNAT ports. */
    public static final int PORT_BLOCK = 8;
    /** NAT gateway's limit; the same cap keeps the load-balancer design's address count (and cost) bounded. */
    public static final int MAX_PUBLIC_IPS = 16;
    public static final int MIN_PORTS_PER_VM = PORT_BLOCK;
    public static final int MAX_PORTS_PER_VM = PORTS_PER_LOAD_BALANCER_IP;
    /** Enough for pip installs and git clones of a busy notebook server; Azure's own default for small pools. */
    public static final int DEFAULT_PORTS_PER_VM = io.github.dsvmpool.config.SettingCatalog.OUTBOUND_PORTS_PER_VM.defaultOrThrow();

    /**
     * Frontend ports the inbound rules use on the entry address: the pool entry's two rules (SSH, JupyterHub)
     * and the two per-VM NAT rules' whole ranges ({@link NatPortPlan#PORTS_PER_RANGE} each, whatever the
     * pool's maximum).
     */
    public static int inboundFrontendPorts(boolean poolEntry) {
        return (poolEntry ? 2 : 0) + 2 * NatPortPlan.PORTS_PER_RANGE;
    }

    /** What the entry address offers an outbound rule after the inbound rules' 8-port blocks. */
    public static long entryAddressBudget(int inboundFrontendPorts) {
        return PORTS_PER_LOAD_BALANCER_IP - (long) PORT_BLOCK * inboundFrontendPorts;
    }

    /** The design for a pool at its {@code maxInstanceCount}, with the inbound ports its load balancer uses. */
    public static OutboundPlan forPool(PoolSettings pool) {
        int maximum = pool.scaleSet().instanceCounts().maximum();
        boolean entry = pool.loadBalancer().poolEntry();
        // A Windows pool's load balancer has one entry rule (RDP) and one per-VM range (WindowsAccessPlan).
        int inbound = pool.operatingSystem().windows() ? (entry ? 1 : 0) + NatPortPlan.PORTS_PER_RANGE
                : inboundFrontendPorts(entry);
        return of(pool.outbound(), maximum, inbound);
    }

    /** The design for {@code settings} at {@code maxInstanceCount} VMs; may need more than 16 addresses. */
    public static OutboundPlan of(OutboundSettings settings, int maxInstanceCount, int inboundFrontendPorts) {
        long needed = (long) settings.portsPerVm() * maxInstanceCount;
        long entryBudget = entryAddressBudget(inboundFrontendPorts);
        boolean entryFits = needed <= entryBudget;
        OutboundType type = settings.type() == OutboundType.AUTO
                ? (entryFits ? OutboundType.LOAD_BALANCER : OutboundType.NAT_GATEWAY) : settings.type();
        if (type == OutboundType.LOAD_BALANCER && entryFits) {
            return new OutboundPlan(type, true, 0, settings.portsPerVm(), needed, entryBudget);
        }
        int perAddress = type == OutboundType.NAT_GATEWAY ? PORTS_PER_NAT_GATEWAY_IP : PORTS_PER_LOAD_BALANCER_IP;
        int addresses = (int) Math.max(1, ceilDiv(needed, perAddress));
        return new OutboundPlan(type, false, addresses, settings.portsPerVm(), needed, (long) addresses * perAddress);
    }

    /** Why no outbound design serves the pool, naming what to change; empty when this plan can be deployed. */
    public Optional<String> refusal() {
        if (publicIpCount <= MAX_PUBLIC_IPS) {
            return Optional.empty();
        }
        return Optional.of(portsNeeded + " outbound ports (outboundPortsPerVm x maxInstanceCount) need "
                + publicIpCount + " public IPs with " + type + " outbound, more than the " + MAX_PUBLIC_IPS
                + " allowed; lower outboundPortsPerVm or maxInstanceCount, or choose outboundType natGateway"
                + " (64,512 ports per address)");
    }

    /** One line for reviewers, e.g. {@code load-balancer outbound rule on the entry address: 1024 ports/VM}. */
    public String describe() {
        String where = type == OutboundType.NAT_GATEWAY ? "NAT gateway with " + publicIpCount + " public IP(s)"
                : sharesEntryFrontend ? "load-balancer outbound rule on the entry address"
                : "load-balancer outbound rule on " + publicIpCount + " dedicated public IP(s)";
        return where + ": " + portsPerVm + " ports per VM, " + portsNeeded + " of " + portsAvailable + " available";
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
