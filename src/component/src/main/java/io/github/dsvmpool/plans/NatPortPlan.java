package io.github.dsvmpool.plans;

import io.github.dsvmpool.problems.Problems;
import java.util.List;

/**
 * The frontend port ranges of the two per-VM inbound NAT rules (V2). Each range is sized once for the largest
 * scale set Azure allows, plus headroom for replacements, and not for the pool's {@code maxInstanceCount}:
 * so raising or lowering the maximum later is one update that leaves the NAT rules untouched (a range sized
 * to the maximum had to be widened on a rule the scale set was using, a manual three-step job).
 * <ul>
 *   <li>Learn "Inbound NAT rules": "If the pre-defined frontend port range doesn't have a sufficient number of
 *       frontend ports available, scaling up the backend pool will be blocked" (a range smaller than the pool
 *       blocks scale-out).</li>
 *   <li>Learn "Working with large virtual machine scale sets": a Uniform scale set holds at most
 *       {@value #SCALE_SET_INSTANCE_LIMIT} VMs (with several placement groups, which this project always uses).</li>
 *   <li>Learn "Automatic instance repairs": at most 5% of the instances are repaired at a time, and a
 *       Replace repair creates the new VM before the old one is gone: {@value #REPLACEMENT_HEADROOM} more ports
 *       (5% of the limit) keep a repair at the ceiling from being blocked.</li>
 * </ul>
 * The cost: every frontend port an inbound rule uses takes a block of 8 SNAT ports from the same address
 * (Learn "SNAT for outbound connections"), {@code 2 x 1050 x 8 = 16,800} of the entry address's 64,000, which
 * {@link OutboundPlan} counts; no extra frontend or public IP is needed.
 */
public final class NatPortPlan {
    public static final int LOWEST_PORT = 1;
    /** REST spec InboundNatRulePropertiesFormat: frontendPortRangeStart/End "Acceptable values range from 1 to 65534". */
    public static final int HIGHEST_PORT = 65_534;
    /** The most VMs a Uniform scale set can hold (several placement groups). */
    public static final int SCALE_SET_INSTANCE_LIMIT = 1_000;
    /** 5% of {@link #SCALE_SET_INSTANCE_LIMIT}: the largest batch of automatic repairs at the limit. */
    public static final int REPLACEMENT_HEADROOM = SCALE_SET_INSTANCE_LIMIT / 20;
    /** Ports in each per-VM range, whatever the pool's maximum. */
    public static final int PORTS_PER_RANGE = SCALE_SET_INSTANCE_LIMIT + REPLACEMENT_HEADROOM;

    private NatPortPlan() {
    }

    /** The per-VM range starting at {@code firstPort}. */
    public static PortRange range(int firstPort) {
        return new PortRange(firstPort, firstPort + PORTS_PER_RANGE - 1);
    }

    /**
     * Checks both NAT ranges against port bounds, each other and the frontend ports of the LB rules.
     *
     * @param frontendRulePorts ports the load-balancing rules already use on the same frontend
     */
    public static void validate(String sshSetting, int sshFirstPort, String jupyterSetting, int jupyterFirstPort,
                                List<Integer> frontendRulePorts, Problems problems) {
        var ssh = checkBounds(sshSetting, sshFirstPort, problems);
        var jupyter = checkBounds(jupyterSetting, jupyterFirstPort, problems);
        if (ssh != null && jupyter != null && ssh.overlaps(jupyter)) {
            problems.add(jupyterSetting, jupyterFirstPort, "the JupyterHub NAT range " + jupyter
                    + " overlaps the SSH NAT range " + ssh + "; each range holds " + PORTS_PER_RANGE
                    + " ports (the scale set's limit of " + SCALE_SET_INSTANCE_LIMIT + " VMs and "
                    + REPLACEMENT_HEADROOM + " for replacements) and they must not overlap");
        }
        for (var range : new PortRange[] {ssh, jupyter}) {
            if (range == null) {
                continue;
            }
            String setting = range == ssh ? sshSetting : jupyterSetting;
            int first = range == ssh ? sshFirstPort : jupyterFirstPort;
            frontendRulePorts.stream().filter(range::contains).forEach(port -> problems.add(setting, first,
                    "the NAT range " + range + " takes in port " + port
                            + ", which a load-balancing rule already uses on the same frontend"));
        }
    }

    private static PortRange checkBounds(String setting, int firstPort, Problems problems) {
        long lastPort = (long) firstPort + PORTS_PER_RANGE - 1;
        if (firstPort < LOWEST_PORT || lastPort > HIGHEST_PORT) {
            problems.add(setting, firstPort, "a first port from " + LOWEST_PORT + " to "
                    + (HIGHEST_PORT - PORTS_PER_RANGE + 1) + ", so that the " + PORTS_PER_RANGE
                    + " per-VM ports fit below " + (HIGHEST_PORT + 1));
            return null;
        }
        return range(firstPort);
    }
}
