package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.EntraSettings;
import io.github.dsvmpool.config.HealthSettings;
import io.github.dsvmpool.config.ImageReference;
import io.github.dsvmpool.config.InstanceCounts;
import io.github.dsvmpool.config.LoadBalancerSettings;
import io.github.dsvmpool.config.NearestKey;
import io.github.dsvmpool.config.NetworkSettings;
import io.github.dsvmpool.config.MonitoringSettings;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.config.ScaleSetSettings;
import io.github.dsvmpool.config.SessionSettings;
import io.github.dsvmpool.config.SettingCatalog;
import io.github.dsvmpool.config.StorageKeySource;
import io.github.dsvmpool.config.StorageSettings;

import io.github.dsvmpool.plans.autoscale.AutoscaleSettingsValidator;
import io.github.dsvmpool.vm.IdleCuller;
import io.github.dsvmpool.vm.PerVmPorts;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks {@link PoolSettings} against Azure's limits; names each setting by its configuration key. */
public final class PoolSettingsValidator {
    static final Set<String> STORAGE_SKUS = Set.of("Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS",
            "Standard_GZRS", "Standard_RAGZRS", "Premium_LRS", "Premium_ZRS");
    static final Set<String> OS_DISK_TYPES = Set.of("Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS",
            "Premium_LRS", "Premium_ZRS");
    static final Set<String> UPGRADE_MODES = Set.of("Automatic", "Manual");
    static final int STANDARD_SHARE_MAX_GIB = 102_400;
    static final int PREMIUM_SHARE_MIN_GIB = 100;
    /** Uniform scale sets hold up to 1000 VMs (100 in a single placement group). */
    static final int MAX_INSTANCES = SettingCatalog.MAX_INSTANCE_COUNT.rangeOrThrow().max();

