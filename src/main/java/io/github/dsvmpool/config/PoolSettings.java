package io.github.dsvmpool.config;

import io.github.dsvmpool.plans.autoscale.AlwaysOnSchedule;
import io.github.dsvmpool.plans.autoscale.AutoscaleSettings;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every plain (non-secret) decision about one pool, with secure defaults. Pure: no Pulumi types, so it can be
 * validated and tested without an engine. The builder's method names are the stack configuration keys.
 */
public record PoolSettings(String location, boolean production, NetworkSettings network,
                           LoadBalancerSettings loadBalancer, OutboundSettings outbound, StorageSettings storage,
                           ScaleSetSettings scaleSet, HealthSettings health, EntraSettings entra,
                           Optional<AutoscaleSettings> autoscale, Map<String, String> tags) {

    public PoolSettings {
        tags = Map.copyOf(tags);
    }

    /**
     * The team's week. Empty means one always-on profile from {@code minInstanceCount},
     * {@code initialInstanceCount} and {@code maxInstanceCount}; with a schedule, the schedule's profiles set the
     * counts and {@code minInstanceCount} is not used.
     */
    public Optional<AutoscaleSettings> autoscale() {
        return autoscale;
    }

    /** The week the pool follows: the configured schedule, or the one always-on profile from the counts. */
    public AutoscaleSettings schedule() {
        return autoscale.orElseGet(() -> AlwaysOnSchedule.of(scaleSet.instanceCounts()));
    }

    /** The health source and automatic repairs, with the defaults for this pool resolved. */
    public io.github.dsvmpool.plans.HealthPlan healthPlan() {
        return health.plan(production);
    }

    /** Where the VMs get the storage key; {@code vaultName} is the derived default when none is configured. */
    public io.github.dsvmpool.plans.KeyVaultPlan keyVaultPlan(String defaultVaultName) {
        return new io.github.dsvmpool.plans.KeyVaultPlan(storage.keySource(production) == StorageKeySource.KEY_VAULT,
                storage.keyVaultName().orElse(defaultVaultName), production,
                production ? io.github.dsvmpool.plans.KeyVaultPlan.PRODUCTION_SOFT_DELETE_DAYS
                        : io.github.dsvmpool.plans.KeyVaultPlan.DEFAULT_SOFT_DELETE_DAYS,
                storage.endpointSuffix());
    }

    /** Every problem with these settings; empty when they are valid. */
    public List<Problem> problems() {
        return PoolSettingsValidator.problems(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults are documented in README.md's configuration table; keep both in step. */
    public static final class Builder {
        private String location;
        private boolean production = false;
        private String addressSpace = "10.0.0.0/16";
        private String subnetPrefix = "10.0.0.0/24";
        private List<String> allowedSourceRanges = List.of();
        private boolean allowOpenInternet = false;
        private Optional<String> dnsLabel = Optional.empty();
        private int sshNatFirstPort = 50_000;
        private int jupyterNatFirstPort = 51_000;
        private boolean poolEntry = true;
        private int idleTimeoutMinutes = 30;
        private OutboundType outboundType = OutboundType.AUTO;
        private int outboundPortsPerVm = io.github.dsvmpool.plans.OutboundPlan.DEFAULT_PORTS_PER_VM;
        private Optional<String> storageAccountName = Optional.empty();
        private String storageSku = "Standard_LRS";
        private String shareName = "dsvmshare";
        private int shareQuotaGiB = 100;
        private ShareProtocol shareProtocol = ShareProtocol.SMB;
        private int shareSoftDeleteDays = 14;
        private String mountPoint = "/datamnt/dsvmshare";
        private String storageEndpointSuffix = "core.windows.net";
        private boolean restrictStorageToSubnet = true;
        private Optional<StorageKeySource> storageKeySource = Optional.empty();
        private Optional<String> keyVaultName = Optional.empty();
        private String vmSize = "Standard_D2s_v3";
        private String computerNamePrefix = "dsvm";
        private String adminUsername = "dsadmin";
        private String imagePublisher = ImageReference.UBUNTU_DSVM.publisher();
        private String imageOffer = ImageReference.UBUNTU_DSVM.offer();
        private String imageSku = ImageReference.UBUNTU_DSVM.sku();
        private String imageVersion = ImageReference.UBUNTU_DSVM.version();
        private Optional<PurchasePlan> imagePlan = Optional.empty();
        private String osDiskType = "StandardSSD_LRS";
        private String upgradeMode = "Automatic";
        private String provisioningRevision = "1";
        private int notebookIdleTimeoutMinutes = io.github.dsvmpool.vm.IdleCuller.DEFAULT_MINUTES;
        private int minInstanceCount = 1;
        private int initialInstanceCount = 1;
        private int maxInstanceCount = 4;
        private Optional<Boolean> healthExtension = Optional.empty();
        private Optional<Boolean> automaticRepairs = Optional.empty();
        private int repairGracePeriodMinutes = io.github.dsvmpool.plans.HealthPlan.DEFAULT_GRACE_MINUTES;
        private String repairAction = io.github.dsvmpool.plans.HealthPlan.DEFAULT_REPAIR_ACTION;
        private boolean entraLogin = false;
        private List<String> entraAdminGroupObjectIds = List.of();
        private List<String> entraUserGroupObjectIds = List.of();
        private Optional<AutoscaleSettings> autoscale = Optional.empty();
        private Map<String, String> tags = Map.of();

        public Builder location(String value) { location = value; return this; }
        public Builder production(boolean value) { production = value; return this; }
        public Builder addressSpace(String value) { addressSpace = value; return this; }
        public Builder subnetPrefix(String value) { subnetPrefix = value; return this; }
        public Builder allowedSourceRanges(List<String> value) { allowedSourceRanges = List.copyOf(value); return this; }
        public Builder allowOpenInternet(boolean value) { allowOpenInternet = value; return this; }
        public Builder dnsLabel(String value) { dnsLabel = Optional.ofNullable(value); return this; }
        public Builder sshNatFirstPort(int value) { sshNatFirstPort = value; return this; }
        public Builder jupyterNatFirstPort(int value) { jupyterNatFirstPort = value; return this; }
        public Builder poolEntry(boolean value) { poolEntry = value; return this; }
        public Builder idleTimeoutMinutes(int value) { idleTimeoutMinutes = value; return this; }
        public Builder outboundType(OutboundType value) { outboundType = value; return this; }
        public Builder outboundPortsPerVm(int value) { outboundPortsPerVm = value; return this; }
        public Builder storageAccountName(String value) { storageAccountName = Optional.ofNullable(value); return this; }
        public Builder storageSku(String value) { storageSku = value; return this; }
        public Builder shareName(String value) { shareName = value; return this; }
        public Builder shareQuotaGiB(int value) { shareQuotaGiB = value; return this; }
        public Builder shareProtocol(ShareProtocol value) { shareProtocol = value; return this; }
        public Builder shareSoftDeleteDays(int value) { shareSoftDeleteDays = value; return this; }
        public Builder mountPoint(String value) { mountPoint = value; return this; }
        public Builder storageEndpointSuffix(String value) { storageEndpointSuffix = value; return this; }
        public Builder restrictStorageToSubnet(boolean value) { restrictStorageToSubnet = value; return this; }
        public Builder storageKeySource(StorageKeySource value) { storageKeySource = Optional.ofNullable(value); return this; }
        public Builder keyVaultName(String value) { keyVaultName = Optional.ofNullable(value); return this; }
        public Builder vmSize(String value) { vmSize = value; return this; }
        public Builder computerNamePrefix(String value) { computerNamePrefix = value; return this; }
        public Builder adminUsername(String value) { adminUsername = value; return this; }
        public Builder imagePublisher(String value) { imagePublisher = value; return this; }
        public Builder imageOffer(String value) { imageOffer = value; return this; }
        public Builder imageSku(String value) { imageSku = value; return this; }
        public Builder imageVersion(String value) { imageVersion = value; return this; }
        public Builder image(ImageReference value) {
            return imagePublisher(value.publisher()).imageOffer(value.offer()).imageSku(value.sku())
                    .imageVersion(value.version());
        }
        public Builder imagePlan(PurchasePlan value) { imagePlan = Optional.ofNullable(value); return this; }
        public Builder osDiskType(String value) { osDiskType = value; return this; }
        public Builder upgradeMode(String value) { upgradeMode = value; return this; }
        public Builder provisioningRevision(String value) { provisioningRevision = value; return this; }
        public Builder notebookIdleTimeoutMinutes(int value) { notebookIdleTimeoutMinutes = value; return this; }
        public Builder minInstanceCount(int value) { minInstanceCount = value; return this; }
        public Builder initialInstanceCount(int value) { initialInstanceCount = value; return this; }
        public Builder maxInstanceCount(int value) { maxInstanceCount = value; return this; }
        public Builder healthExtension(boolean value) { healthExtension = Optional.of(value); return this; }
        public Builder automaticRepairs(boolean value) { automaticRepairs = Optional.of(value); return this; }
        public Builder repairGracePeriodMinutes(int value) { repairGracePeriodMinutes = value; return this; }
        public Builder repairAction(String value) { repairAction = value; return this; }
        public Builder entraLogin(boolean value) { entraLogin = value; return this; }
        public Builder entraAdminGroupObjectIds(List<String> value) { entraAdminGroupObjectIds = List.copyOf(value); return this; }
        public Builder entraUserGroupObjectIds(List<String> value) { entraUserGroupObjectIds = List.copyOf(value); return this; }
        public Builder autoscale(AutoscaleSettings value) { autoscale = Optional.ofNullable(value); return this; }
        public Builder tags(Map<String, String> value) { tags = Map.copyOf(value); return this; }

        /** Builds without validating, so that all problems can be reported together by {@link #problems()}. */
        public PoolSettings build() {
            return new PoolSettings(location, production,
                    new NetworkSettings(addressSpace, subnetPrefix, allowedSourceRanges, allowOpenInternet),
                    new LoadBalancerSettings(dnsLabel, sshNatFirstPort, jupyterNatFirstPort, poolEntry,
                            idleTimeoutMinutes),
                    new OutboundSettings(outboundType, outboundPortsPerVm),
                    new StorageSettings(storageAccountName, storageSku, shareName, shareQuotaGiB, shareProtocol,
                            shareSoftDeleteDays, mountPoint, storageEndpointSuffix, restrictStorageToSubnet,
                            storageKeySource, keyVaultName),
                    new ScaleSetSettings(vmSize, computerNamePrefix, adminUsername,
                            new ImageReference(imagePublisher, imageOffer, imageSku, imageVersion), imagePlan, osDiskType,
                            upgradeMode, new InstanceCounts(minInstanceCount, initialInstanceCount, maxInstanceCount),
                            provisioningRevision, notebookIdleTimeoutMinutes),
                    new HealthSettings(healthExtension, automaticRepairs, repairGracePeriodMinutes, repairAction),
                    new EntraSettings(entraLogin, entraAdminGroupObjectIds, entraUserGroupObjectIds),
                    autoscale, tags);
        }
    }
}
