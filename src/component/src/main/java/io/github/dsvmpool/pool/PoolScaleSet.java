package io.github.dsvmpool.pool;

import com.pulumi.azurenative.compute.VirtualMachineScaleSet;
import com.pulumi.azurenative.compute.VirtualMachineScaleSetArgs;
import com.pulumi.azurenative.compute.enums.CachingTypes;
import com.pulumi.azurenative.compute.enums.DiskCreateOptionTypes;
import com.pulumi.azurenative.compute.enums.OrchestrationMode;
import com.pulumi.azurenative.compute.enums.UpgradeMode;
import com.pulumi.azurenative.compute.inputs.ApiEntityReferenceArgs;
import com.pulumi.azurenative.compute.inputs.ImageReferenceArgs;
import com.pulumi.azurenative.compute.inputs.LinuxConfigurationArgs;
import com.pulumi.azurenative.compute.inputs.PlanArgs;
import com.pulumi.azurenative.compute.inputs.SkuArgs;
import com.pulumi.azurenative.compute.inputs.SshConfigurationArgs;
import com.pulumi.azurenative.compute.inputs.SshPublicKeyArgs;
import com.pulumi.azurenative.compute.inputs.SubResourceArgs;
import com.pulumi.azurenative.compute.inputs.UpgradePolicyArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionProfileArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetIPConfigurationArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetManagedDiskParametersArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetNetworkConfigurationArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetNetworkProfileArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetOSDiskArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetOSProfileArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetStorageProfileArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetVMProfileArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.ScaleSetSettings;
import io.github.dsvmpool.plans.TrustedLaunchPlan;
import io.github.dsvmpool.plans.ZonePlan;
import com.pulumi.azurenative.compute.enums.SecurityTypes;
import com.pulumi.azurenative.compute.inputs.SecurityProfileArgs;
import com.pulumi.azurenative.compute.inputs.UefiSettingsArgs;
import io.github.dsvmpool.plans.Credentials;
import io.github.dsvmpool.plans.autoscale.ScaleSetPolicyPlan;
import com.pulumi.azurenative.compute.enums.VirtualMachineEvictionPolicyTypes;
import com.pulumi.azurenative.compute.enums.VirtualMachinePriorityTypes;
import com.pulumi.azurenative.compute.enums.VirtualMachineScaleSetScaleInRules;
import com.pulumi.azurenative.compute.inputs.BillingProfileArgs;
import com.pulumi.azurenative.compute.inputs.ScaleInPolicyArgs;
import com.pulumi.azurenative.compute.inputs.ScheduledEventsProfileArgs;
import com.pulumi.azurenative.compute.inputs.TerminateNotificationProfileArgs;
import java.util.List;

/** The Uniform scale set of Data Science VMs, in the LB's entry pool and the pools of both per-VM NAT rules. */
final class PoolScaleSet {
    /**
     * Several placement groups for every pool: they hold up to 1,000 VMs (one holds 100), so changing
     * maxInstanceCount never flips the setting (Azure allows true to false only), and Learn "Use Spot VMs in
     * scale sets" strongly recommends it for Spot (capacity is found across more hardware). Learn "Working with
     * large virtual machine scale sets": it needs a Standard load balancer (this project's only kind); what it
     * gives up (InfiniBand between VMs of an HPC size) a shared interactive pool does not use.
     */
    static final boolean SINGLE_PLACEMENT_GROUP = false;
    /**
     * Autoscale owns the capacity after creation; a deployment must not reset it. Ignoring is not enough on its
     * own (Pulumi sends the ignored field's value from its state, and azure-native writes the whole scale set):
     * Pulumi.yaml's {@code options.refresh: always} brings the state up to date before every update.
     */
    static final String CAPACITY_PROPERTY = "sku.capacity";

    final VirtualMachineScaleSet scaleSet;

    /** References the scale set needs from the network and the load balancer. */
    record Wiring(Output<String> subnetId, List<Output<String>> backendPoolIds,
                  java.util.Optional<Output<String>> interfaceSecurityGroupId) {
        Wiring {
            backendPoolIds = List.copyOf(backendPoolIds);
        }

        /** The VMs on the pool's own subnet, guarded by the subnet's NSG. */
        Wiring(Output<String> subnetId, List<Output<String>> backendPoolIds) {
            this(subnetId, backendPoolIds, java.util.Optional.empty());
        }
    }

    /**
     * What the scale set carries besides its VMs: its extensions (the provisioning script first), automatic
     * repairs, and its identity.
     */
    record Extensions(List<VirtualMachineScaleSetExtensionArgs> extensions,
                      java.util.Optional<com.pulumi.azurenative.compute.inputs.AutomaticRepairsPolicyArgs> repairs,
                      java.util.Optional<com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetIdentityArgs> identity,
                      List<com.pulumi.resources.Resource> dependsOn, java.util.Optional<Output<String>> userData) {
        Extensions {
            extensions = List.copyOf(extensions);
            dependsOn = List.copyOf(dependsOn);
        }
    }