    private static final Pattern MOUNT_POINT = Pattern.compile("/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern ENDPOINT_SUFFIX = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern VM_SIZE = Pattern.compile("[A-Za-z]+_[A-Za-z0-9_-]+");
    private static final Pattern IMAGE_PART = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern IMAGE_VERSION = Pattern.compile("latest|\\d+\\.\\d+\\.\\d+");

    private PoolSettingsValidator() {
    }

    /**
     * Every problem with these settings, named by their configuration keys; the component refuses settings with
     * any problem before it declares anything.
     *
     * @param settings the pool's settings
     * @return the problems; empty when the settings are valid
     */
    public static List<Problem> problems(PoolSettings settings) {
        var problems = new Problems();
        if (settings.location() == null || !AzureNames.LOCATION.matcher(settings.location()).matches()) {
            problems.add("location", settings.location(), "an Azure region name such as westeurope (lowercase, no spaces)");
        }
        int max = checkInstanceCounts(settings.scaleSet().instanceCounts(), settings.autoscale().isPresent(), problems);
        if (max > 0) {
            settings.autoscale().ifPresent(schedule -> AutoscaleSettingsValidator.validate(schedule, max, problems));
        }
        checkNetwork(settings.network(), settings.production(), max, problems);
        checkLoadBalancer(settings.loadBalancer(), max, problems);
        checkOutbound(settings, max, problems);
        checkStorage(settings.storage(), problems);
        checkScaleSet(settings.scaleSet(), settings.operatingSystem(), problems);
        WindowsPoolValidator.checkSettings(settings, problems);
        checkHealth(settings.health(), settings.production(), problems);
        checkEntra(settings.entra(), problems);
        checkSessions(settings, problems);
        io.github.dsvmpool.plans.ZonePlan.check(settings.location(), settings.production(), settings.zones().zones(),
                problems);
        io.github.dsvmpool.plans.TrustedLaunchPlan.check(settings.trustedLaunch().enabled(),
                settings.scaleSet().vmSize(), settings.scaleSet().image(), problems);
        checkMonitoring(settings, problems);
        checkTags(settings, problems);
        return problems.list();
    }

    /** The session agent's knobs, with the agent's own ranges; checked whether or not protection is on. */
    private static void checkSessions(PoolSettings settings, Problems problems) {
        SessionSettings sessions = settings.sessions();
        between(problems, "sessions.idleMinutes", sessions.idleMinutes(), io.github.dsvmpool.vm.SessionAgent.MIN_IDLE_MINUTES,
                1440, " minutes (JupyterHub reports activity about every 5 minutes)");
        between(problems, "sessions.cpuSharePercent", sessions.cpuSharePercent(), 1, 100, " percent of one CPU");
        between(problems, "sessions.latestHour", sessions.latestHour(), 0, 23, " (a local hour)");
        between(problems, "sessions.resumeHour", sessions.resumeHour(), 0, 23, " (a local hour)");
        if (sessions.latestHour() == sessions.resumeHour()) {
            problems.add("sessions.resumeHour", sessions.resumeHour(), "an hour other than sessions.latestHour ("
                    + sessions.latestHour() + "): the hours between them are the evening without protection");
        }
        between(problems, "sessions.maxProtectedHours", sessions.maxProtectedHours(), 1, 24, " hours");
        if (settings.sessionTimeZone().isEmpty()) {
            String configured = sessions.timeZone().orElse(settings.autoscale()
                    .map(io.github.dsvmpool.config.autoscale.AutoscaleSettings::timeZone).orElse("UTC"));
            problems.add(sessions.timeZone().isPresent() ? "sessions.timeZone" : "sessions", configured,
                    "an IANA time zone (e.g. Europe/Berlin) or a Windows ID with a known IANA name"
                            + (sessions.timeZone().isPresent() ? "" : "; set sessions.timeZone, the schedule's"
                            + " time zone has none"));
        }
    }

    /**
     * The workspace's id by shape and the retention within Azure's bounds. No e-mail address is not a problem: the
     * alerts then have no action group and show in the portal's alert list only, so that production stacks of before
     * monitoring keep deploying.
     */
    private static void checkMonitoring(PoolSettings settings, Problems problems) {
        MonitoringSettings monitoring = settings.monitoring();
        monitoring.workspaceId().filter(id -> !MonitoringSettings.WORKSPACE_ID.matcher(id).matches())
                .ifPresent(id -> problems.add("logAnalyticsWorkspaceId", id, "a Log Analytics workspace's ARM id:"
                        + " /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/"
                        + "workspaces/<name> (4-63 letters, digits, hyphens)"));
        monitoring.retentionDays().ifPresent(days -> {
            SettingCatalog.LOG_RETENTION_DAYS.rangeOrThrow().check(SettingCatalog.LOG_RETENTION_DAYS.key(), days, problems);
            if (monitoring.workspaceId().isPresent()) {
                problems.add("logRetentionDays", days, "no value with logAnalyticsWorkspaceId: an existing"
                        + " workspace keeps its own retention");
            }
        });
    }

    private static void between(Problems problems, String key, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            problems.add(key, value, min + "-" + max + unit);
        }
    }

    /**
     * Returns the maximum if it is usable for sizing, else 0 so that dependent checks stay quiet. Without a
     * schedule the minimum is the floor of the one always-on profile, which must not be 0: at zero VMs there
     * is no CPU metric to scale out on. With a schedule, the schedule's profiles set the floors.
     */
    private static int checkInstanceCounts(InstanceCounts counts, boolean scheduled, Problems problems) {
        int max = counts.maximum();
        if (!SettingCatalog.MAX_INSTANCE_COUNT.rangeOrThrow().check(SettingCatalog.MAX_INSTANCE_COUNT.key(), max, problems)) {
            max = 0;
        }
        int floor = scheduled ? 0 : counts.minimum();
        if (!scheduled && (counts.minimum() < 1 || (max > 0 && counts.minimum() > max))) {
            problems.add("minInstanceCount", counts.minimum(), "1-maxInstanceCount (" + counts.maximum()
                    + "); to scale to zero off hours, set an autoscale schedule");
        }
        if (counts.initial() < Math.max(0, floor) || (max > 0 && counts.initial() > max)) {
            problems.add("initialInstanceCount", counts.initial(), (scheduled ? "0" : "minInstanceCount ("
                    + counts.minimum() + ")") + " to maxInstanceCount (" + counts.maximum() + ")");
        }
        return max;
    }

