package io.github.dsvmpool.config;

import java.util.Optional;

/**
 * The public entry of the pool. {@code dnsLabel} empty means one derived from the stack; the NAT ranges start at
 * the given ports and hold one port per VM (per-VM inbound NAT rules V2); {@code poolEntry} adds the SSH 22 and
 * JupyterHub 8000 rules with client-IP affinity that land a user on any available VM. The ports themselves are
 * decided in {@code io.github.dsvmpool.vm.PerVmPorts}.
 *
 * @param dnsLabel            3-63 characters: lowercase letters, digits, hyphens, starting with a letter; empty
 *                            (default) derives {@code <poolName>-<hash>} from project, stack and pool name
 * @param sshNatFirstPort     first frontend port of the per-VM SSH range, default 50000; the whole range of
 *                            {@code maxInstanceCount} ports within 1-65534, not overlapping the other range or 22/8000
 * @param jupyterNatFirstPort first frontend port of the per-VM JupyterHub range, default 52000; same limits
 * @param poolEntry           the load-balancing rules 22 and 8000 with client-IP affinity; default true
 * @param idleTimeoutMinutes  idle timeout of the entry and per-VM rules, 4-30, default 30
 */
public record LoadBalancerSettings(Optional<String> dnsLabel, int sshNatFirstPort, int jupyterNatFirstPort,
                                   boolean poolEntry, int idleTimeoutMinutes) {
}
