package io.github.dsvmpool.config;


import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every plain (non-secret) decision about one pool, with secure defaults. Pure: no Pulumi types, so it can be
 * validated and tested without an engine. Build with {@link #builder()}: its method names are the stack
 * configuration keys, and its javadoc gives each default and limit.
 *
 * @param location     the Azure region; required
 * @param production   protects and retains the storage; default false
 * @param network      address space, subnet and who may connect
 * @param loadBalancer the public entry and per-VM port ranges
 * @param outbound     how the VMs reach the internet
 * @param storage      the shared Azure Files workspace
 * @param scaleSet     the VMs: size, image, admin account, counts
 * @param health       the health source and automatic repairs; defaults follow {@code production}
 * @param entra        sign-in with Microsoft Entra ID over SSH; default off
 * @param autoscale    the team's week; empty for one always-on profile
 * @param sessionProtection whether VMs in use protect themselves from scale-in; default as {@code production}
 * @param sessions     the session agent's knobs; default the agent's (docs/sessions.md)
 * @param zones        the VMs' availability zones; default the region's in production, none elsewhere
 * @param trustedLaunch Secure Boot and vTPM on the VMs; default on
 * @param monitoring   the Azure Monitor Agent, alerts and where logs go; default on in production
 * @param operatingSystem Linux (default) or Windows, and what only Windows uses
 * @param tags         Azure tags on every resource; default none
 */
public record PoolSettings(String location, boolean production, NetworkSettings network,
                           LoadBalancerSettings loadBalancer, OutboundSettings outbound, StorageSettings storage,
                           ScaleSetSettings scaleSet, HealthSettings health, EntraSettings entra,
                           Optional<AutoscaleSettings> autoscale, Optional<Boolean> sessionProtection,
                           SessionSettings sessions, ZoneSettings zones, TrustedLaunchSettings trustedLaunch,
                           MonitoringSettings monitoring, OperatingSystemSettings operatingSystem,
                           Map<String, String> tags) {

    /**
     * Copies the tags; validation is {@code PoolSettingsValidator}'s job (package plans).
     *
     * @param location     see the record component {@code location}
     * @param production   see the record component {@code production}
     * @param network      see the record component {@code network}
     * @param loadBalancer see the record component {@code loadBalancer}
     * @param outbound     see the record component {@code outbound}
     * @param health       see the record component {@code health}
     * @param entra        see the record component {@code entra}
     * @param storage      see the record component {@code storage}
     * @param scaleSet     see the record component {@code scaleSet}
     * @param autoscale    see the record component {@code autoscale}
     * @param sessionProtection see the record component {@code sessionProtection}
     * @param sessions     see the record component {@code sessions}
     * @param zones        see the record component {@code zones}
     * @param trustedLaunch see the record component {@code trustedLaunch}
     * @param monitoring   see the record component {@code monitoring}
     * @param operatingSystem see the record component {@code operatingSystem}
     * @param tags         see the record component {@code tags}
     */
    public PoolSettings {
        tags = Map.copyOf(tags);
    }

    /**
     * The team's week. Empty means one always-on profile from {@code minInstanceCount},
     * {@code initialInstanceCount} and {@code maxInstanceCount}; with a schedule, the schedule's profiles set the
     * counts and {@code minInstanceCount} is not used.
     *
     * @return the configured schedule, if any
     */
    public Optional<AutoscaleSettings> autoscale() {
        return autoscale;
    }

    /**
     * The week the pool follows: the configured schedule, or the one always-on profile from the counts.
     *
     * @return the schedule the autoscale setting is planned from
     */
    public AutoscaleSettings schedule() {
        return autoscale.orElseGet(() -> AlwaysOnSchedule.of(scaleSet.instanceCounts()));
    }

    /**
     * Whether the session agent runs on the VMs and the VMs' identity holds its role: {@code sessionProtection},
     * by default on in production. Off: the provisioning script and the graph of before the agent.
     *
     * @return true when VMs in use protect themselves from scale-in
     */
    public boolean sessionProtectionEnabled() {
        return sessionProtection.orElse(production);
    }

    /**
     * The IANA time zone of the session agent's hours: {@code sessions.timeZone} (a Windows ID translated), else the
     * schedule's time zone; empty when no IANA name is known for it (a validation problem).
     *
     * @return the IANA name, e.g. {@code Europe/Berlin}
     */
    public Optional<String> sessionTimeZone() {
        // The always-on profile is in UTC; schedule() would throw on bad counts, which validation reports itself.
        String configured = sessions.timeZone().orElse(autoscale.map(AutoscaleSettings::timeZone).orElse("UTC"));
        if (configured.matches("[A-Za-z_]+(/[A-Za-z0-9_+-]+)+")) {
            try {
                java.time.ZoneId.of(configured);
                return Optional.of(configured);
            } catch (java.time.DateTimeException notAZone) {
                return Optional.empty();
            }
        }
        return io.github.dsvmpool.config.autoscale.TimeZones.toIana(configured);
    }

    /**
     * Starts settings with every default of the configuration reference (docs/configuration.md).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the settings; the method names are the stack configuration keys. The literal defaults are
     * {@link SettingCatalog}'s, which also generates the configuration reference, docs/configuration.md.
     */
    public static final class Builder {
        private String location;
        private boolean production = SettingCatalog.PRODUCTION.defaultOrThrow();
        private String addressSpace = SettingCatalog.ADDRESS_SPACE.defaultOrThrow();
        private String subnetPrefix = SettingCatalog.SUBNET_PREFIX.defaultOrThrow();
        private List<String> allowedSourceRanges = List.of();
        private boolean allowOpenInternet = SettingCatalog.ALLOW_OPEN_INTERNET.defaultOrThrow();
        private Optional<String> dnsLabel = Optional.empty();
        private int sshNatFirstPort = SettingCatalog.SSH_NAT_FIRST_PORT.defaultOrThrow();
        private int jupyterNatFirstPort = SettingCatalog.JUPYTER_NAT_FIRST_PORT.defaultOrThrow();
        private boolean poolEntry = SettingCatalog.POOL_ENTRY.defaultOrThrow();
        private int idleTimeoutMinutes = SettingCatalog.IDLE_TIMEOUT_MINUTES.defaultOrThrow();
        private OutboundType outboundType = SettingCatalog.OUTBOUND_TYPE.defaultOrThrow();
        private int outboundPortsPerVm = SettingCatalog.OUTBOUND_PORTS_PER_VM.defaultOrThrow();
        private Optional<String> storageAccountName = Optional.empty();
        private String storageSku = SettingCatalog.STORAGE_SKU.defaultOrThrow();
        private String shareName = SettingCatalog.SHARE_NAME.defaultOrThrow();
        private int shareQuotaGiB = SettingCatalog.SHARE_QUOTA_GIB.defaultOrThrow();
        private ShareProtocol shareProtocol = SettingCatalog.SHARE_PROTOCOL.defaultOrThrow();
        private int shareSoftDeleteDays = SettingCatalog.SHARE_SOFT_DELETE_DAYS.defaultOrThrow();
        private String mountPoint = SettingCatalog.MOUNT_POINT.defaultOrThrow();
        private String storageEndpointSuffix = SettingCatalog.STORAGE_ENDPOINT_SUFFIX.defaultOrThrow();
        private boolean restrictStorageToSubnet = SettingCatalog.RESTRICT_STORAGE_TO_SUBNET.defaultOrThrow();
        private Optional<StorageKeySource> storageKeySource = Optional.empty();
        private Optional<String> keyVaultName = Optional.empty();
        private boolean restrictKeyVaultToSubnet = SettingCatalog.RESTRICT_KEY_VAULT_TO_SUBNET.defaultOrThrow();
        private Optional<Boolean> sshPasswordLogin = Optional.empty();
        private String vmSize = SettingCatalog.VM_SIZE.defaultOrThrow();
        private boolean vmSizeUnlisted = SettingCatalog.VM_SIZE_UNLISTED.defaultOrThrow();
        private String computerNamePrefix = SettingCatalog.COMPUTER_NAME_PREFIX.defaultOrThrow();
        private String adminUsername = SettingCatalog.ADMIN_USERNAME.defaultOrThrow();
        private String imagePublisher = SettingCatalog.IMAGE_PUBLISHER.defaultOrThrow();
        // Empty: the operating system's default (ImageReference.defaultFor).
        private Optional<String> imageOffer = Optional.empty();
        private Optional<String> imageSku = Optional.empty();
        private OperatingSystem operatingSystem = SettingCatalog.OPERATING_SYSTEM.defaultOrThrow();
        private int rdpNatFirstPort = SettingCatalog.RDP_NAT_FIRST_PORT.defaultOrThrow();
        private String shareDriveLetter = SettingCatalog.SHARE_DRIVE_LETTER.defaultOrThrow();
        private String imageVersion = SettingCatalog.IMAGE_VERSION.defaultOrThrow();
        private Optional<String> imageId = Optional.empty();
        private Optional<PurchasePlan> imagePlan = Optional.empty();
        private String osDiskType = SettingCatalog.OS_DISK_TYPE.defaultOrThrow();
        private String upgradeMode = SettingCatalog.UPGRADE_MODE.defaultOrThrow();
        private String provisioningRevision = SettingCatalog.PROVISIONING_REVISION.defaultOrThrow();
        private int notebookIdleTimeoutMinutes = SettingCatalog.NOTEBOOK_IDLE_TIMEOUT_MINUTES.defaultOrThrow();
        private int minInstanceCount = SettingCatalog.MIN_INSTANCE_COUNT.defaultOrThrow();
        private int initialInstanceCount = SettingCatalog.INITIAL_INSTANCE_COUNT.defaultOrThrow();
        private int maxInstanceCount = SettingCatalog.MAX_INSTANCE_COUNT.defaultOrThrow();
        private Optional<Boolean> healthExtension = Optional.empty();
        private Optional<Boolean> automaticRepairs = Optional.empty();
        private int repairGracePeriodMinutes = SettingCatalog.REPAIR_GRACE_PERIOD_MINUTES.defaultOrThrow();
        private String repairAction = SettingCatalog.REPAIR_ACTION.defaultOrThrow();
        private boolean entraLogin = SettingCatalog.ENTRA_LOGIN.defaultOrThrow();
        private List<String> entraAdminGroupObjectIds = List.of();
        private List<String> entraUserGroupObjectIds = List.of();
        private Optional<AutoscaleSettings> autoscale = Optional.empty();
        private Optional<Boolean> sessionProtection = Optional.empty();
        private SessionSettings sessions = SessionSettings.defaults();
        private Optional<List<String>> zones = Optional.empty();
        private boolean trustedLaunch = SettingCatalog.TRUSTED_LAUNCH.defaultOrThrow();
        private Optional<Boolean> monitoring = Optional.empty();
        private Optional<String> logAnalyticsWorkspaceId = Optional.empty();
        private Optional<Integer> logRetentionDays = Optional.empty();
        private Map<String, String> tags = Map.of();

        /** Starts with every default; {@link PoolSettings#builder()} does the same. */
        public Builder() {
        }

        /**
         * The Azure region of every resource. Required.
         *
         * @param value a region name as Resource Manager spells it, e.g. {@code westeurope}
         * @return this builder
         */
        public Builder location(String value) { location = value; return this; }
        /**
         * Production protects the storage account and share, retains the share on delete and refuses {@code allowOpenInternet}. Default false.
         *
         * @param value true for a production pool
         * @return this builder
         */
        public Builder production(boolean value) { production = value; return this; }
        /**
         * The VNet's address space. Default {@code 10.0.0.0/16}; not used with an existing subnet.
         *
         * @param value an IPv4 CIDR, host bits zero
         * @return this builder
         */
        public Builder addressSpace(String value) { addressSpace = value; return this; }
        /**
         * The pool's subnet. Default {@code 10.0.0.0/24}; it must hold {@code maxInstanceCount} + 5 addresses Azure reserves (with an existing subnet: that subnet's prefix).
         *
         * @param value an IPv4 CIDR inside {@code addressSpace}
         * @return this builder
         */
        public Builder subnetPrefix(String value) { subnetPrefix = value; return this; }
        /**
         * Who may reach SSH (22, 2222) and JupyterHub (8000, 8443). Required unless {@code allowOpenInternet}; {@code 0.0.0.0/0} is refused.
         *
         * @param value IPv4 addresses or CIDRs
         * @return this builder
         */
        public Builder allowedSourceRanges(List<String> value) { allowedSourceRanges = List.copyOf(value); return this; }
        /**
         * Admits the whole internet (source tag {@code Internet}). Default false; refused in production.
         *
         * @param value true to open the pool to everyone
         * @return this builder
         */
        public Builder allowOpenInternet(boolean value) { allowOpenInternet = value; return this; }
        /**
         * The entry address's DNS label, unique per region. Default {@code <poolName>-<hash>} of project, stack and pool name.
         *
         * @param value 3-63 lowercase letters, digits, hyphens, starting with a letter; {@code null} for the default
         * @return this builder
         */
        public Builder dnsLabel(String value) { dnsLabel = Optional.ofNullable(value); return this; }
        /**
         * First frontend port of the per-VM SSH range ({@code maxInstanceCount} ports, each to port 2222 of one VM). Default 50000.
         *
         * @param value a port such that the whole range lies within 1-65534, apart from the JupyterHub range and 22/8000
         * @return this builder
         */
        public Builder sshNatFirstPort(int value) { sshNatFirstPort = value; return this; }
        /**
         * First frontend port of the per-VM JupyterHub range (each to port 8443 of one VM). Default 52000.
         *
         * @param value a port such that the whole range lies within 1-65534, apart from the SSH range and 22/8000
         * @return this builder
         */
        public Builder jupyterNatFirstPort(int value) { jupyterNatFirstPort = value; return this; }
        /**
         * The load-balancing rules 22 and 8000 with client-IP affinity (land on any VM). Default true.
         *
         * @param value false to leave only the per-VM ports
         * @return this builder
         */
        public Builder poolEntry(boolean value) { poolEntry = value; return this; }
        /**
         * Idle timeout of the pool entry and per-VM rules. Default 30.
         *
         * @param value 4-30 minutes
         * @return this builder
         */
        public Builder idleTimeoutMinutes(int value) { idleTimeoutMinutes = value; return this; }
        /**
         * How the VMs reach the internet and Azure Files. Default {@link OutboundType#AUTO}.
         *
         * @param value the outbound design
         * @return this builder
         */
        public Builder outboundType(OutboundType value) { outboundType = value; return this; }
        /**
         * SNAT ports per VM at the pool's maximum. Default 1024; refused when more than 16 outbound addresses would be needed.
         *
         * @param value a multiple of 8 from 8 to 64000
         * @return this builder
         */
        public Builder outboundPortsPerVm(int value) { outboundPortsPerVm = value; return this; }
        /**
         * The storage account's globally unique name. Default {@code <poolName letters><hash>}, stable for a stack and different between stacks.
         *
         * @param value 3-24 lowercase letters and digits; {@code null} for the default
         * @return this builder
         */
        public Builder storageAccountName(String value) { storageAccountName = Optional.ofNullable(value); return this; }
        /**
         * The storage account's SKU. Default {@code Standard_LRS}; premium makes a FileStorage account.
         *
         * @param value Standard_LRS, Standard_ZRS, Standard_GRS, Standard_RAGRS, Standard_GZRS, Standard_RAGZRS, Premium_LRS or Premium_ZRS
         * @return this builder
         */
        public Builder storageSku(String value) { storageSku = value; return this; }
        /**
         * The file share's name. Default {@code dsvmshare}.
         *
         * @param value 3-63 lowercase letters, digits and single hyphens, not at the ends
         * @return this builder
         */
        public Builder shareName(String value) { shareName = value; return this; }
        /**
         * The share's quota. Default 100.
         *
         * @param value 1-102400 GiB; premium 100-102400
         * @return this builder
         */
        public Builder shareQuotaGiB(int value) { shareQuotaGiB = value; return this; }
        /**
         * How VMs mount the share. Default SMB (3.1.1, key-based).
         *
         * @param value SMB, or NFS with a {@code Premium_*} storage SKU
         * @return this builder
         */
        public Builder shareProtocol(ShareProtocol value) { shareProtocol = value; return this; }
        /**
         * Days a deleted share is kept. Default 14.
         *
         * @param value 1-365
         * @return this builder
         */
        public Builder shareSoftDeleteDays(int value) { shareSoftDeleteDays = value; return this; }
        /**
         * Where every VM mounts the share. Default {@code /datamnt/dsvmshare}.
         *
         * @param value an absolute path of letters, digits, '.', '_', '-'
         * @return this builder
         */
        public Builder mountPoint(String value) { mountPoint = value; return this; }
        /**
         * The DNS suffix of the storage endpoints. Default {@code core.windows.net}.
         *
         * @param value e.g. {@code core.chinacloudapi.cn}
         * @return this builder
         */
        public Builder storageEndpointSuffix(String value) { storageEndpointSuffix = value; return this; }
        /**
         * Storage network rules deny everything but the pool's subnet. Default true.
         *
         * @param value false to allow all networks
         * @return this builder
         */
        public Builder restrictStorageToSubnet(boolean value) { restrictStorageToSubnet = value; return this; }
        /**
         * The Key Vault's network rules deny everything but the pool's subnet (which then needs the
         * {@code Microsoft.KeyVault} service endpoint) and Azure's trusted services. Default true.
         *
         * @param value false to let the vault accept every network (each request still needs its role)
         * @return this builder
         */
        public Builder restrictKeyVaultToSubnet(boolean value) { restrictKeyVaultToSubnet = value; return this; }
        /**
         * SSH login with the admin password. Default: on only when the pool has no SSH public keys (Azure needs
         * a key once password login is off); false needs at least one key.
         *
         * @param value true to keep it on where a team needs it, false to turn it off, {@code null} for the default
         * @return this builder
         */
        public Builder sshPasswordLogin(Boolean value) { sshPasswordLogin = Optional.ofNullable(value); return this; }
        /**
         * Where the VMs get the SMB storage key. Default: {@code keyVault} for SMB in production, else
         * {@code extension}; {@code keyVault} is refused for NFS (no key).
         *
         * @param value the source, or {@code null} for the default
         * @return this builder
         */
        public Builder storageKeySource(StorageKeySource value) { storageKeySource = Optional.ofNullable(value); return this; }
        /**
         * The Key Vault's name when the key lives in one. Default derived from the pool's name and a hash of
         * project, stack and pool; 3-24 letters, digits and hyphens, globally unique.
         *
         * @param value the name, or {@code null} for the default
         * @return this builder
         */
        public Builder keyVaultName(String value) { keyVaultName = Optional.ofNullable(value); return this; }
        /**
         * The VMs' size. Default {@code Standard_D2s_v3}; the default image is Gen2, so pick a Gen2-capable size.
         *
         * @param value an Azure VM size, e.g. {@code Standard_NC4as_T4_v3} for a GPU pool; validated against the
         *              project's dated size list unless {@link #vmSizeUnlisted(boolean)}
         * @return this builder
         */
        public Builder vmSize(String value) { vmSize = value; return this; }
        /**
         * Allows a size the project's size list does not know yet (a new series); it must still follow Azure's
         * naming convention, which then decides whether it takes premium disks. Default false.
         *
         * @param value true to accept an unlisted size
         * @return this builder
         */
        public Builder vmSizeUnlisted(boolean value) { vmSizeUnlisted = value; return this; }
        /**
         * Prefix of the VMs' host names. Default {@code dsvm}.
         *
         * @param value 1-9 lowercase letters, digits, hyphens, starting with a letter
         * @return this builder
         */
        public Builder computerNamePrefix(String value) { computerNamePrefix = value; return this; }
        /**
         * The VMs' local admin account. Default {@code dsadmin}.
         *
         * @param value 1-32 lowercase characters, not a name Azure reserves ({@code admin}, {@code root}, ...)
         * @return this builder
         */
        public Builder adminUsername(String value) { adminUsername = value; return this; }
        /**
         * Marketplace publisher of the image. Default {@code microsoft-dsvm}.
         *
         * @param value a marketplace identifier
         * @return this builder
         */
        public Builder imagePublisher(String value) { imagePublisher = value; return this; }
        /**
         * Marketplace offer of the image. Default {@code ubuntu-2204} (Linux), {@code dsvm-win-2022} (Windows).
         *
         * @param value a marketplace identifier
         * @return this builder
         */
        public Builder imageOffer(String value) { imageOffer = Optional.of(value); return this; }
        /**
         * Marketplace SKU of the image. Default {@code 2204-gen2} (Linux), {@code winserver-2022} (Windows).
         *
         * @param value a marketplace identifier
         * @return this builder
         */
        public Builder imageSku(String value) { imageSku = Optional.of(value); return this; }
        /**
         * The VMs' operating system. Default {@link OperatingSystem#LINUX}.
         *
         * @param value Linux (SSH and JupyterHub) or Windows (Remote Desktop, docs/windows.md)
         * @return this builder
         */
        public Builder operatingSystem(OperatingSystem value) { operatingSystem = java.util.Objects.requireNonNull(value); return this; }
        /**
         * First frontend port of a Windows pool's per-VM RDP range. Default 54000.
         *
         * @param value the range's 1,050 ports within 1-65534, not taking in 3389
         * @return this builder
         */
        public Builder rdpNatFirstPort(int value) { rdpNatFirstPort = value; return this; }
        /**
         * The drive letter of the share on a Windows pool. Default {@code Z}.
         *
         * @param value one of D-Z
         * @return this builder
         */
        public Builder shareDriveLetter(String value) { shareDriveLetter = value; return this; }
        /**
         * Image version. Default {@code latest}.
         *
         * @param value {@code latest} or a pinned {@code x.y.z}
         * @return this builder
         */
        public Builder imageVersion(String value) { imageVersion = value; return this; }
        /**
         * An Azure Compute Gallery image definition or image version id, used instead of the marketplace image
         * (a newer DSVM, or a team's own image). Default: none.
         *
         * @param value the gallery image id
         * @return this builder
         */
        public Builder imageId(String value) { imageId = Optional.ofNullable(value); return this; }
        /**
         * Sets publisher, offer, SKU and version at once. Default {@link ImageReference#UBUNTU_DSVM}.
         *
         * @param value the marketplace image
         * @return this builder
         */
        public Builder image(ImageReference value) {
            return imagePublisher(value.publisher()).imageOffer(value.offer()).imageSku(value.sku())
                    .imageVersion(value.version());
        }
        /**
         * The image's purchase plan, only if it needs one (the DSVM is believed not to). Default none.
         *
         * @param value the plan, or {@code null} for none
         * @return this builder
         */
        public Builder imagePlan(PurchasePlan value) { imagePlan = Optional.ofNullable(value); return this; }
        /**
         * The OS disk's type. Default {@code StandardSSD_LRS}.
         *
         * @param value Standard_LRS, StandardSSD_LRS, StandardSSD_ZRS, Premium_LRS or Premium_ZRS (premium needs an {@code s} size)
         * @return this builder
         */
        public Builder osDiskType(String value) { osDiskType = value; return this; }
        /**
         * How model changes reach running VMs. Default {@code Automatic}.
         *
         * @param value {@code Automatic} or {@code Manual}
         * @return this builder
         */
        public Builder upgradeMode(String value) { upgradeMode = value; return this; }
        /**
         * Part of the provisioning extension's {@code forceUpdateTag}: changing it re-runs the extension on every VM. Default {@code 1}.
         *
         * @param value 1-32 letters, digits, '.', '_', '-'
         * @return this builder
         */
        public Builder provisioningRevision(String value) { provisioningRevision = value; return this; }
        /**
         * Minutes before the idle culler stops an unused notebook server. Default 60.
         *
         * @param value 0 (off) or 10-10080
         * @return this builder
         */
        public Builder notebookIdleTimeoutMinutes(int value) { notebookIdleTimeoutMinutes = value; return this; }
        /**
         * The floor of the always-on profile used without a schedule. Default 1; not used with {@link #autoscale}.
         *
         * @param value 1-{@code maxInstanceCount}
         * @return this builder
         */
        public Builder minInstanceCount(int value) { minInstanceCount = value; return this; }
        /**
         * The capacity at creation; afterwards autoscale owns it. Default 1.
         *
         * @param value {@code minInstanceCount}-{@code maxInstanceCount} without a schedule, 0-{@code maxInstanceCount} with one
         * @return this builder
         */
        public Builder initialInstanceCount(int value) { initialInstanceCount = value; return this; }
        /**
         * The most VMs the pool may hold; it sizes the subnet, the per-VM port ranges and the SNAT budget. Default 4.
         *
         * @param value 1-1000
         * @return this builder
         */
        public Builder maxInstanceCount(int value) { maxInstanceCount = value; return this; }
        /**
         * The Application Health extension (https on 8000, {@code /hub/health}) as the scale set's one health
         * source. Default: as {@code production}, and on whenever {@code automaticRepairs} is.
         *
         * @param value whether to declare it
         * @return this builder
         */
        public Builder healthExtension(boolean value) { healthExtension = Optional.of(value); return this; }
        /**
         * Automatic instance repairs of VMs the health extension reports unhealthy. Default: as {@code production}.
         *
         * @param value whether to repair; refused without the health extension
         * @return this builder
         */
        public Builder automaticRepairs(boolean value) { automaticRepairs = Optional.of(value); return this; }
        /**
         * Minutes a new or repaired VM has before repairs may start. Default 30.
         *
         * @param value 10-90 (Azure's bounds)
         * @return this builder
         */
        public Builder repairGracePeriodMinutes(int value) { repairGracePeriodMinutes = value; return this; }
        /**
         * What a repair does. Default {@code Replace}.
         *
         * @param value {@code Replace}, {@code Restart} or {@code Reimage}
         * @return this builder
         */
        public Builder repairAction(String value) { repairAction = value; return this; }
        /**
         * Sign-in with Microsoft Entra ID over SSH (AADSSHLoginForLinux, system-assigned identity). Default false.
         *
         * @param value whether to enable it; needs at least one group
         * @return this builder
         */
        public Builder entraLogin(boolean value) { entraLogin = value; return this; }
        /**
         * Entra group object ids given Virtual Machine Administrator Login (sudo) at the pool's resource group.
         * Default none.
         *
         * @param value group object ids (GUIDs), each once
         * @return this builder
         */
        public Builder entraAdminGroupObjectIds(List<String> value) { entraAdminGroupObjectIds = List.copyOf(value); return this; }
        /**
         * Entra group object ids given Virtual Machine User Login at the pool's resource group. Default none.
         *
         * @param value group object ids (GUIDs), each once
         * @return this builder
         */
        public Builder entraUserGroupObjectIds(List<String> value) { entraUserGroupObjectIds = List.copyOf(value); return this; }
        /**
         * The team's week (build one with {@code WeekSchedule.builder()}). Default none: one always-on profile from the counts.
         *
         * @param value the schedule, or {@code null} for none
         * @return this builder
         */
        public Builder autoscale(AutoscaleSettings value) { autoscale = Optional.ofNullable(value); return this; }
        /**
         * VMs in use protect themselves from autoscale's scale-in, within a bound (docs/sessions.md): the session
         * agent on every VM and a role for the VMs' identity at the scale set. Default: as {@code production}.
         *
         * @param value false for the provisioning script and graph of before the agent
         * @return this builder
         */
        public Builder sessionProtection(boolean value) { sessionProtection = Optional.of(value); return this; }
        /**
         * The session agent's knobs. Default {@link SessionSettings#defaults()}: idle 30 minutes, CPU share 20,
         * latest hour 20, resume hour 6, the schedule's time zone, at most 10 protected hours.
         *
         * @param value the knobs; ranges in docs/configuration.md
         * @return this builder
         */
        public Builder sessions(SessionSettings value) { sessions = java.util.Objects.requireNonNull(value); return this; }
        /**
         * The VMs' availability zones. Default: in production the region's zones (1, 2, 3; a region without zones,
         * or one the project's region table does not know, must then say so), elsewhere none. The scale set spreads
         * its VMs across them (balanced when more than one) and the public IPs become zone-redundant.
         *
         * @param value zone numbers 1, 2 and 3, each once; an empty list (or {@code none}) for no zones;
         *              {@code null} for the default
         * @return this builder
         */
        public Builder zones(List<String> value) { zones = Optional.ofNullable(value).map(List::copyOf); return this; }
        /**
         * Trusted Launch: Secure Boot (off on GPU sizes) and vTPM on the VMs. Default true; refused for a listed
         * size without it or a Generation 1 image.
         *
         * @param value false for an image or size without Trusted Launch
         * @return this builder
         */
        public Builder trustedLaunch(boolean value) { trustedLaunch = value; return this; }
        /**
         * The Azure Monitor Agent on every VM, a data collection rule, alerts to the autoscale notification
         * e-mail addresses and, with a Key Vault, its audit logs (docs/operations.md, "What is watched and who is
         * told"). Default: as {@code production}.
         *
         * @param value whether the pool is watched; without an address in {@code autoscale.notifications.emails}
         *              the alerts show in the portal only
         * @return this builder
         */
        public Builder monitoring(boolean value) { monitoring = Optional.of(value); return this; }
        /**
         * An existing Log Analytics workspace for the pool's logs. Default: none, the pool creates its own.
         *
         * @param value the workspace's ARM id,
         *              {@code /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>};
         *              {@code null} for none
         * @return this builder
         */
        public Builder logAnalyticsWorkspaceId(String value) { logAnalyticsWorkspaceId = Optional.ofNullable(value); return this; }
        /**
         * Days the workspace the pool creates keeps its logs. Default 30 (31 days are included in the ingestion
         * price); refused with {@code logAnalyticsWorkspaceId} (that workspace keeps its own).
         *
         * @param value 30-730
         * @return this builder
         */
        public Builder logRetentionDays(int value) { logRetentionDays = Optional.of(value); return this; }
        /**
         * Azure tags on every resource, besides {@code dsvm-pool: <name>}. Default none.
         *
         * @param value at most 50; names 1-512 characters without {@code < > % & \\ ? /}, values at most 256
         * @return this builder
         */
        public Builder tags(Map<String, String> value) { tags = Map.copyOf(value); return this; }

        /**
         * Builds without validating, so that all problems can be reported together by the validator ({@code plans.PoolSettingsValidator}).
         *
         * @return the settings
         */
        public PoolSettings build() {
            return new PoolSettings(location, production,
                    new NetworkSettings(addressSpace, subnetPrefix, allowedSourceRanges, allowOpenInternet),
                    new LoadBalancerSettings(dnsLabel, sshNatFirstPort, jupyterNatFirstPort, poolEntry,
                            idleTimeoutMinutes),
                    new OutboundSettings(outboundType, outboundPortsPerVm),
                    new StorageSettings(storageAccountName, storageSku, shareName, shareQuotaGiB, shareProtocol,
                            shareSoftDeleteDays, mountPoint, storageEndpointSuffix, restrictStorageToSubnet,
                            storageKeySource, keyVaultName, restrictKeyVaultToSubnet),
                    new ScaleSetSettings(vmSize, vmSizeUnlisted, computerNamePrefix, adminUsername,
                            new ImageReference(imagePublisher,
                                    imageOffer.orElse(ImageReference.defaultFor(operatingSystem).offer()),
                                    imageSku.orElse(ImageReference.defaultFor(operatingSystem).sku()), imageVersion,
                                    imageId), imagePlan, osDiskType,
                            upgradeMode, new InstanceCounts(minInstanceCount, initialInstanceCount, maxInstanceCount),
                            provisioningRevision, notebookIdleTimeoutMinutes, sshPasswordLogin),
                    new HealthSettings(healthExtension, automaticRepairs, repairGracePeriodMinutes, repairAction),
                    new EntraSettings(entraLogin, entraAdminGroupObjectIds, entraUserGroupObjectIds),
                    autoscale, sessionProtection, sessions, new ZoneSettings(zones),
                    new TrustedLaunchSettings(trustedLaunch),
                    new MonitoringSettings(monitoring, logAnalyticsWorkspaceId, logRetentionDays),
                    new OperatingSystemSettings(operatingSystem, rdpNatFirstPort, shareDriveLetter), tags);
        }
    }
}
