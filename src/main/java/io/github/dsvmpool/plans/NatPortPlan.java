package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.Problems;
import java.util.List;

/**
 * The frontend port ranges of the two per-VM inbound NAT rules (V2): one port per VM the scale set may ever
 * hold, so that scale-out is never blocked for want of a port (Learn "Inbound NAT rules": "If the pre-defined
 * frontend port range doesn't have a sufficient number of frontend ports available, scaling up the backend pool
 * will be blocked").
 */
public final class NatPortPlan {
    public static final int LOWEST_PORT = 1;
    /** REST spec InboundNatRulePropertiesFormat: frontendPortRangeStart/End "Acceptable values range from 1 to 65534". */
    public static final int HIGHEST_PORT = 65_534;

    private NatPortPlan() {
    }

    /**
     * Ports the NAT rules must hold for {@code maxInstanceCount} VMs; overprovisioning (off in this project)
     * would double the need because the extra VMs take ports while they exist.
     */
    public static int portsNeeded(int maxInstanceCount, boolean overprovision) {
        return overprovision ? maxInstanceCount * 2 : maxInstanceCount;
    }

    public static PortRange range(int firstPort, int maxInstanceCount) {
        return new PortRange(firstPort, firstPort + portsNeeded(maxInstanceCount, false) - 1);
    }

    /**
     * Checks both NAT ranges against port bounds, each other and the frontend ports of the LB rules.
     *
     * @param frontendRulePorts ports the load-balancing rules already use on the same frontend
     */
    public static void validate(String sshSetting, int sshFirstPort, String jupyterSetting, int jupyterFirstPort,
                                int maxInstanceCount, List<Integer> frontendRulePorts, Problems problems) {
        if (maxInstanceCount < 1) {
            return; // reported by the instance-count checks
        }
        var ssh = checkBounds(sshSetting, sshFirstPort, maxInstanceCount, problems);
        var jupyter = checkBounds(jupyterSetting, jupyterFirstPort, maxInstanceCount, problems);
        if (ssh != null && jupyter != null && ssh.overlaps(jupyter)) {
            problems.add(jupyterSetting, jupyterFirstPort, "the JupyterHub NAT range " + jupyter
                    + " overlaps the SSH NAT range " + ssh + "; each range needs " + maxInstanceCount
                    + " ports (maxInstanceCount) and they must not overlap");
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

    private static PortRange checkBounds(String setting, int firstPort, int maxInstanceCount, Problems problems) {
        long lastPort = (long) firstPort + maxInstanceCount - 1;
        if (firstPort < LOWEST_PORT || lastPort > HIGHEST_PORT) {
            problems.add(setting, firstPort, "a first port from " + LOWEST_PORT + " to "
                    + (HIGHEST_PORT - maxInstanceCount + 1) + ", so that " + maxInstanceCount
                    + " ports (maxInstanceCount) fit below " + (HIGHEST_PORT + 1));
            return null;
        }
        return range(firstPort, maxInstanceCount);
    }
}
