package io.github.dsvmpool.config;

import java.util.Optional;

/**
 * The public entry of the pool. {@code dnsLabel} empty means one derived from the stack; the NAT ranges start at
 * the given ports and hold one port per VM (per-VM inbound NAT rules V2); {@code poolEntry} adds the SSH 22 and
 * JupyterHub 8000 rules with client-IP affinity that land a user on any available VM. The ports themselves are
 * decided in {@link io.github.dsvmpool.vm.PerVmPorts}.
 */
public record LoadBalancerSettings(Optional<String> dnsLabel, int sshNatFirstPort, int jupyterNatFirstPort,
                                   boolean poolEntry, int idleTimeoutMinutes) {
}