    PoolScaleSet(PartContext context, ScaleSetSettings settings, ScaleSetPolicyPlan policy, Wiring wiring,
                 Output<String> adminPassword, Output<List<String>> sshPublicKeys,
                 Extensions extras, TrustedLaunchPlan trustedLaunch, boolean windows) {
        var extensions = extras.extensions();
        var counts = settings.instanceCounts();
        var profile = withTrustedLaunch(vmProfile(settings, policy), trustedLaunch);
        // Only a Windows pool has userData (its session agent, WindowsSessionAgent): base64, at most 64 KB
        // (Learn "User Data for Azure Virtual Machine"); a Linux pool's model stays as it was.
        extras.userData().ifPresent(profile::userData);
        var args = VirtualMachineScaleSetArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .orchestrationMode(OrchestrationMode.Uniform)
                .sku(SkuArgs.builder()
                        .name(settings.vmSize())
                        .tier("Standard")
                        .capacity((double) counts.initial())
                        .build())
                // Extra VMs would appear and vanish, run the mount, and double the NAT ports needed.
                .overprovision(false)
                .singlePlacementGroup(SINGLE_PLACEMENT_GROUP)
                .upgradePolicy(UpgradePolicyArgs.builder().mode(UpgradeMode.valueOf(settings.upgradeMode())).build())
                .scaleInPolicy(ScaleInPolicyArgs.builder()
                        .rules(Either.ofRight(VirtualMachineScaleSetScaleInRules.valueOf(policy.scaleInRule()))).build())
                .virtualMachineProfile(profile
                        .storageProfile(storageProfile(settings))
                        .osProfile(windows ? windowsOsProfile(settings, adminPassword)
                                : osProfile(settings, adminPassword, sshPublicKeys))
                        .networkProfile(networkProfile(context, wiring))
                        .extensionProfile(VirtualMachineScaleSetExtensionProfileArgs.builder()
                                .extensions(extensions).build())
                        .build())
                .tags(context.tags());
        placeInZones(args, context.zones());
        extras.repairs().ifPresent(args::automaticRepairsPolicy);
        extras.identity().ifPresent(args::identity);
        settings.plan().ifPresent(plan -> args.plan(PlanArgs.builder()
                .name(plan.name()).product(plan.product()).publisher(plan.publisher()).build()));

        this.scaleSet = new VirtualMachineScaleSet(context.childName("vmss"), args.build(),
                context.options().ignoreChanges(CAPACITY_PROPERTY).dependsOn(extras.dependsOn()).build());
    }

    /**
     * The zones the VMs spread across; zoneBalance only with several (REST spec compute
     * {@code virtualMachineScaleSet.json}, zoneBalance: "can only be set if the zones property of the scale set
     * contains more than one zone"). platformFaultDomainCount is left to Azure: a zone-spanning Uniform scale set
     * takes 1 (max spreading, the default) or 5 (Learn "Choosing the right number of fault domains for Virtual
     * Machine Scale Set").
     */
    private static void placeInZones(VirtualMachineScaleSetArgs.Builder args, ZonePlan zones) {
        if (!zones.zonal()) {
            return;
        }
        args.zones(zones.scaleSetZones());
        if (zones.zoneBalance()) {
            args.zoneBalance(true);
        }
    }

    /**
     * Trusted Launch (Learn "Trusted Launch for Azure virtual machines": {@code securityType: TrustedLaunch} with
     * {@code uefiSettings}); left out when off, the scale set's state before Trusted Launch.
     */
    private static VirtualMachineScaleSetVMProfileArgs.Builder withTrustedLaunch(
            VirtualMachineScaleSetVMProfileArgs.Builder profile, TrustedLaunchPlan plan) {
        if (plan.enabled()) {
            profile.securityProfile(SecurityProfileArgs.builder()
                    .securityType(Either.ofRight(SecurityTypes.TrustedLaunch))
                    .uefiSettings(UefiSettingsArgs.builder()
                            .secureBootEnabled(plan.secureBoot()).vTpmEnabled(plan.vTpm()).build())
                    .build());
        }
        return profile;
    }

    /** Spot and the terminate notification, as the autoscale plan decided them. */
    private static VirtualMachineScaleSetVMProfileArgs.Builder vmProfile(ScaleSetSettings settings,
                                                                         ScaleSetPolicyPlan policy) {
        var profile = VirtualMachineScaleSetVMProfileArgs.builder()
                .priority(VirtualMachinePriorityTypes.valueOf(policy.priority()));
        if (policy.evictionPolicy() != null) {
            profile.evictionPolicy(VirtualMachineEvictionPolicyTypes.valueOf(policy.evictionPolicy()));
        }
        if (policy.maxPrice() != null) {
            profile.billingProfile(BillingProfileArgs.builder().maxPrice(policy.maxPrice()).build());
        }
        if (policy.terminateNotificationEnabled()) {
            profile.scheduledEventsProfile(ScheduledEventsProfileArgs.builder()
                    .terminateNotificationProfile(TerminateNotificationProfileArgs.builder()
                            .enable(true).notBeforeTimeout(policy.notBeforeTimeout()).build())
                    .build());
        }
        return profile;
    }

