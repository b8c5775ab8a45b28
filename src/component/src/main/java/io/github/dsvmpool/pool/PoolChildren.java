package io.github.dsvmpool.pool;




import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.plans.GlobalNames;
import io.github.dsvmpool.plans.PortRange;
import io.github.dsvmpool.plans.PoolPlan;
import io.github.dsvmpool.vm.MountParameters;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.PerVmPorts;
import io.github.dsvmpool.vm.ProvisioningScript;
import io.github.dsvmpool.vm.SessionAgent;
import io.github.dsvmpool.vm.ShareProtocol;
import io.github.dsvmpool.vm.windows.WindowsMountParameters;
import io.github.dsvmpool.vm.windows.WindowsSessionAgent;
import io.github.dsvmpool.config.autoscale.TimeZones;
import com.pulumi.azurenative.compute.enums.ResourceIdentityType;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetIdentityArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's resources, declared as children of a component, and its outputs: the body of {@link DsvmPool}, also
 * used by the component package's {@code io.github.dsvmpool.provider.DsvmPool} so that a pool from another
 * language is one component with these children, as from Java (not a component holding a second one).
 */
public final class PoolChildren {
    /** The resource group holding the pool. */
    public final Output<String> resourceGroupName;
    /** The public IP address of the load balancer. */
    public final Output<String> publicIpAddress;
    /** The DNS name of the load balancer, e.g. {@code dsvm-dev-1a2b3c4d.westeurope.cloudapp.azure.com}. */
    public final Output<String> fqdn;
    /** JupyterHub through the pool entry (self-signed HTTPS). */
    public final Output<String> jupyterHubUrl;
    /** SSH to any available VM through the pool entry. */
    public final Output<String> sshCommand;
    /**
     * Frontend ports that reach one VM each for SSH (its port 2222), one per VM the pool may hold, e.g.
     * {@code 50000-51049}; which port is which VM: docs/operations.md, "Reaching the pool and one specific VM".
     */
    public final Output<String> sshNatPortRange;
    /** Frontend ports that reach one VM each for JupyterHub (its port 8443, redirected to 8000). */
    public final Output<String> jupyterHubNatPortRange;
    /** The share as a UNC path. */
    public final Output<String> shareUncPath;
    /** The storage account's Azure name (globally unique). */
    public final Output<String> storageAccountName;
    /** The scale set's Azure name. */
    public final Output<String> scaleSetName;
    /** The scale set's Azure resource id. */
    public final Output<String> scaleSetId;
    /**
     * The load balancer's Azure name, for the port-mapping query of the per-VM NAT rules:
     * {@code <poolName>-lb-<hash>}, the hash of project, stack and pool name (unique in a shared resource group).
     */
    public final Output<String> loadBalancerName;
    /** The VMs' local admin account. */
    public final Output<String> adminUsername;
    /** The public addresses the VMs' outbound traffic leaves from (for allow-lists elsewhere). */
    public final Output<List<String>> outboundIpAddresses;
    /** The admin account's password, given or generated: always a secret. */
    public final Output<String> adminPassword;
    /** The id of the subnet the VMs are on: the pool's own, or the existing one it joined. */
    public final Output<String> subnetId;
    /**
     * The pool's SSH host key, the same on every VM: {@code ssh-ed25519 AAAA... dsvm-pool-<poolName>}
     * (docs/ssh-host-key.md).
     */
    public final Output<String> sshHostPublicKey;
    /**
     * The line users add to {@code ~/.ssh/known_hosts} to trust the pool: its DNS name and address, on port 22 and
     * on every other port ({@code [name]:*}, the per-VM ports), with {@link #sshHostPublicKey}.
     */
    public final Output<String> sshKnownHostsLine;

    /** A Windows pool's entry ({@code <fqdn>:3389}) and its per-VM RDP ports; empty on Linux. */
    public final Output<String> remoteDesktopAddress;
    public final Output<String> rdpNatPortRange;
    private final boolean windows;

    /** The pools on this pool's subnet, for {@link ExistingNetwork#subnetOf(DsvmPool)}. */
    final SubnetShare subnetShare;