    private static void checkNetwork(NetworkSettings network, boolean production, int max, Problems problems) {
        var addressSpace = Ipv4Cidr.parse(network.addressSpace());
        var subnet = Ipv4Cidr.parse(network.subnetPrefix());
        if (addressSpace.isEmpty()) {
            problems.add("addressSpace", network.addressSpace(), cidrRule(network.addressSpace(), "10.0.0.0/16"));
        }
        if (subnet.isEmpty()) {
            problems.add("subnetPrefix", network.subnetPrefix(), cidrRule(network.subnetPrefix(), "10.0.0.0/24"));
        } else {
            if (addressSpace.isPresent() && !addressSpace.get().contains(subnet.get())) {
                problems.add("subnetPrefix", network.subnetPrefix(), "a block inside addressSpace (" + network.addressSpace() + ")");
            }
            if (max > 0 && !SubnetPlan.holds(subnet.get(), max)) {
                problems.add("subnetPrefix", network.subnetPrefix(), "a block holding maxInstanceCount (" + max
                        + ") VMs plus Azure's " + SubnetPlan.AZURE_RESERVED_ADDRESSES + " reserved addresses: /"
                        + SubnetPlan.longestPrefixFor(max) + " or larger");
            }
        }
        for (String range : network.allowedSourceRanges()) {
            var cidr = sourceRange(range);
            if (cidr == null) {
                String text = range == null ? "" : range.contains("/") ? range : range + "/32";
                problems.add("allowedSourceRanges", range, Ipv4Cidr.problem(text).orElse("not a CIDR block")
                        + " (IPv4 addresses or CIDR blocks such as 203.0.113.0/24)");
            } else if (cidr.isEverything()) {
                problems.add("allowedSourceRanges", range, "named ranges; to open the pool to the whole internet set"
                        + " allowOpenInternet: true instead (refused in production)");
            }
        }
        if (network.allowedSourceRanges().isEmpty() && !network.allowOpenInternet()) {
            problems.add("allowedSourceRanges", "[]", "at least one source range for SSH and JupyterHub, or"
                    + " allowOpenInternet: true to accept the whole internet (dev only)");
        }
        if (production && network.allowOpenInternet()) {
            problems.add("allowOpenInternet", true, "false when production is true: name the source ranges");
        }
    }

    /** What is wrong with a CIDR setting, then an example of a good one. */
    private static String cidrRule(String text, String example) {
        return Ipv4Cidr.problem(text).orElse("not a CIDR block") + " (an IPv4 CIDR block such as " + example
                + ", host bits zero)";
    }

    /** An address or CIDR; a bare address means that one host. */
    static Ipv4Cidr sourceRange(String range) {
        if (range == null) {
            return null;
        }
        String text = range.contains("/") ? range : range + "/32";
        return Ipv4Cidr.parse(text).orElse(null);
    }

    private static void checkLoadBalancer(LoadBalancerSettings lb, int max, Problems problems) {
        lb.dnsLabel().filter(label -> !AzureNames.DNS_LABEL.matcher(label).matches()).ifPresent(label ->
                problems.add("dnsLabel", label, "3-63 characters: lowercase letters, digits and hyphens, starting"
                        + " with a letter and ending with a letter or digit"));
        var rulePorts = lb.poolEntry()
                ? List.of(PerVmPorts.SSH_PORT, PerVmPorts.JUPYTERHUB_PORT) : List.<Integer>of();
        NatPortPlan.validate("sshNatFirstPort", lb.sshNatFirstPort(), "jupyterNatFirstPort", lb.jupyterNatFirstPort(),
                rulePorts, problems);
        SettingCatalog.IDLE_TIMEOUT_MINUTES.rangeOrThrow().check(SettingCatalog.IDLE_TIMEOUT_MINUTES.key(),
                lb.idleTimeoutMinutes(), problems);
    }

    /** Every accepted combination has an outbound design within Azure's SNAT arithmetic (see OutboundPlan). */
    private static void checkOutbound(PoolSettings settings, int max, Problems problems) {
        int ports = settings.outbound().portsPerVm();
        if (ports < OutboundPlan.MIN_PORTS_PER_VM || ports > OutboundPlan.MAX_PORTS_PER_VM
                || ports % OutboundPlan.PORT_BLOCK != 0) {
            problems.add("outboundPortsPerVm", ports, "a multiple of " + OutboundPlan.PORT_BLOCK + " from "
                    + OutboundPlan.MIN_PORTS_PER_VM + " to " + OutboundPlan.MAX_PORTS_PER_VM
                    + " (Azure allocates SNAT ports in blocks of 8)");
            return;
        }
        if (max > 0) {
            OutboundPlan.forPool(settings).refusal()
                    .ifPresent(reason -> problems.add("outboundPortsPerVm", ports, reason));
        }
    }

