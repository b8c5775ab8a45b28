package io.github.dsvmpool.config;



import io.github.dsvmpool.config.Setting.Kind;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration setting, declared once: key, type, default, limits and description. The stack reader
 * ({@code StackConfiguration}) reads these, the builder of {@link PoolSettings} takes its literal defaults from
 * them, the validator its simple ranges, the component package its inputs' descriptions and conversion, and
 * docs/configuration.md is generated from them ({@code SettingCatalogTest} fails on drift). Adding a setting:
 * an entry here (in {@link #ALL} too), its builder method and record component, and the code that uses it.
 */
public final class SettingCatalog {
    /** The default text of a setting that must be set. */
    public static final String REQUIRED = "(required)";

    private SettingCatalog() {
    }

    /** The {@code poolName} setting: docs/configuration.md. */
    public static final Setting<String> POOL_NAME = Setting.<String>documented("poolName", SettingGroup.POOL, Kind.TEXT)
            .defaultValue("dsvm")
            .rule("1-20 lowercase letters, digits, hyphens; starts with a letter. Prefixes every resource name.");

    /** The {@code location} setting: docs/configuration.md. */
    public static final Setting<String> LOCATION = Setting.text("location", SettingGroup.POOL, PoolSettings.Builder::location)
            .defaultText(REQUIRED)
            .rule("Azure region name, e.g. `westeurope`.");

    /** The {@code production} setting: docs/configuration.md. */
    public static final Setting<Boolean> PRODUCTION = Setting.bool("production", SettingGroup.POOL, PoolSettings.Builder::production)
            .defaultValue(false)
            .rule("`true` protects the storage account and share (`protect`), retains the share on delete together with its storage account and the pool's resource group (a retained share in a deleted account or group would go with it), and refuses `allowOpenInternet`.");

    /** The {@code addressSpace} setting: docs/configuration.md. */
    public static final Setting<String> ADDRESS_SPACE = Setting.text("addressSpace", SettingGroup.NETWORK, PoolSettings.Builder::addressSpace)
            .defaultValue("10.0.0.0/16")
            .rule("IPv4 CIDR, host bits zero.");

    /** The {@code subnetPrefix} setting: docs/configuration.md. */
    public static final Setting<String> SUBNET_PREFIX = Setting.text("subnetPrefix", SettingGroup.NETWORK, PoolSettings.Builder::subnetPrefix)
            .defaultValue("10.0.0.0/24")
            .rule("IPv4 CIDR inside `addressSpace`, holding `maxInstanceCount` + 5 addresses Azure reserves.");

    /** The {@code allowedSourceRanges} setting: docs/configuration.md. */
    public static final Setting<List<String>> ALLOWED_SOURCE_RANGES = Setting.textList("allowedSourceRanges", SettingGroup.NETWORK, PoolSettings.Builder::allowedSourceRanges)
            .defaultText("(none)")
            .rule("List of IPv4 addresses / CIDRs allowed to reach SSH (22, and 2222 behind the per-VM ports) and JupyterHub (8000, and 8443 behind the per-VM ports), YAML list or comma-separated. Required unless `allowOpenInternet`. `0.0.0.0/0` is refused: use `allowOpenInternet`. A Windows pool admits Remote Desktop (3389, and 3390 behind the per-VM ports) from them instead.");

    /** The {@code allowOpenInternet} setting: docs/configuration.md. */
    public static final Setting<Boolean> ALLOW_OPEN_INTERNET = Setting.bool("allowOpenInternet", SettingGroup.NETWORK, PoolSettings.Builder::allowOpenInternet)
            .defaultValue(false)
            .rule("`true` admits the whole internet (source tag `Internet`); refused when `production` is true.");

    /** The {@code dnsLabel} setting: docs/configuration.md. */
    public static final Setting<String> DNS_LABEL = Setting.text("dnsLabel", SettingGroup.NETWORK, PoolSettings.Builder::dnsLabel)
            .defaultText("`<poolName>-<hash>`")
            .rule("3-63 chars: lowercase letters, digits, hyphens; starts with a letter. Unique per region; the default hash comes from the subscription, project, stack and pool name, so another team deploying the same stack files gets another label.");

    /** The {@code sshNatFirstPort} setting: docs/configuration.md. */
    public static final Setting<Integer> SSH_NAT_FIRST_PORT = Setting.integer("sshNatFirstPort", SettingGroup.LOAD_BALANCER, PoolSettings.Builder::sshNatFirstPort)
            .defaultValue(50000)
            .rule("First frontend port of the per-VM SSH range (an inbound NAT rule V2 of 1,050 ports, each to port 2222 of one VM: Azure's largest scale set of 1,000 VMs and 50 for replacements, so a new `maxInstanceCount` never changes it); whole range within 1-65534, not overlapping the JupyterHub range or ports 22/8000.");

    /** The {@code jupyterNatFirstPort} setting: docs/configuration.md. */
    public static final Setting<Integer> JUPYTER_NAT_FIRST_PORT = Setting.integer("jupyterNatFirstPort", SettingGroup.LOAD_BALANCER, PoolSettings.Builder::jupyterNatFirstPort)
            .defaultValue(52000)
            .rule("Same for JupyterHub (each port to port 8443 of one VM, redirected there to 8000).");

    /** The {@code rdpNatFirstPort} setting: docs/configuration.md. */
    public static final Setting<Integer> RDP_NAT_FIRST_PORT = Setting.integer("rdpNatFirstPort", SettingGroup.LOAD_BALANCER, PoolSettings.Builder::rdpNatFirstPort)
            .defaultValue(54000)
            .rule("Windows pools: first frontend port of the per-VM RDP range (an inbound NAT rule V2 of 1,050 ports, each to port 3390 of one VM, forwarded there to 3389); whole range within 1-65534, not taking in 3389.");

    /** The {@code poolEntry} setting: docs/configuration.md. */
    public static final Setting<Boolean> POOL_ENTRY = Setting.bool("poolEntry", SettingGroup.LOAD_BALANCER, PoolSettings.Builder::poolEntry)
            .defaultValue(true)
            .rule("The load-balancing rules 22 and 8000 with client-IP affinity (land on any VM). `false` leaves only the per-VM ports (and closes 22/8000 in the NSG).");

    /** The {@code idleTimeoutMinutes} setting: docs/configuration.md. */
    public static final Setting<Integer> IDLE_TIMEOUT_MINUTES = Setting.integer("idleTimeoutMinutes", SettingGroup.LOAD_BALANCER, PoolSettings.Builder::idleTimeoutMinutes)
            .defaultValue(30)
            .range(4, 30, " minutes")
            .rule("4-30: idle timeout of the pool entry rules and the per-VM NAT rules.");

    /** The {@code notebookIdleTimeoutMinutes} setting: docs/configuration.md. */
    public static final Setting<Integer> NOTEBOOK_IDLE_TIMEOUT_MINUTES = Setting.integer("notebookIdleTimeoutMinutes", SettingGroup.LOAD_BALANCER, PoolSettings.Builder::notebookIdleTimeoutMinutes)
            .defaultValue(io.github.dsvmpool.vm.IdleCuller.DEFAULT_MINUTES)
            .rule("`0` (off) or 10-10080: JupyterHub stops a user's notebook server idle this long (`jupyterhub-idle-culler`); see [Idle notebook servers](operations.md#idle-notebook-servers).");

    /** The {@code outboundType} setting: docs/configuration.md. */
    public static final Setting<OutboundType> OUTBOUND_TYPE = Setting.choice("outboundType", SettingGroup.OUTBOUND, OutboundType.class, PoolSettings.Builder::outboundType)
            .defaultValue(OutboundType.AUTO)
            .rule("`auto`, `loadBalancer` or `natGateway`: how the VMs reach the internet and Azure Files; see [Outbound](operations.md#outbound-how-the-vms-reach-the-internet). `auto` uses the load balancer's outbound rule on the entry address while it holds the pool, else a NAT gateway.");

    /** The {@code outboundPortsPerVm} setting: docs/configuration.md. */
    public static final Setting<Integer> OUTBOUND_PORTS_PER_VM = Setting.integer("outboundPortsPerVm", SettingGroup.OUTBOUND, PoolSettings.Builder::outboundPortsPerVm)
            .defaultValue(1024)
            .rule("SNAT ports per VM at the pool's maximum: a multiple of 8 from 8 to 64000. Refused when the pool would need more than 16 outbound addresses.");

    /** The {@code storageAccountName} setting: docs/configuration.md. */
    public static final Setting<String> STORAGE_ACCOUNT_NAME = Setting.text("storageAccountName", SettingGroup.STORAGE, PoolSettings.Builder::storageAccountName)
            .defaultText("`<poolName letters><hash>`")
            .rule("3-24 lowercase letters and digits, globally unique. The default is stable for a stack and differs between stacks and subscriptions (hashed from the subscription, project, stack and pool name).");

    /** The {@code storageSku} setting: docs/configuration.md. */
    public static final Setting<String> STORAGE_SKU = Setting.text("storageSku", SettingGroup.STORAGE, PoolSettings.Builder::storageSku)
            .defaultValue("Standard_LRS")
            .rule("`Standard_LRS`, `Standard_ZRS`, `Standard_GRS`, `Standard_RAGRS`, `Standard_GZRS`, `Standard_RAGZRS`, `Premium_LRS`, `Premium_ZRS` (premium makes a FileStorage account).");

    /** The {@code shareName} setting: docs/configuration.md. */
    public static final Setting<String> SHARE_NAME = Setting.text("shareName", SettingGroup.STORAGE, PoolSettings.Builder::shareName)
            .defaultValue("dsvmshare")
            .rule("3-63 chars: lowercase letters, digits, single hyphens, not at the ends.");

    /** The {@code shareQuotaGiB} setting: docs/configuration.md. */
    public static final Setting<Integer> SHARE_QUOTA_GIB = Setting.integer("shareQuotaGiB", SettingGroup.STORAGE, PoolSettings.Builder::shareQuotaGiB)
            .defaultValue(100)
            .rule("1-102400 GiB (large file shares are enabled on standard accounts); premium: 100-102400.");

    /** The {@code shareProtocol} setting: docs/configuration.md. */
    public static final Setting<ShareProtocol> SHARE_PROTOCOL = Setting.choice("shareProtocol", SettingGroup.STORAGE, ShareProtocol.class, PoolSettings.Builder::shareProtocol)
            .defaultValue(ShareProtocol.SMB)
            .rule("`SMB` (3.1.1, key-based) or `NFS` (4.1, needs a `Premium_*` `storageSku`; NFS accounts cannot require HTTPS, so `enableHttpsTrafficOnly` is off for them only).");

    /** The {@code shareSoftDeleteDays} setting: docs/configuration.md. */
    public static final Setting<Integer> SHARE_SOFT_DELETE_DAYS = Setting.integer("shareSoftDeleteDays", SettingGroup.STORAGE, PoolSettings.Builder::shareSoftDeleteDays)
            .defaultValue(14)
            .range(1, 365, " days")
            .rule("1-365 days of share soft delete.");

    /** The {@code mountPoint} setting: docs/configuration.md. */
    public static final Setting<String> MOUNT_POINT = Setting.text("mountPoint", SettingGroup.STORAGE, PoolSettings.Builder::mountPoint)
            .defaultValue("/datamnt/dsvmshare")
            .rule("Absolute path of letters, digits, `.`, `_`, `-`.");

    /** The {@code shareDriveLetter} setting: docs/configuration.md. */
    public static final Setting<String> SHARE_DRIVE_LETTER = Setting.text("shareDriveLetter", SettingGroup.STORAGE, PoolSettings.Builder::shareDriveLetter)
            .defaultValue("Z")
            .rule("Windows pools: the drive letter every user sees the share at (an SMB global mapping made by SYSTEM at startup and logon), one of `D`-`Z`.");

    /** The {@code storageEndpointSuffix} setting: docs/configuration.md. */
    public static final Setting<String> STORAGE_ENDPOINT_SUFFIX = Setting.text("storageEndpointSuffix", SettingGroup.STORAGE, PoolSettings.Builder::storageEndpointSuffix)
            .defaultValue("core.windows.net")
            .rule("DNS suffix of the storage endpoints (e.g. `core.chinacloudapi.cn`, `core.usgovcloudapi.net`).");

    /** The {@code restrictStorageToSubnet} setting: docs/configuration.md. */
    public static final Setting<Boolean> RESTRICT_STORAGE_TO_SUBNET = Setting.bool("restrictStorageToSubnet", SettingGroup.STORAGE, PoolSettings.Builder::restrictStorageToSubnet)
            .defaultValue(true)
            .rule("Storage network rules deny everything but the pool's subnet (service endpoint); `false` allows all networks.");

    /** The {@code storageKeySource} setting: docs/configuration.md. */
    public static final Setting<StorageKeySource> STORAGE_KEY_SOURCE = Setting.choice("storageKeySource", SettingGroup.STORAGE, StorageKeySource.class, PoolSettings.Builder::storageKeySource)
            .defaultText("`keyVault` for SMB when `production`, else `extension`")
            .rule("Where the VMs get the SMB key: `keyVault` (a Key Vault secret read at mount time with a user-assigned identity) or `extension` (the extension's `protectedSettings`). Refused as `keyVault` for NFS (no key). See [The storage key in Key Vault](operations.md#the-storage-key-in-key-vault).");

    /** The {@code restrictKeyVaultToSubnet} setting: docs/configuration.md. */
    public static final Setting<Boolean> RESTRICT_KEY_VAULT_TO_SUBNET = Setting.bool("restrictKeyVaultToSubnet", SettingGroup.STORAGE, PoolSettings.Builder::restrictKeyVaultToSubnet)
            .defaultValue(true)
            .rule("The Key Vault's network rules (`networkAcls`) deny everything but the pool's subnet (service endpoint `Microsoft.KeyVault`, which a pool's own subnet carries; an existing subnet needs it) and Azure's trusted services; `false` lets the vault accept every network (each request still needs the role). Deployments still write the secret (through Azure Resource Manager). See [The vault's network](operations.md#the-vaults-network).");

    /** The {@code keyVaultName} setting: docs/configuration.md. */
    public static final Setting<String> KEY_VAULT_NAME = Setting.text("keyVaultName", SettingGroup.STORAGE, PoolSettings.Builder::keyVaultName)
            .defaultText("`<poolName letters>kv<hash>`")
            .rule("3-24 letters, digits and single hyphens, starting with a letter, ending with a letter or digit; globally unique.");

    /** The {@code operatingSystem} setting: docs/configuration.md. */
    public static final Setting<OperatingSystem> OPERATING_SYSTEM = Setting.choice("operatingSystem", SettingGroup.VMS, OperatingSystem.class, PoolSettings.Builder::operatingSystem)
            .defaultValue(OperatingSystem.LINUX)
            .rule("`linux` (the Ubuntu DSVM: SSH and JupyterHub) or `windows` (the Windows Server 2022 DSVM: Remote Desktop through the pool entry on 3389 and per-VM ports from `rdpNatFirstPort`, at most 2 sessions per VM without RDS licensing, the share at `shareDriveLetter`). Windows refuses `sshPasswordLogin`, `sshPublicKeys` and an NFS share; `monitoring` (the Windows agent and event logs) and `sessionProtection` with `sessions` (Remote Desktop sessions, a Windows time zone ID or an IANA name with one) apply; it ignores `mountPoint`, `notebookIdleTimeoutMinutes`, `sshNatFirstPort` and `jupyterNatFirstPort`, and holds `computerNamePrefix`, `adminUsername` and `adminPassword` to Windows's rules. See [Windows](windows.md).");

    /** The {@code vmSize} setting: docs/configuration.md. */
    public static final Setting<String> VM_SIZE = Setting.text("vmSize", SettingGroup.VMS, PoolSettings.Builder::vmSize)
            .defaultValue("Standard_D2s_v3")
            .rule("An Azure VM size from the project's dated size list ([VM sizes](costs-and-sizes.md#vm-sizes)); the default image is Gen2, so pick a Gen2-capable size.");

    /** The {@code vmSizeUnlisted} setting: docs/configuration.md. */
    public static final Setting<Boolean> VM_SIZE_UNLISTED = Setting.bool("vmSizeUnlisted", SettingGroup.VMS, PoolSettings.Builder::vmSizeUnlisted)
            .defaultValue(false)
            .rule("`true` accepts a size not in the project's dated size list (`vm-sizes.tsv`); it must follow Azure's naming convention, whose `s` then decides premium disks.");

    /** The {@code computerNamePrefix} setting: docs/configuration.md. */
    public static final Setting<String> COMPUTER_NAME_PREFIX = Setting.text("computerNamePrefix", SettingGroup.VMS, PoolSettings.Builder::computerNamePrefix)
            .defaultValue("dsvm")
            .rule("1-9 chars: lowercase letters, digits, hyphens; starts with a letter. Windows: letters (any case), digits, hyphens; starts with a letter, not ending with a hyphen.");

    /** The {@code adminUsername} setting: docs/configuration.md. */
    public static final Setting<String> ADMIN_USERNAME = Setting.text("adminUsername", SettingGroup.VMS, PoolSettings.Builder::adminUsername)
            .defaultValue("dsadmin")
            .rule("1-32 chars, lowercase (JupyterHub fails on capitals), not a name Azure reserves (`admin`, `root`, `user`, ...). Windows: 1-20 chars, none of the characters Windows refuses in user names (`\" / \\ [ ] : ; = , + * ? < > @` and the vertical bar), not ending with a period, not a name Azure reserves for Windows (`administrator`, `admin`, `guest`, ...), not the computer name prefix followed by 6 letters or digits, and, when the pool generates the password, not a name it could contain by chance (names of 3 or 4 characters from its alphabet are refused; see [Windows](windows.md)).");

    /** The {@code sshPasswordLogin} setting: docs/configuration.md. */
    public static final Setting<Boolean> SSH_PASSWORD_LOGIN = Setting.bool("sshPasswordLogin", SettingGroup.VMS, PoolSettings.Builder::sshPasswordLogin)
            .defaultText("on only without `sshPublicKeys`")
            .rule("SSH login with the admin password (`linuxConfiguration.disablePasswordAuthentication` is its opposite). Unset: off as soon as the pool has SSH public keys, on without them (Azure refuses a profile with neither). `true` keeps it on where a team needs it; `false` turns it off and is refused without a key in `sshPublicKeys` (Entra login alone is not enough: Azure checks the profile before any extension). JupyterHub's own login (PAM, the Linux password) is not SSH and is not affected. See [SSH login](operations.md#ssh-login-keys-entra-id-or-passwords).");

    /** The {@code imagePublisher} setting: docs/configuration.md. */
    public static final Setting<String> IMAGE_PUBLISHER = Setting.text("imagePublisher", SettingGroup.VMS, PoolSettings.Builder::imagePublisher)
            .defaultValue("microsoft-dsvm")
            .rule("Marketplace identifier.");

    /** The {@code imageOffer} setting: docs/configuration.md. */
    public static final Setting<String> IMAGE_OFFER = Setting.text("imageOffer", SettingGroup.VMS, PoolSettings.Builder::imageOffer)
            .defaultText("`ubuntu-2204` (linux), `dsvm-win-2022` (windows)")
            .rule("Marketplace identifier; the default follows `operatingSystem`.");

    /** The {@code imageSku} setting: docs/configuration.md. */
    public static final Setting<String> IMAGE_SKU = Setting.text("imageSku", SettingGroup.VMS, PoolSettings.Builder::imageSku)
            .defaultText("`2204-gen2` (linux), `winserver-2022` (windows)")
            .rule("Marketplace identifier; the default follows `operatingSystem` (`2204` is the Ubuntu Gen1 image).");

    /** The {@code imageVersion} setting: docs/configuration.md. */
    public static final Setting<String> IMAGE_VERSION = Setting.text("imageVersion", SettingGroup.VMS, PoolSettings.Builder::imageVersion)
            .defaultValue("latest")
            .rule("`latest` or a pinned `x.y.z` (DSVM versions are kept 12 months; list what exists: `az vm image list -p microsoft-dsvm -f ubuntu-2204 -s 2204-gen2 --all -l <region> -o table`).");

    /** The {@code imageId} setting: docs/configuration.md. */
    public static final Setting<String> IMAGE_ID = Setting.text("imageId", SettingGroup.VMS, PoolSettings.Builder::imageId)
            .defaultText("(none)")
            .rule("An Azure Compute Gallery image definition or version id (`/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/galleries/<gallery>/images/<definition>[/versions/<x.y.z>]`) used instead of the marketplace image: a newer DSVM or the team's own image, without code changes. Not together with changed marketplace keys.");

    /** The {@code imagePlanName} setting: docs/configuration.md. */
    public static final Setting<Void> IMAGE_PLAN_NAME = Setting.<Void>documented("imagePlanName", SettingGroup.VMS, Kind.TEXT)
            .defaultText("(none)")
            .rule("Purchase plan, only if the image needs one (believed not to): set all three plan keys or none.");

    /** The {@code imagePlanProduct} setting: docs/configuration.md. */
    public static final Setting<Void> IMAGE_PLAN_PRODUCT = Setting.<Void>documented("imagePlanProduct", SettingGroup.VMS, Kind.TEXT)
            .defaultText("(none)")
            .rule("See `imagePlanName`.");

    /** The {@code imagePlanPublisher} setting: docs/configuration.md. */
    public static final Setting<Void> IMAGE_PLAN_PUBLISHER = Setting.<Void>documented("imagePlanPublisher", SettingGroup.VMS, Kind.TEXT)
            .defaultText("(none)")
            .rule("See `imagePlanName`.");

    /** The {@code osDiskType} setting: docs/configuration.md. */
    public static final Setting<String> OS_DISK_TYPE = Setting.text("osDiskType", SettingGroup.VMS, PoolSettings.Builder::osDiskType)
            .defaultValue("StandardSSD_LRS")
            .rule("`Standard_LRS`, `StandardSSD_LRS`, `StandardSSD_ZRS`, `Premium_LRS`, `Premium_ZRS` (premium needs a size with Premium Storage; checked up front).");

    /** The {@code upgradeMode} setting: docs/configuration.md. */
    public static final Setting<String> UPGRADE_MODE = Setting.text("upgradeMode", SettingGroup.VMS, PoolSettings.Builder::upgradeMode)
            .defaultValue("Automatic")
            .rule("`Automatic` (model changes, such as a new mount script, reach running VMs) or `Manual` (they reach VMs when you upgrade them: `az vmss update-instances`).");

    /** The {@code zones} setting: docs/configuration.md. */
    public static final Setting<List<String>> ZONES = Setting.textList("zones", SettingGroup.VMS, PoolSettings.Builder::zones)
            .defaultText("region's zones in production, else none")
            .rule("The VMs' availability zones: zone numbers `1`, `2`, `3`, each once (`[1, 2, 3]`), or `none` (or `[]`) for no zones. With zones the scale set spreads its VMs across them (`zoneBalance: true` when more than one) and the pool's public IPs (the entry and any outbound or NAT gateway address) are zone-redundant. Left out in production: the region's three zones when the project's dated region table ([Zones](operations.md#zones-and-trusted-launch)) says it has them; a production pool in a region without zones, or in one the table does not know, must set `zones` (`none`, or the list if the region has zones). Zones in a region without them are refused. Changing it on a deployed pool **replaces** the scale set and the public IPs (the pool's address changes): an existing production pool that should keep its graph sets `zones: none` before upgrading ([Zones](operations.md#zones-and-trusted-launch)).");

    /** The {@code trustedLaunch} setting: docs/configuration.md. */
    public static final Setting<Boolean> TRUSTED_LAUNCH = Setting.bool("trustedLaunch", SettingGroup.VMS, PoolSettings.Builder::trustedLaunch)
            .defaultValue(true)
            .rule("Trusted Launch on the VMs (`securityProfile`: Secure Boot and vTPM; Secure Boot stays off on GPU sizes, whose NVIDIA drivers it would refuse). Refused up front for a listed size without Trusted Launch (Gen1-only series such as Dv3, Ev3, or `Standard_ND96asr_v4`) and for a Gen1 image (`imageSku: 2204`); `false` for such an image or size. Sizes not in the list, marketplace SKUs that do not name their generation and `imageId` gallery images cannot be checked offline: Azure answers at deployment (a gallery image defined as Trusted Launch only then needs `true`). Costs nothing.");

    /** The {@code minInstanceCount} setting: docs/configuration.md. */
    public static final Setting<Integer> MIN_INSTANCE_COUNT = Setting.integer("minInstanceCount", SettingGroup.CAPACITY, PoolSettings.Builder::minInstanceCount)
            .defaultValue(1)
            .rule("1-`maxInstanceCount`: the floor of the one always-on profile used when there is no `autoscale` schedule. Not set together with `autoscale` (the schedule has its own floors).");

    /** The {@code initialInstanceCount} setting: docs/configuration.md. */
    public static final Setting<Integer> INITIAL_INSTANCE_COUNT = Setting.integer("initialInstanceCount", SettingGroup.CAPACITY, PoolSettings.Builder::initialInstanceCount)
            .defaultValue(1)
            .rule("The capacity at creation: `minInstanceCount`-`maxInstanceCount` without a schedule (also the profile's default), 0-`maxInstanceCount` with one. Afterwards autoscale owns the capacity (`sku.capacity` changes are ignored).");

    /** The {@code maxInstanceCount} setting: docs/configuration.md. */
    public static final Setting<Integer> MAX_INSTANCE_COUNT = Setting.integer("maxInstanceCount", SettingGroup.CAPACITY, PoolSettings.Builder::maxInstanceCount)
            .defaultValue(4)
            .range(1, 1000, "")
            .rule("1-1000. Sizes the subnet and outbound (`outboundPortsPerVm` x max); the per-VM port ranges and the placement groups (always several) do not depend on it, so changing it is one update. Beyond what the entry address's SNAT ports hold (46 VMs at 1,024 ports), outbound moves to new addresses, which the plan diff flags. The schedule's ceilings may be lower.");

    /** The {@code autoscale} setting: docs/configuration.md. */
    public static final Setting<Void> AUTOSCALE = Setting.<Void>documented("autoscale", SettingGroup.CAPACITY, Kind.OBJECT)
            .defaultText("(none: always on)")
            .rule("The team's week: working hours, off hours (0 = scale to zero), fixed dates, CPU rules, predictive autoscale, notifications, scale-in policy, terminate notification, Spot. A YAML object; see [Autoscale](autoscale.md).");

    /** The {@code provisioningRevision} setting: docs/configuration.md. */
    public static final Setting<String> PROVISIONING_REVISION = Setting.text("provisioningRevision", SettingGroup.HEALTH, PoolSettings.Builder::provisioningRevision)
            .defaultValue("1")
            .rule("1-32 letters, digits, `.`, `_`, `-`. Part of the extension's `forceUpdateTag`: change it to re-run the provisioning script on every VM (e.g. after rotating the storage key by hand).");

    /** The {@code healthExtension} setting: docs/configuration.md. */
    public static final Setting<Boolean> HEALTH_EXTENSION = Setting.bool("healthExtension", SettingGroup.HEALTH, PoolSettings.Builder::healthExtension)
            .defaultText("`production` (or `true` when `automaticRepairs` is)")
            .rule("The Application Health extension (Binary mode 1.0): `https` on 8000, `/hub/health`, every 15 s, unhealthy after 4 failures. The scale set's only health source; see [A pool that heals itself](operations.md#a-pool-that-heals-itself). Windows: `ApplicationHealthWindows`, `tcp` on 3389 (Remote Desktop).");

    /** The {@code automaticRepairs} setting: docs/configuration.md. */
    public static final Setting<Boolean> AUTOMATIC_REPAIRS = Setting.bool("automaticRepairs", SettingGroup.HEALTH, PoolSettings.Builder::automaticRepairs)
            .defaultText("`production`")
            .rule("Automatic instance repairs of VMs the health extension reports unhealthy. Needs `healthExtension` (refused with `healthExtension: false`).");

    /** The {@code repairGracePeriodMinutes} setting: docs/configuration.md. */
    public static final Setting<Integer> REPAIR_GRACE_PERIOD_MINUTES = Setting.integer("repairGracePeriodMinutes", SettingGroup.HEALTH, PoolSettings.Builder::repairGracePeriodMinutes)
            .defaultValue(30)
            .range(10, 90, " minutes (Azure's PT10M-PT90M)")
            .rule("10-90 (Azure's `PT10M`-`PT90M`): minutes after a VM's state change before it may be repaired.");

    /** The {@code repairAction} setting: docs/configuration.md. */
    public static final Setting<String> REPAIR_ACTION = Setting.text("repairAction", SettingGroup.HEALTH, PoolSettings.Builder::repairAction)
            .defaultValue("Replace")
            .rule("`Replace`, `Restart` or `Reimage`.");

    /** The {@code sessionProtection} setting: docs/configuration.md. */
    public static final Setting<Boolean> SESSION_PROTECTION = Setting.bool("sessionProtection", SettingGroup.SESSIONS, PoolSettings.Builder::sessionProtection)
            .defaultText("`production`")
            .rule("`true`: every VM runs the session agent, which sets `protectFromScaleIn` on its own instance while people use it (terminal input, JupyterHub activity or a busy kernel, a user's processes above a CPU share; on Windows a Remote Desktop session with recent input or busy processes) and clears it when idle, within the bound below; the VMs' identity gets a custom role with exactly the two actions the agent calls, assigned at the scale set (a system-assigned identity is added when the scale set has no user-assigned one). `false`: the provisioning script and the resources of before the agent, unchanged. See [Sessions](sessions.md).");

    /** The {@code sessions} setting: docs/configuration.md. */
    public static final Setting<SessionSettings> SESSIONS = Setting.object("sessions", SettingGroup.SESSIONS, (key, text, problems) -> Optional.of(SessionSettingsParser.parse(text, problems)), PoolSettings.Builder::sessions)
            .defaultText("(the agent's defaults)")
            .rule("A YAML object with any of: `idleMinutes` (30; 10-1440: minutes without use before protection is cleared), `cpuSharePercent` (20; 1-100: a user's processes together above this share of one CPU mean \"in use\"), `latestHour` (20; 0-23: from this local hour on no VM is protected, the schedule's scale-in wins), `resumeHour` (6; 0-23, not `latestHour`: protection may start again), `timeZone` (the `autoscale` schedule's time zone, else UTC; an IANA name such as `Europe/Berlin` or a Windows ID with a known IANA name), `maxProtectedHours` (10; 1-24: the longest protection of one VM in one stretch). Unknown keys are refused. What the bound can cost at most: [Sessions](sessions.md#what-it-costs-at-most); `./plan` prints it.");

    /** The {@code monitoring} setting: docs/configuration.md. */
    public static final Setting<Boolean> MONITORING = Setting.bool("monitoring", SettingGroup.MONITORING, PoolSettings.Builder::monitoring)
            .defaultText("`production`")
            .rule("`true`: the Azure Monitor Agent on every VM, a data collection rule (syslog, the provisioning script's errors, CPU, memory, disk and network counters) into a Log Analytics workspace, alerts (health repairs suspended, mount failure, autoscale failure, Key Vault access denied, JupyterHub unhealthy) and the Key Vault's audit logs. On Windows: the Windows agent, Windows events (the share mapping's events, System and Application errors) instead of syslog, Windows counters, and no JupyterHub alert; see [What is watched and who is told](operations.md#what-is-watched-and-who-is-told). Alerts go by e-mail to `autoscale.notifications.emails`; without an address there is no action group and they show in the portal's alert list only. The cost is in `./plan cost`.");

    /** The {@code logAnalyticsWorkspaceId} setting: docs/configuration.md. */
    public static final Setting<String> LOG_ANALYTICS_WORKSPACE_ID = Setting.text("logAnalyticsWorkspaceId", SettingGroup.MONITORING, PoolSettings.Builder::logAnalyticsWorkspaceId)
            .defaultText("(none: the pool creates one)")
            .rule("An existing workspace's ARM id, `/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>` (name 4-63 letters, digits, hyphens, starting and ending with a letter or digit). Checked by shape only.");

    /** The {@code logRetentionDays} setting: docs/configuration.md. */
    public static final Setting<Integer> LOG_RETENTION_DAYS = Setting.integer("logRetentionDays", SettingGroup.MONITORING, PoolSettings.Builder::logRetentionDays)
            .defaultText("`" + MonitoringSettings.DEFAULT_RETENTION_DAYS + "`")
            .range(MonitoringSettings.MIN_RETENTION_DAYS, MonitoringSettings.MAX_RETENTION_DAYS,
                    " days (a PerGB2018 workspace's retention)")
            .rule("30-730 (a PerGB2018 workspace's retention; 31 days are included in the ingestion price). Only for the workspace the pool creates: refused with `logAnalyticsWorkspaceId`.");

    /** The {@code entraLogin} setting: docs/configuration.md. */
    public static final Setting<Boolean> ENTRA_LOGIN = Setting.bool("entraLogin", SettingGroup.ENTRA, PoolSettings.Builder::entraLogin)
            .defaultValue(false)
            .rule("`true`: users sign in over SSH with Microsoft Entra ID (system-assigned identity, `AADSSHLoginForLinux`, role assignments below); see [Sign in with Microsoft Entra ID](operations.md#sign-in-with-microsoft-entra-id-over-ssh). Needs at least one group; groups without `entraLogin: true` are refused. Windows: `AADLoginForWindows` for Remote Desktop with the same identity and roles ([Windows pool](windows.md)).");

    /** The {@code entraAdminGroupObjectIds} setting: docs/configuration.md. */
    public static final Setting<List<String>> ENTRA_ADMIN_GROUP_OBJECT_IDS = Setting.textList("entraAdminGroupObjectIds", SettingGroup.ENTRA, PoolSettings.Builder::entraAdminGroupObjectIds)
            .defaultText("(none)")
            .rule("Entra group object ids (GUIDs, each once) granted *Virtual Machine Administrator Login* (sudo) at the pool's resource group. YAML list or comma-separated.");

    /** The {@code entraUserGroupObjectIds} setting: docs/configuration.md. */
    public static final Setting<List<String>> ENTRA_USER_GROUP_OBJECT_IDS = Setting.textList("entraUserGroupObjectIds", SettingGroup.ENTRA, PoolSettings.Builder::entraUserGroupObjectIds)
            .defaultText("(none)")
            .rule("Same for *Virtual Machine User Login* (no sudo).");

    /** The {@code tags} setting: docs/configuration.md. */
    public static final Setting<Map<String, String>> TAGS = Setting.textMap("tags", SettingGroup.REFERENCES, PoolSettings.Builder::tags)
            .defaultText("(none)")
            .rule("Map of tag names to values, added to every resource (max 50; names without `<>%&\\?/`).");

    /** The {@code adminPassword} setting: docs/configuration.md. */
    public static final Setting<Void> ADMIN_PASSWORD = Setting.<Void>documented("adminPassword", SettingGroup.REFERENCES, Kind.TEXT)
            .defaultText("(generated, secret)")
            .rule("Used for the JupyterHub login, and for SSH while `sshPasswordLogin` keeps password SSH on. Unset: the pool generates one (a `RandomPassword` of the random provider, child of the pool: 24 characters, at least 2 each of lowercase, uppercase, digits and `!#%*+-=?@^_`, so Azure's rules hold by construction), kept in the stack's state and exported as the secret output `adminPassword`. Set with `pulumi config set --secret adminPassword` to choose one: 12-72 chars, 3 of lower/upper/digit/special, no control characters, not a well-known password (a weak or empty value is refused). Windows: 12-123 chars, 3 of 4 classes, not a well-known password, not containing `adminUsername`.");

    /** The {@code sshPublicKeys} setting: docs/configuration.md. */
    public static final Setting<Void> SSH_PUBLIC_KEYS = Setting.<Void>documented("sshPublicKeys", SettingGroup.REFERENCES, Kind.TEXT_LIST)
            .defaultText("(none)")
            .rule("List of OpenSSH public keys for the admin user, in addition to the password. With at least one key, SSH password login is off unless `sshPasswordLogin: true`.");

    /** The {@code resourceGroupName} setting: docs/configuration.md. */
    public static final Setting<Void> RESOURCE_GROUP_NAME = Setting.<Void>documented("resourceGroupName", SettingGroup.REFERENCES, Kind.TEXT)
            .defaultText("(create one)")
            .rule("An existing resource group to deploy into.");


    /** Every setting, in the order of docs/configuration.md. */
    public static final List<Setting<?>> ALL = List.of(POOL_NAME, LOCATION, PRODUCTION, ADDRESS_SPACE, SUBNET_PREFIX, ALLOWED_SOURCE_RANGES, ALLOW_OPEN_INTERNET, DNS_LABEL, SSH_NAT_FIRST_PORT, JUPYTER_NAT_FIRST_PORT, RDP_NAT_FIRST_PORT, POOL_ENTRY, IDLE_TIMEOUT_MINUTES, NOTEBOOK_IDLE_TIMEOUT_MINUTES, OUTBOUND_TYPE, OUTBOUND_PORTS_PER_VM, STORAGE_ACCOUNT_NAME, STORAGE_SKU, SHARE_NAME, SHARE_QUOTA_GIB, SHARE_PROTOCOL, SHARE_SOFT_DELETE_DAYS, MOUNT_POINT, SHARE_DRIVE_LETTER, STORAGE_ENDPOINT_SUFFIX, RESTRICT_STORAGE_TO_SUBNET, STORAGE_KEY_SOURCE, KEY_VAULT_NAME, RESTRICT_KEY_VAULT_TO_SUBNET, OPERATING_SYSTEM, VM_SIZE, VM_SIZE_UNLISTED, COMPUTER_NAME_PREFIX, ADMIN_USERNAME, SSH_PASSWORD_LOGIN, IMAGE_PUBLISHER, IMAGE_OFFER, IMAGE_SKU, IMAGE_VERSION, IMAGE_ID, IMAGE_PLAN_NAME, IMAGE_PLAN_PRODUCT, IMAGE_PLAN_PUBLISHER, OS_DISK_TYPE, UPGRADE_MODE, ZONES, TRUSTED_LAUNCH, MIN_INSTANCE_COUNT, INITIAL_INSTANCE_COUNT, MAX_INSTANCE_COUNT, AUTOSCALE, PROVISIONING_REVISION, HEALTH_EXTENSION, AUTOMATIC_REPAIRS, REPAIR_GRACE_PERIOD_MINUTES, REPAIR_ACTION, SESSION_PROTECTION, SESSIONS, MONITORING, LOG_ANALYTICS_WORKSPACE_ID, LOG_RETENTION_DAYS, ENTRA_LOGIN, ENTRA_ADMIN_GROUP_OBJECT_IDS, ENTRA_USER_GROUP_OBJECT_IDS, TAGS, ADMIN_PASSWORD, SSH_PUBLIC_KEYS, RESOURCE_GROUP_NAME);

    /**
     * The setting of a key.
     *
     * @param key a configuration key
     * @return the setting, if the key is one
     */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }
}