    /**
     * Validates the arguments (every problem at once, before any child) and declares the pool's resources.
     *
     * @param owner the component the resources belong to
     * @param name  the pool's name
     * @param args  the pool's settings and secrets
     * @return the outputs
     */
    public static PoolChildren declare(ComponentResource owner, String name, DsvmPoolArgs args) {
        return new PoolChildren(owner, name, args);
    }

    private PoolChildren(ComponentResource owner, String name, DsvmPoolArgs args) {
        PoolSettings settings = args.settings();
        new Problems().addAll(PoolArgsValidator.problems(name, args)).throwIfAny("DsvmPool '" + name + "'");
        PoolNames.declare(name);
        // Every decision is the plan's; what follows only declares resources from it.
        String project = Deployment.getInstance().getProjectName();
        String stack = Deployment.getInstance().getStackName();
        var plan = PoolPlan.of(name, project, stack, settings);

        var tags = new HashMap<>(settings.tags());
        tags.putIfAbsent("dsvm-pool", name);
        Output<String> groupName = args.resourceGroupName().orElseGet(() -> new ResourceGroup(name + "-rg",
                ResourceGroupArgs.builder().location(settings.location()).tags(tags).build(),
                // In production the group outlives a destroy with the retained account and share in it.
                CustomResourceOptions.builder().parent(owner).retainOnDelete(settings.production()).build()).name());
        var context = new PartContext(name, owner, groupName, settings.location(), Map.copyOf(tags),
                plan.zones());

        var storageSettings = settings.storage();
        var clientConfig = AuthorizationFunctions.getClientConfig();
        Output<String> subscriptionId = clientConfig.applyValue(GetClientConfigResult::subscriptionId);
        Output<String> tenantId = clientConfig.applyValue(GetClientConfigResult::tenantId);
        Output<GlobalNames> globalNames = subscriptionId.applyValue(subscription ->
                GlobalNames.of(name, project, stack, subscription, plan.configuredNames()));
        Output<String> accountName = globalNames.applyValue(GlobalNames::storageAccountName);
        int maxInstances = settings.scaleSet().instanceCounts().maximum();
        var lbSettings = settings.loadBalancer();
        PortRange sshRange = plan.sshPorts();
        PortRange jupyterRange = plan.jupyterHubPorts();
        var outboundPlan = plan.outbound();

        var outbound = new PoolOutbound(context, outboundPlan);
        var network = PoolSubnet.declare(context, settings, plan.securityRules(), args.network(), outbound.natGatewayId());
        var storage = new SharedStorage(context, storageSettings, accountName, settings.production(),
                network.subnetId());
        String loadBalancerName = plan.loadBalancerName();
        var loadBalancer = new PoolLoadBalancer(context, lbSettings,
                new PoolLoadBalancer.Layout(loadBalancerName,
                        globalNames.applyValue(GlobalNames::dnsLabel), sshRange, jupyterRange, outbound,
                        plan.windowsAccess()),
                subscriptionId);

        Output<MountParameters> mountParameters = accountName.applyValue(account -> new MountParameters(account,
                storageSettings.shareName(), storageSettings.mountPoint(), storageSettings.endpointSuffix(),
                settings.scaleSet().adminUsername(), storageSettings.protocol()));
        Optional<Output<String>> storageKey = storageSettings.protocol() == ShareProtocol.SMB
                ? Optional.of(storage.primaryKey(groupName)) : Optional.empty();
        Output<String> password = args.adminPassword().orElseGet(() -> AdminPassword.generate(context));
        // A Windows pool has no SSH, so no host key.
        Optional<PoolHostKey> hostKey = plan.windows() ? Optional.empty() : Optional.of(new PoolHostKey(context));
        var keyVaultPlan = plan.keyVault();
        Optional<KeyVaultStore> keyVault = plan.keyInKeyVault()
                ? Optional.of(new KeyVaultStore(context, keyVaultPlan,
                        globalNames.applyValue(GlobalNames::keyVaultName), subscriptionId, tenantId, storageKey.orElseThrow(),
                        network.subnetId()))
                : Optional.empty();
        var autoscalePlan = plan.autoscale();
        var health = plan.health();
        var entra = plan.entra();
        boolean sessions = plan.sessionProtection();
        var monitoring = plan.monitoring();
        var extensions = new ArrayList<VirtualMachineScaleSetExtensionArgs>();
        Optional<Output<String>> userData = Optional.empty();
        if (plan.windows()) {
            Output<WindowsMountParameters> windowsParameters = accountName.applyValue(account ->
                    new WindowsMountParameters(account, storageSettings.shareName(), storageSettings.endpointSuffix(),
                            settings.operatingSystem().shareDriveLetter()));
            // The session agent's token: the Key Vault reader's identity when there is one, as on Linux.
            Output<String> agentData = keyVault.map(store -> store.identity.clientId()).orElse(Output.of(""))
                    .applyValue(clientId -> WindowsSessionAgent.userData(windowsAgentSettings(settings, sessions,
                            clientId)));
            userData = Optional.of(agentData);
            // SMB only (the validator refuses NFS on Windows), so there is always a key.
            extensions.add(WindowsProvisioningExtension.of(windowsParameters,
                    keyVault.map(store -> store.reference(keyVaultPlan)), storageKey.orElseThrow(),
                    settings.scaleSet().provisioningRevision(), agentData));
            HealthExtension.windowsExtension(health).ifPresent(extensions::add);
            EntraLogin.windowsExtension(entra).ifPresent(extensions::add);
            MonitorAgentExtension.extension(monitoring, keyVault.map(store -> store.identity.id()))
                    .ifPresent(extensions::add);
        } else {
            linuxExtensions(extensions, settings, plan, loadBalancer, keyVault, mountParameters, storageKey,
                    hostKey.orElseThrow());
        }
        // Which identities: PoolPlan.IdentityPlan says why.
        boolean systemAssigned = plan.identity().systemAssigned();
        Optional<VirtualMachineScaleSetIdentityArgs> identity = keyVault.map(store -> {
            var userAssigned = VirtualMachineScaleSetIdentityArgs.builder()
                    .type(systemAssigned ? ResourceIdentityType.SystemAssigned_UserAssigned
                            : ResourceIdentityType.UserAssigned)
                    .userAssignedIdentities(store.identity.id().applyValue(List::of));
            return userAssigned.build();
        }).or(() -> systemAssigned
                ? Optional.of(VirtualMachineScaleSetIdentityArgs.builder().type(ResourceIdentityType.SystemAssigned)
                        .build())
                : Optional.empty());
        new EntraLogin(context, entra, subscriptionId);
        var scaleSet = new PoolScaleSet(context, settings.scaleSet(), autoscalePlan.scaleSet(),
                new PoolScaleSet.Wiring(network.subnetId(), loadBalancer.backendPoolIds(),
                        network.interfaceSecurityGroupId()),
                password, args.sshPublicKeys(),
                new PoolScaleSet.Extensions(extensions, HealthExtension.repairs(health), identity,
                        keyVault.map(KeyVaultStore::readyBeforeTheScaleSet).orElse(List.of()), userData),
                plan.trustedLaunch(), plan.windows());
        var autoscale = new PoolAutoscale(context, autoscalePlan, scaleSet.scaleSet.id());
        if (monitoring.enabled()) {
            new PoolMonitoring(context, monitoring, new PoolMonitoring.Watched(scaleSet.scaleSet.id(),
                    autoscale.setting.id(), keyVault.map(store -> store.vault.id())));
        }
        if (sessions) {
            Output<String> principalId = keyVault.map(store -> store.identity.principalId())
                    .orElseGet(() -> scaleSet.scaleSet.identity().applyValue(answered -> answered
                            .map(id -> id.principalId()).orElse("")));
            new SessionRole(context, subscriptionId, scaleSet.scaleSet.name(), principalId);
        }

        this.resourceGroupName = groupName;
        this.subnetId = network.subnetId();
        this.subnetShare = args.network().map(SubnetShare::of).orElseGet(() -> SubnetShare.own(name,
                settings.network().subnetPrefix(), maxInstances, outboundPlan.type() == OutboundType.NAT_GATEWAY));
        args.network().ifPresent(joined -> this.subnetShare.join(name, maxInstances));
        this.publicIpAddress = loadBalancer.publicIp.ipAddress().applyValue(ip -> ip.orElse(""));
        this.fqdn = loadBalancer.publicIp.dnsSettings()
                .applyValue(dns -> dns.flatMap(d -> d.fqdn()).orElse(""));
        // A Windows pool has neither SSH nor JupyterHub: those outputs are empty, its RDP ones are added below.
        this.windows = plan.windows();
        this.remoteDesktopAddress = plan.windowsAccess()
                .map(access -> Output.format("%s:%d", fqdn, access.entryRule().frontendPort())).orElse(Output.of(""));
        this.rdpNatPortRange = Output.of(plan.windowsAccess()
                .map(access -> access.perVmRule().frontendRange().toString()).orElse(""));
        this.jupyterHubUrl = plan.windows() ? Output.of("")
                : Output.format("https://%s:%d/", fqdn, PerVmPorts.JUPYTERHUB_PORT);
        this.sshCommand = plan.windows() ? Output.of("")
                : Output.format("ssh %s@%s", settings.scaleSet().adminUsername(), fqdn);
        this.sshNatPortRange = Output.of(plan.windows() ? "" : sshRange.toString());
        this.jupyterHubNatPortRange = Output.of(plan.windows() ? "" : jupyterRange.toString());
        this.shareUncPath = Output.format("\\\\%s.file.%s\\%s", storage.account.name(),
                storageSettings.endpointSuffix(), storageSettings.shareName());
        this.storageAccountName = storage.account.name();
        this.scaleSetName = scaleSet.scaleSet.name();
        this.scaleSetId = scaleSet.scaleSet.id();
        this.loadBalancerName = Output.of(loadBalancerName);
        this.adminUsername = Output.of(settings.scaleSet().adminUsername());
        this.outboundIpAddresses = outboundPlan.sharesEntryFrontend() ? publicIpAddress.applyValue(List::of)
                : Output.all(outbound.publicIps.stream()
                        .map(ip -> ip.ipAddress().applyValue(address -> address.orElse(""))).toList());
        this.adminPassword = password.asSecret();
        this.sshHostPublicKey = hostKey.map(key -> key.publicKeyLine).orElse(Output.of(""));
        this.sshKnownHostsLine = hostKey.map(key -> key.knownHostsLine(fqdn, publicIpAddress)).orElse(Output.of(""));

    }

