package io.github.dsvmpool.pool;

import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.plans.Ipv4Cidr;
import io.github.dsvmpool.plans.SubnetPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pools on one subnet and the VMs each may put there, so that a pool joining a subnet is refused when the
 * subnet cannot hold them all. Owned by the pool that declared the subnet; joined by the others.
 */
final class SubnetShare {
    /** The setting problems about the existing network are reported under. */
    static final String SETTING = "network";

    private final String prefix;
    private final boolean ownedByThisProgram;
    private final boolean natGateway;
    private final Map<String, Integer> maxima = new LinkedHashMap<>();

    private SubnetShare(String prefix, boolean ownedByThisProgram, boolean natGateway) {
        this.prefix = prefix;
        this.ownedByThisProgram = ownedByThisProgram;
        this.natGateway = natGateway;
    }

    /** The subnet a pool declared for itself. */
    static SubnetShare own(String poolName, String prefix, int maxInstances, boolean natGateway) {
        var share = new SubnetShare(prefix, true, natGateway);
        share.maxima.put(poolName, maxInstances);
        return share;
    }

    /** A subnet managed outside the program: only the pools of this program that join it are counted. */
    static SubnetShare external(String prefix) {
        return new SubnetShare(prefix, false, false);
    }

    /** The share of the pools on an existing network (the owning pool's, or the external subnet's). */
    static SubnetShare of(ExistingNetwork network) {
        return network.share;
    }

    String prefix() {
        return prefix;
    }

    boolean ownedByThisProgram() {
        return ownedByThisProgram;
    }

    /** Adds what keeps {@code poolName} from joining; joins nothing. */
    void checkJoin(String poolName, int maxInstances, boolean wantsNatGateway, Problems problems) {
        if (natGateway) {
            problems.add(SETTING, "subnet of pool '" + pools().get(0) + "'", "a subnet without"
                    + " a NAT gateway: the owner's NAT gateway would carry this pool's outbound traffic too, beyond"
                    + " the SNAT ports it was sized for (give the owner outboundType loadBalancer, or give this pool"
                    + " a network of its own)");
        }
        if (wantsNatGateway) {
            problems.add("outboundType", "natGateway (chosen for " + maxInstances + " VMs)", "loadBalancer, or"
                    + " auto within the entry address's SNAT budget: a pool on an existing subnet cannot attach a"
                    + " NAT gateway to it (raise outboundPortsPerVm's headroom by lowering it, or give the pool its"
                    + " own network)");
        }
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(prefix);
        if (cidr.isEmpty()) {
            problems.add(SETTING + ".subnetPrefix", prefix, "the existing subnet's IPv4 CIDR block, such as"
                    + " 10.0.0.0/24, host bits zero");
            return;
        }
        var pools = new ArrayList<String>();
        long total = 0;
        for (var entry : maxima.entrySet()) {
            pools.add(entry.getKey() + " (" + entry.getValue() + ")");
            total += entry.getValue();
        }
        pools.add(poolName + " (" + maxInstances + ")");
        total += maxInstances;
        if (total > Integer.MAX_VALUE || !SubnetPlan.holds(cidr.get(), (int) total)) {
            problems.add(SETTING + ".subnetPrefix", prefix, "a subnet holding the maxInstanceCount of every pool on"
                    + " it, " + String.join(" + ", pools) + " = " + total + " VMs, plus Azure's "
                    + SubnetPlan.AZURE_RESERVED_ADDRESSES + " reserved addresses: /"
                    + SubnetPlan.longestPrefixFor((int) Math.min(total, Integer.MAX_VALUE)) + " or larger"
                    + (ownedByThisProgram ? " (the owner's subnetPrefix)" : ""));
        }
    }

    /** Records the pool on the subnet, once it has been accepted. */
    void join(String poolName, int maxInstances) {
        maxima.put(poolName, maxInstances);
    }

    List<String> pools() {
        return List.copyOf(maxima.keySet());
    }
}
