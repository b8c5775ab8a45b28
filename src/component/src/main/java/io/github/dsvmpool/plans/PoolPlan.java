package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import java.util.List;
import java.util.Objects;

/**
 * Everything about one pool that follows from its settings, computed once before any resource is declared: names,
 * port ranges, outbound, Key Vault, health, Entra login, the scale set's identities, NSG rules and autoscale. The
 * component declares resources from it and decides nothing itself; what depends on Azure's answers (the
 * subscription's names, ids) is a function of those answers here too ({@link GlobalNames}).
 *
 * @param poolName          the pool's (component's) name
 * @param settings          the settings it follows from
 * @param loadBalancerName  unique within the resource group: the hash of project, stack and pool name
 * @param sshPorts          the per-VM SSH frontend ports
 * @param jupyterHubPorts   the per-VM JupyterHub frontend ports
 * @param outbound          how the VMs reach the internet
 * @param keyVault          where the VMs get the storage key
 * @param health            the health source and automatic repairs
 * @param entra             sign-in with Microsoft Entra ID
 * @param identity          the scale set's managed identities
 * @param sessionProtection whether the session agent runs and holds its role
 * @param securityRules     the NSG's rules
 * @param autoscale         the autoscale setting and the scale set's policy fields
 * @param configuredNames   the globally unique names the user chose
 * @param zones             the availability zones of the scale set and public IPs
 * @param trustedLaunch     the VMs' securityProfile
 * @param monitoring        what watches the pool and whom it tells
 * @param windowsAccess     a Windows pool's Remote Desktop entry, per-VM RDP ports and NSG rules; empty for Linux
 */
public record PoolPlan(String poolName, PoolSettings settings, String loadBalancerName, PortRange sshPorts,
                       PortRange jupyterHubPorts, OutboundPlan outbound, KeyVaultPlan keyVault, HealthPlan health,
                       EntraLoginPlan entra, IdentityPlan identity, boolean sessionProtection,
                       List<SecurityRulePlan> securityRules, AutoscalePlan autoscale,
                       GlobalNames.Configured configuredNames, ZonePlan zones, TrustedLaunchPlan trustedLaunch,
                       MonitoringPlan monitoring, java.util.Optional<WindowsAccessPlan> windowsAccess) {
    /**
     * The scale set's managed identities.
     *
     * @param keyReader      the user-assigned identity that reads the storage key from Key Vault (it exists, with its
     *                       role, before the first VM)
     * @param systemAssigned the system-assigned identity: Entra login's extension needs it, and the session agent
     *                       and the Azure Monitor Agent when there is no user-assigned one (an IMDS token needs an
     *                       identity on the VM)
     */
    public record IdentityPlan(boolean keyReader, boolean systemAssigned) {
        /** @return whether the scale set has any identity */
        public boolean any() {
            return keyReader || systemAssigned;
        }
    }

    /** Copies the rules. */
    public PoolPlan {
        Objects.requireNonNull(settings);
        securityRules = List.copyOf(securityRules);
    }

    /**
     * The plan of valid settings (validate first: {@link PoolSettingsValidator}).
     *
     * @param poolName the pool's name
     * @param project  the Pulumi project
     * @param stack    the Pulumi stack
     * @param settings the pool's settings
     * @return the plan
     */
    public static PoolPlan of(String poolName, String project, String stack, PoolSettings settings) {
        var keyVault = KeyVaultPlan.of(settings);
        var entra = EntraLoginPlan.of(settings.entra());
        boolean sessions = settings.sessionProtectionEnabled();
        boolean keyReader = KeyVaultPlan.holdsTheKey(settings);
        var monitoring = MonitoringPlan.of(settings);
        var identity = new IdentityPlan(keyReader, entra.enabled() || ((sessions || monitoring.enabled()) && !keyReader));
        var loadBalancer = settings.loadBalancer();
        // Windows: RDP instead of SSH and JupyterHub; the outbound deny of SSH/RDP into the network stays.
        var windowsAccess = settings.operatingSystem().windows()
                ? java.util.Optional.of(new WindowsAccessPlan(settings.operatingSystem().rdpNatFirstPort()))
                : java.util.Optional.<WindowsAccessPlan>empty();
        List<SecurityRulePlan> securityRules = windowsAccess.isPresent()
                ? java.util.stream.Stream.concat(WindowsAccessPlan.inboundRules(settings.network(),
                        loadBalancer.poolEntry()).stream(), windowsOutboundRules().stream()).toList()
                : SecurityRulePlan.rules(settings.network(), loadBalancer.poolEntry());
        return new PoolPlan(poolName, settings,
                AzureNames.loadBalancerName(poolName, project + "/" + stack + "/" + poolName),
                NatPortPlan.range(loadBalancer.sshNatFirstPort()), NatPortPlan.range(loadBalancer.jupyterNatFirstPort()),
                OutboundPlan.forPool(settings), keyVault, HealthPlan.of(settings), entra, identity, sessions,
                securityRules,
                AutoscalePlan.of(settings.schedule()), GlobalNames.Configured.of(settings), ZonePlan.of(settings),
                TrustedLaunchPlan.of(settings), monitoring, windowsAccess);
    }

    /**
     * The outbound deny of a Windows pool: also each VM's per-VM RDP port 3390, which the VM forwards to 3389, so
     * that a session on one VM cannot reach another VM's desktop through it.
     */
    static List<SecurityRulePlan> windowsOutboundRules() {
        return SecurityRulePlan.outboundRules().stream().map(rule -> new SecurityRulePlan(rule.name(),
                rule.direction(), rule.priority(), rule.allow(), rule.protocol(), rule.sourceTag(), rule.sourceRanges(),
                rule.destinationTag(), java.util.stream.Stream.concat(rule.destinationPorts().stream(),
                        java.util.stream.Stream.of(String.valueOf(WindowsAccessPlan.RDP_PER_VM_BACKEND_PORT))).toList(),
                rule.description())).toList();
    }

    /** @return whether the pool runs Windows (Remote Desktop) rather than Linux (SSH and JupyterHub) */
    public boolean windows() {
        return windowsAccess.isPresent();
    }

    /** @return whether the storage key is kept in Key Vault and read by the VMs' identity */
    public boolean keyInKeyVault() {
        return identity.keyReader();
    }
}