    /** The Linux pool's extensions: the provisioning script, health, Entra SSH login and the monitoring agent. */
    private static void linuxExtensions(List<VirtualMachineScaleSetExtensionArgs> extensions, PoolSettings settings,
                                        PoolPlan plan, PoolLoadBalancer loadBalancer,
                                        Optional<KeyVaultStore> keyVault, Output<MountParameters> mountParameters,
                                        Optional<Output<String>> storageKey, PoolHostKey hostKey) {
        var keyVaultPlan = plan.keyVault();
        var health = plan.health();
        var entra = plan.entra();
        boolean sessions = plan.sessionProtection();
        var monitoring = plan.monitoring();
        // The session agent's token: the Key Vault reader's user-assigned identity when there is one (its client
        // id goes to the agent, so IMDS returns that identity's token even beside Entra login's system-assigned
        // one), else the scale set's system-assigned one, asked without client_id (Learn "How to use managed
        // identities for Azure resources on an Azure VM to acquire an access token": client_id optional, required
        // only with several user-assigned identities).
        Output<String> sessionIdentityClientId = keyVault.map(store -> store.identity.clientId()).orElse(Output.of(""));
        Output<MountScript> script = sessions
                ? Output.tuple(loadBalancer.publicIp.dnsSettings().applyValue(dns -> dns.flatMap(d -> d.fqdn()).orElse("")),
                        sessionIdentityClientId).applyValue(both -> ProvisioningScript.of(
                        settings.scaleSet().notebookIdleTimeoutMinutes(), Optional.of(sessionAgentSettings(settings,
                                both.t1, both.t2)), monitoring.enabled(), health.graceMinutes()))
                : Output.of(ProvisioningScript.of(settings.scaleSet().notebookIdleTimeoutMinutes(), Optional.empty(),
                        monitoring.enabled(), health.graceMinutes()));
        extensions.add(keyVault
                .map(store -> MountExtension.readingTheKeyFrom(store.reference(keyVaultPlan), mountParameters,
                        hostKey.key, settings.scaleSet().provisioningRevision(), script))
                .orElseGet(() -> MountExtension.of(mountParameters, storageKey, hostKey.key,
                        settings.scaleSet().provisioningRevision(), script)));
        HealthExtension.extension(health).ifPresent(extensions::add);
        EntraLogin.extension(entra).ifPresent(extensions::add);
        MonitorAgentExtension.extension(monitoring, keyVault.map(store -> store.identity.id()))
                .ifPresent(extensions::add);
    }