    private static void checkStorage(StorageSettings storage, Problems problems) {
        storage.accountName().filter(name -> !AzureNames.STORAGE_ACCOUNT.matcher(name).matches()).ifPresent(name ->
                problems.add("storageAccountName", name, "3-24 lowercase letters and digits, globally unique"));
        if (!STORAGE_SKUS.contains(storage.sku())) {
            problems.add("storageSku", storage.sku(), "one of " + sorted(STORAGE_SKUS));
        }
        if (storage.shareName() == null || !AzureNames.SHARE.matcher(storage.shareName()).matches()) {
            problems.add("shareName", storage.shareName(), "3-63 characters: lowercase letters, digits and single"
                    + " hyphens, starting and ending with a letter or digit");
        }
        int minQuota = storage.isPremium() ? PREMIUM_SHARE_MIN_GIB : 1;
        if (storage.shareQuotaGiB() < minQuota || storage.shareQuotaGiB() > STANDARD_SHARE_MAX_GIB) {
            problems.add("shareQuotaGiB", storage.shareQuotaGiB(), minQuota + "-" + STANDARD_SHARE_MAX_GIB + " GiB"
                    + (storage.isPremium() ? " (premium shares start at 100 GiB)" : ""));
        }
        if (storage.protocol() == ShareProtocol.NFS && !storage.isPremium()) {
            problems.add("shareProtocol", "NFS", "SMB, or NFS together with a Premium_LRS or Premium_ZRS storageSku");
        }
        SettingCatalog.SHARE_SOFT_DELETE_DAYS.rangeOrThrow().check(SettingCatalog.SHARE_SOFT_DELETE_DAYS.key(),
                storage.softDeleteDays(), problems);
        if (storage.mountPoint() == null || !MOUNT_POINT.matcher(storage.mountPoint()).matches()
                || storage.mountPoint().contains("/..") || storage.mountPoint().contains("/./")) {
            problems.add("mountPoint", storage.mountPoint(), "an absolute path of letters, digits, '.', '_', '-'"
                    + " and '/', such as /datamnt/dsvmshare");
        }
        if (storage.keySource().filter(StorageKeySource.KEY_VAULT::equals).isPresent()
                && storage.protocol() == ShareProtocol.NFS) {
            problems.add("storageKeySource", "keyVault", "extension (the default) for an NFS share: NFS mounts"
                    + " without a key, so there is nothing to keep in Key Vault");
        }
        storage.keyVaultName().filter(name -> !AzureNames.KEY_VAULT.matcher(name).matches()).ifPresent(name ->
                problems.add("keyVaultName", name, "3-24 characters: letters, digits and single hyphens, starting"
                        + " with a letter and ending with a letter or digit, globally unique"));
        if (storage.endpointSuffix() == null || !ENDPOINT_SUFFIX.matcher(storage.endpointSuffix()).matches()) {
            problems.add("storageEndpointSuffix", storage.endpointSuffix(), "a DNS suffix such as core.windows.net"
                    + " (public cloud) or core.chinacloudapi.cn");
        }
    }

