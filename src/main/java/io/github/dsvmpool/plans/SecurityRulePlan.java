package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.LoadBalancerSettings;
import io.github.dsvmpool.config.NetworkSettings;
import java.util.List;

/**
 * One inbound rule of the pool's NSG.
 *
 * @param destinationPort a port, or {@code *}
 * @param protocol        Tcp or {@code *}
 */
public record SecurityRulePlan(String name, int priority, boolean allow, String protocol,
                               List<String> sourcePrefixes, String destinationPort, String description) {

    /** Service tag Azure uses for the load balancer's health probes. */
    public static final String LOAD_BALANCER_TAG = "AzureLoadBalancer";
    public static final String INTERNET_TAG = "Internet";

    /**
     * The inbound rules: SSH and JupyterHub from the configured ranges only (NAT pools translate to these same
     * backend ports, so the rules cover them too), the LB probes, and an explicit deny of the rest of the
     * internet so that a later broad rule cannot slip in unnoticed below it.
     */
    public static List<SecurityRulePlan> inboundRules(NetworkSettings network) {
        List<String> sources = network.allowOpenInternet() ? List.of(INTERNET_TAG) : network.allowedSourceRanges();
        return List.of(
                new SecurityRulePlan("allow-ssh", 100, true, "Tcp", sources,
                        String.valueOf(LoadBalancerSettings.SSH_PORT), "SSH to the pool and to each VM"),
                new SecurityRulePlan("allow-jupyterhub", 110, true, "Tcp", sources,
                        String.valueOf(LoadBalancerSettings.JUPYTERHUB_PORT), "JupyterHub (HTTPS) on each VM"),
                new SecurityRulePlan("allow-load-balancer-probes", 120, true, "*", List.of(LOAD_BALANCER_TAG), "*",
                        "Health probes of the load balancer"),
                new SecurityRulePlan("deny-internet-inbound", 4096, false, "*", List.of(INTERNET_TAG), "*",
                        "Everything else from the internet"));
    }
}