    /** The agent's settings from the pool's: the share's mount point, the pool's DNS name, the identity. */
    static SessionAgent.Settings sessionAgentSettings(PoolSettings settings, String fqdn, String identityClientId) {
        var knobs = settings.sessions();
        return new SessionAgent.Settings(knobs.idleMinutes(), knobs.cpuSharePercent(), knobs.latestHour(),
                knobs.resumeHour(), settings.sessionTimeZone().orElseThrow(), knobs.maxProtectedHours(),
                SessionAgent.DEFAULT_HUB_URL, settings.storage().mountPoint(), fqdn, identityClientId);
    }

    /**
     * The Windows agent's settings: the Linux agent's knobs, the zone as a Windows ID (what
     * {@code [TimeZoneInfo]::FindSystemTimeZoneById} takes; the schedule's own IDs are Windows IDs already).
     */
    static WindowsSessionAgent.Settings windowsAgentSettings(PoolSettings settings, boolean protection,
                                                             String identityClientId) {
        var knobs = settings.sessions();
        // Without protection the zone is unused (WindowsPoolValidator checks it only with protection on).
        String zone = settings.sessionTimeZone().flatMap(TimeZones::toWindows).orElse("UTC");
        return new WindowsSessionAgent.Settings(protection, knobs.idleMinutes(), knobs.cpuSharePercent(),
                knobs.latestHour(), knobs.resumeHour(), zone, knobs.maxProtectedHours(), identityClientId,
                settings.operatingSystem().shareDriveLetter());
    }