    private static void checkScaleSet(ScaleSetSettings scaleSet, io.github.dsvmpool.config.OperatingSystemSettings system,
                                      Problems problems) {
        checkVmSize(scaleSet, problems);
        // A Windows pool's names follow Windows's rules instead (WindowsPoolValidator).
        if (!system.windows() && (scaleSet.computerNamePrefix() == null
                || !AzureNames.COMPUTER_NAME_PREFIX.matcher(scaleSet.computerNamePrefix()).matches())) {
            problems.add("computerNamePrefix", scaleSet.computerNamePrefix(), "1-9 characters: lowercase letters,"
                    + " digits and hyphens, starting with a letter and not ending with a hyphen");
        }
        if (!system.windows()) {
            Credentials.usernameProblems(scaleSet.adminUsername())
                    .forEach(allowed -> problems.add("adminUsername", scaleSet.adminUsername(), allowed));
        }
        var image = scaleSet.image();
        checkImagePart("imagePublisher", image.publisher(), problems);
        checkImagePart("imageOffer", image.offer(), problems);
        checkImagePart("imageSku", image.sku(), problems);
        if (image.version() == null || !IMAGE_VERSION.matcher(image.version()).matches()) {
            problems.add("imageVersion", image.version(), "latest, or a pinned version such as 24.01.15");
        }
        image.galleryImageId().ifPresent(id -> {
            if (!ImageReference.GALLERY_IMAGE_ID.matcher(id).matches()) {
                problems.add("imageId", id, "an Azure Compute Gallery image id: /subscriptions/<id>/resourceGroups/"
                        + "<group>/providers/Microsoft.Compute/galleries/<gallery>/images/<definition>"
                        + "[/versions/<x.y.z>]");
            }
            if (image.marketplaceChangedFrom(ImageReference.defaultFor(system.system()))) {
                problems.add("imageId", id, "either imageId or the marketplace keys (imagePublisher, imageOffer,"
                        + " imageSku, imageVersion), not both");
            }
        });
        scaleSet.plan().ifPresent(plan -> {
            checkImagePart("imagePlan.name", plan.name(), problems);
            checkImagePart("imagePlan.product", plan.product(), problems);
            checkImagePart("imagePlan.publisher", plan.publisher(), problems);
        });
        if (!OS_DISK_TYPES.contains(scaleSet.osDiskType())) {
            problems.add("osDiskType", scaleSet.osDiskType(), "one of " + sorted(OS_DISK_TYPES));
        } else if (VmSizes.isPremiumDisk(scaleSet.osDiskType())) {
            // Azure refuses a premium disk on a size without Premium Storage (InvalidParameter); see VmSizes.
            VmSizes.premiumStorage(scaleSet.vmSize()).filter(support -> !support.supported()).ifPresent(support ->
                    problems.add("osDiskType", scaleSet.osDiskType(), "StandardSSD_LRS, StandardSSD_ZRS or"
                            + " Standard_LRS: vmSize " + scaleSet.vmSize() + " has no Premium Storage (by "
                            + support.basis() + "); or a premium-capable size such as " + VmSizes.examples()));
        }
        if (scaleSet.provisioningRevision() == null || !REVISION.matcher(scaleSet.provisioningRevision()).matches()) {
            problems.add("provisioningRevision", scaleSet.provisioningRevision(), "1-32 letters, digits, '.', '_' or '-'");
        }
        int idle = scaleSet.notebookIdleTimeoutMinutes();
        if (idle != IdleCuller.OFF && (idle < IdleCuller.MIN_MINUTES || idle > IdleCuller.MAX_MINUTES)) {
            problems.add("notebookIdleTimeoutMinutes", idle, "0 (off) or " + IdleCuller.MIN_MINUTES + "-"
                    + IdleCuller.MAX_MINUTES + " minutes (activity reaches the hub only every few minutes)");
        }
        if (!UPGRADE_MODES.contains(scaleSet.upgradeMode())) {
            problems.add("upgradeMode", scaleSet.upgradeMode(), "one of " + sorted(UPGRADE_MODES));
        }
    }

    /** Azure's bounds for automatic repairs (Learn "Automatic instance repairs", AutomaticRepairsPolicy). */
    private static void checkHealth(HealthSettings health, boolean production, Problems problems) {
        var plan = HealthPlan.of(health, production);
        SettingCatalog.REPAIR_GRACE_PERIOD_MINUTES.rangeOrThrow().check(SettingCatalog.REPAIR_GRACE_PERIOD_MINUTES.key(),
                health.graceMinutes(), problems);
        if (!HealthPlan.REPAIR_ACTIONS.contains(health.repairAction())) {
            problems.add("repairAction", health.repairAction(), "one of " + HealthPlan.REPAIR_ACTIONS);
        }
        if (plan.repairs() && !plan.extension()) {
            problems.add("automaticRepairs", true, "false when healthExtension is false: repairs need the health"
                    + " extension as the scale set's one health source");
        }
    }

