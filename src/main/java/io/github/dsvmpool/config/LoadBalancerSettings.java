package io.github.dsvmpool.config;

import java.util.Optional;

/**
 * The public entry of the pool. {@code dnsLabel} empty means one derived from the stack; the NAT ranges start at
 * the given ports and hold one port per VM; {@code poolEntry} adds the SSH 22 and JupyterHub 8000 rules with
 * client-IP affinity that land a user on any available VM.
 */
public record LoadBalancerSettings(Optional<String> dnsLabel, int sshNatFirstPort, int jupyterNatFirstPort,
                                   boolean poolEntry, int idleTimeoutMinutes) {
    public static final int SSH_PORT = 22;
    public static final int JUPYTERHUB_PORT = 8000;
}