    /**
     * The outputs by their exported names, for {@code registerOutputs}.
     *
     * @return every output
     */
    public Map<String, Output<?>> outputs() {
        var outputs = new java.util.LinkedHashMap<String, Output<?>>(Map.ofEntries(
                Map.entry("resourceGroupName", resourceGroupName),
                Map.entry("publicIpAddress", publicIpAddress),
                Map.entry("fqdn", fqdn),
                Map.entry("jupyterHubUrl", jupyterHubUrl),
                Map.entry("sshCommand", sshCommand),
                Map.entry("sshNatPortRange", sshNatPortRange),
                Map.entry("jupyterHubNatPortRange", jupyterHubNatPortRange),
                Map.entry("shareUncPath", shareUncPath),
                Map.entry("storageAccountName", storageAccountName),
                Map.entry("scaleSetName", scaleSetName),
                Map.entry("scaleSetId", scaleSetId),
                Map.entry("loadBalancerName", loadBalancerName),
                Map.entry("adminUsername", adminUsername),
                Map.entry("outboundIpAddresses", outboundIpAddresses),
                Map.entry("adminPassword", adminPassword),
                Map.entry("subnetId", subnetId),
                Map.entry("sshHostPublicKey", sshHostPublicKey),
                Map.entry("sshKnownHostsLine", sshKnownHostsLine)));
        // Only a Windows pool has these, so a Linux pool's outputs stay as they were.
        if (windows) {
            outputs.put("remoteDesktopAddress", remoteDesktopAddress);
            outputs.put("rdpNatPortRange", rdpNatPortRange);
        }
        return Map.copyOf(outputs);
    }
}