    /** Group object ids are GUIDs; a role assignment per group and role exists once (RoleAssignmentExists). */
    private static void checkEntra(EntraSettings entra, Problems problems) {
        checkGroups("entraAdminGroupObjectIds", entra.adminGroupObjectIds(), problems);
        checkGroups("entraUserGroupObjectIds", entra.userGroupObjectIds(), problems);
        boolean groups = !entra.adminGroupObjectIds().isEmpty() || !entra.userGroupObjectIds().isEmpty();
        if (entra.enabled() && !groups) {
            problems.add("entraLogin", true, "at least one Entra group in entraAdminGroupObjectIds or"
                    + " entraUserGroupObjectIds (without a role assignment nobody can log in with Entra ID)");
        }
        if (!entra.enabled() && groups) {
            problems.add("entraLogin", false, "true when Entra groups are configured (or remove the groups)");
        }
    }

    private static void checkGroups(String setting, List<String> ids, Problems problems) {
        var seen = new java.util.HashSet<String>();
        for (String id : ids) {
            if (id == null || !RoleAssignmentNames.GUID.matcher(id).matches()) {
                problems.add(setting, id, "Entra group object ids (GUIDs such as"
                        + " 6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f: az ad group show --group <name> --query id)");
            } else if (!seen.add(id.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(setting, id, "each group once");
            }
        }
    }

    /**
     * A size from the dated list, or, with vmSizeUnlisted, any name that follows Azure's naming convention: a
     * typo is caught up front instead of failing the deployment (SkuNotAvailable / InvalidParameter).
     */
    private static void checkVmSize(ScaleSetSettings scaleSet, Problems problems) {
        String size = scaleSet.vmSize();
        if (size == null || !VM_SIZE.matcher(size).matches()) {
            problems.add("vmSize", size, "an Azure VM size such as Standard_D2s_v3");
        } else if (VmSizes.find(size).isEmpty()) {
            if (!scaleSet.vmSizeUnlisted()) {
                // Two edits at most: a slip such as Standard_D2s_3, not an unrelated size.
                String nearest = VmSizes.all().keySet().stream()
                        .filter(name -> NearestKey.distance(size, name) <= 2)
                        .min(java.util.Comparator.comparingInt(name -> NearestKey.distance(size, name)))
                        .map(name -> "did you mean " + name + "? ").orElse("");
                problems.add("vmSize", size, nearest + "a size in the project's list (" + VmSizes.LIST_PATH + ", "
                        + VmSizes.SOURCE_SHORT + ", read " + VmSizes.READ + "), e.g. " + VmSizes.examples()
                        + "; for a size the list does not know yet, set vmSizeUnlisted: true");
            } else if (!VmSizes.followsNamingConvention(size)) {
                problems.add("vmSize", size, "with vmSizeUnlisted: true, a name that follows Azure's size naming"
                        + " convention: Standard_<family><vCPUs>[additive features][_<accelerator>][_v<version>],"
                        + " e.g. Standard_D4as_v6");
            }
        }
        // A Gen2 marketplace image on a size the list says runs Gen1 only fails at creation (Learn "Support for
        // generation 2 VMs on Azure": the size must support the image's generation). Gallery images and SKUs
        // that do not name their generation are not judged.
        var image = scaleSet.image();
        if (size != null && image.galleryImageId().isEmpty() && image.sku() != null
                && image.sku().toLowerCase(java.util.Locale.ROOT).contains("gen2")) {
            VmSizes.find(size).filter(listed -> !listed.generations().contains(2)).ifPresent(listed ->
                    problems.add("vmSize", size, "a size that runs Generation 2 VMs, as imageSku " + image.sku()
                            + " is a Gen2 image (" + size + " runs Generation " + listed.generations()
                            + " only per " + VmSizes.SOURCE_SHORT + "); or the Gen1 image of the same offer"));
        }
    }

    private static void checkImagePart(String setting, String value, Problems problems) {
        if (value == null || !IMAGE_PART.matcher(value).matches()) {
            problems.add(setting, value, "a non-empty marketplace identifier (letters, digits, '.', '_', '-')");
        }
    }

    private static void checkTags(PoolSettings settings, Problems problems) {
        if (settings.tags().size() > 50) {
            problems.add("tags", settings.tags().size() + " tags", "at most 50 tags");
        }
        settings.tags().forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 512 || key.matches(".*[<>%&\\\\?/].*")) {
                problems.add("tags", key, "tag names of 1-512 characters without < > % & \\ ? /");
            }
            if (value.length() > 256) {
                problems.add("tags." + key, value, "tag values of at most 256 characters");
            }
        });
    }

    private static List<String> sorted(Set<String> values) {
        var list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