    private static VirtualMachineScaleSetStorageProfileArgs storageProfile(ScaleSetSettings settings) {
        var image = settings.image();
        return VirtualMachineScaleSetStorageProfileArgs.builder()
                .imageReference(image.galleryImageId()
                        .map(id -> ImageReferenceArgs.builder().id(id).build())
                        .orElseGet(() -> ImageReferenceArgs.builder().publisher(image.publisher())
                                .offer(image.offer()).sku(image.sku()).version(image.version()).build()))
                .osDisk(VirtualMachineScaleSetOSDiskArgs.builder()
                        .createOption(DiskCreateOptionTypes.FromImage)
                        .caching(CachingTypes.ReadWrite)
                        // No deleteOption: the REST spec documents it for Flexible orchestration only; a Uniform
                        // scale set's OS disks go with their instances anyway.
                        .managedDisk(VirtualMachineScaleSetManagedDiskParametersArgs.builder()
                                .storageAccountType(settings.osDiskType()).build())
                        .build())
                .build();
    }

    private static VirtualMachineScaleSetOSProfileArgs osProfile(ScaleSetSettings settings,
                                                                 Output<String> adminPassword,
                                                                 Output<List<String>> sshPublicKeys) {
        String authorizedKeys = "/home/" + settings.adminUsername() + "/.ssh/authorized_keys";
        var keys = sshPublicKeys.applyValue(list -> list.stream()
                .map(key -> SshPublicKeyArgs.builder().keyData(key).path(authorizedKeys).build())
                .toList());
        return VirtualMachineScaleSetOSProfileArgs.builder()
                .computerNamePrefix(settings.computerNamePrefix())
                .adminUsername(settings.adminUsername())
                .adminPassword(adminPassword)
                .linuxConfiguration(LinuxConfigurationArgs.builder()
                        // Off once the pool has keys (or as sshPasswordLogin says). The admin password is still set:
                        // JupyterHub logs users in through PAM with their Linux password, which is not SSH.
                        .disablePasswordAuthentication(sshPublicKeys.applyValue(list -> !Credentials.sshPasswordLogin(
                                settings.sshPasswordLogin(), !list.isEmpty())))
                        .provisionVMAgent(true)
                        .ssh(SshConfigurationArgs.builder().publicKeys(keys).build())
                        .build())
                .build();
    }

    /**
     * A Windows pool's OS profile: the admin account with its password (Azure requires one for Windows; no SSH
     * keys), the VM agent that runs the extensions, and Windows Update on. REST spec compute
     * {@code WindowsConfiguration}: {@code provisionVMAgent} (needed by every extension), {@code
     * enableAutomaticUpdates} ("Default value is true. For virtual machine scale sets, this property can be updated
     * and updates will take effect on OS reprovisioning"); {@code patchSettings.patchMode} is documented for
     * Flexible orchestration only, so a Uniform scale set leaves it out and Windows patches itself (AutomaticByOS).
     */
    private static VirtualMachineScaleSetOSProfileArgs windowsOsProfile(ScaleSetSettings settings,
                                                                        Output<String> adminPassword) {
        return VirtualMachineScaleSetOSProfileArgs.builder()
                .computerNamePrefix(settings.computerNamePrefix())
                .adminUsername(settings.adminUsername())
                .adminPassword(adminPassword)
                .windowsConfiguration(com.pulumi.azurenative.compute.inputs.WindowsConfigurationArgs.builder()
                        .provisionVMAgent(true)
                        .enableAutomaticUpdates(true)
                        .build())
                .build();
    }

    private static VirtualMachineScaleSetNetworkProfileArgs networkProfile(PartContext context, Wiring wiring) {
        var nic = VirtualMachineScaleSetNetworkConfigurationArgs.builder();
        // On a shared subnet the pool's own NSG guards its VMs' interfaces (the subnet's NSG is another pool's).
        wiring.interfaceSecurityGroupId().ifPresent(id -> nic.networkSecurityGroup(
                com.pulumi.azurenative.compute.inputs.SubResourceArgs.builder().id(id).build()));
        return VirtualMachineScaleSetNetworkProfileArgs.builder()
                .networkInterfaceConfigurations(nic
                        .name(context.childName("nic"))
                        .primary(true)
                        .ipConfigurations(VirtualMachineScaleSetIPConfigurationArgs.builder()
                                .name("ipconfig")
                                .primary(true)
                                .subnet(ApiEntityReferenceArgs.builder().id(wiring.subnetId()).build())
                                // The pool entry's pool and the per-VM NAT rules' pools; no v1 NAT pools.
                                .loadBalancerBackendAddressPools(wiring.backendPoolIds().stream()
                                        .map(id -> SubResourceArgs.builder().id(id).build()).toList())
                                .build())
                        .build())
                .build();
    }
}
