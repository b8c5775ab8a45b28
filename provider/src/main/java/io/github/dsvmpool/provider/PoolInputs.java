package io.github.dsvmpool.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * The inputs of {@code dsvm-pool:index:DsvmPool} in every Pulumi language: the stack configuration keys of
 * {@link io.github.dsvmpool.config.SettingCatalog} (their schema descriptions and their conversion come from it;
 * {@code PoolInputsCatalogTest} fails on drift), plus the references below. Shaped for the SDK's schema
 * inference: plain types (the settings size the network, so they must be known at construction), outputs for
 * the password and references to other resources, nested classes for the schedule; no Optional, Set, Either,
 * enums or resource references.
 */
public final class PoolInputs extends ResourceArgs {
    @Import(name = "location", required = true)
    public String location;
    @Import(name = "production")
    public Boolean production;
    @Import(name = "addressSpace")
    public String addressSpace;
    @Import(name = "subnetPrefix")
    public String subnetPrefix;
    @Import(name = "allowedSourceRanges")
    public List<String> allowedSourceRanges;
    @Import(name = "allowOpenInternet")
    public Boolean allowOpenInternet;
    @Import(name = "dnsLabel")
    public String dnsLabel;
    @Import(name = "sshNatFirstPort")
    public Integer sshNatFirstPort;
    @Import(name = "jupyterNatFirstPort")
    public Integer jupyterNatFirstPort;
    @Import(name = "rdpNatFirstPort")
    public Integer rdpNatFirstPort;
    @Import(name = "poolEntry")
    public Boolean poolEntry;
    @Import(name = "idleTimeoutMinutes")
    public Integer idleTimeoutMinutes;
    @Import(name = "outboundType")
    public String outboundType;
    @Import(name = "outboundPortsPerVm")
    public Integer outboundPortsPerVm;
    @Import(name = "storageAccountName")
    public String storageAccountName;
    @Import(name = "storageSku")
    public String storageSku;
    @Import(name = "shareName")
    public String shareName;
    @Import(name = "shareQuotaGiB")
    public Integer shareQuotaGiB;
    @Import(name = "shareProtocol")
    public String shareProtocol;
    @Import(name = "shareSoftDeleteDays")
    public Integer shareSoftDeleteDays;
    @Import(name = "mountPoint")
    public String mountPoint;
    @Import(name = "shareDriveLetter")
    public String shareDriveLetter;
    @Import(name = "storageEndpointSuffix")
    public String storageEndpointSuffix;
    @Import(name = "restrictStorageToSubnet")
    public Boolean restrictStorageToSubnet;
    @Import(name = "operatingSystem")
    public String operatingSystem;
    @Import(name = "vmSize")
    public String vmSize;
    @Import(name = "vmSizeUnlisted")
    public Boolean vmSizeUnlisted;
    @Import(name = "computerNamePrefix")
    public String computerNamePrefix;
    @Import(name = "adminUsername")
    public String adminUsername;
    @Import(name = "sshPasswordLogin")
    public Boolean sshPasswordLogin;
    @Import(name = "imagePublisher")
    public String imagePublisher;
    @Import(name = "imageOffer")
    public String imageOffer;
    @Import(name = "imageSku")
    public String imageSku;
    @Import(name = "imageVersion")
    public String imageVersion;
    @Import(name = "imageId")
    public String imageId;
    @Import(name = "imagePlanName")
    public String imagePlanName;
    @Import(name = "imagePlanProduct")
    public String imagePlanProduct;
    @Import(name = "imagePlanPublisher")
    public String imagePlanPublisher;
    @Import(name = "osDiskType")
    public String osDiskType;
    @Import(name = "upgradeMode")
    public String upgradeMode;
    @Import(name = "provisioningRevision")
    public String provisioningRevision;
    @Import(name = "minInstanceCount")
    public Integer minInstanceCount;
    @Import(name = "initialInstanceCount")
    public Integer initialInstanceCount;
    @Import(name = "maxInstanceCount")
    public Integer maxInstanceCount;
    @Import(name = "notebookIdleTimeoutMinutes")
    public Integer notebookIdleTimeoutMinutes;
    @Import(name = "healthExtension")
    public Boolean healthExtension;
    @Import(name = "automaticRepairs")
    public Boolean automaticRepairs;
    @Import(name = "repairGracePeriodMinutes")
    public Integer repairGracePeriodMinutes;
    @Import(name = "repairAction")
    public String repairAction;
    @Import(name = "entraLogin")
    public Boolean entraLogin;
    @Import(name = "entraAdminGroupObjectIds")
    public List<String> entraAdminGroupObjectIds;
    @Import(name = "entraUserGroupObjectIds")
    public List<String> entraUserGroupObjectIds;
    @Import(name = "storageKeySource")
    public String storageKeySource;
    @Import(name = "keyVaultName")
    public String keyVaultName;
    @Import(name = "restrictKeyVaultToSubnet")
    public Boolean restrictKeyVaultToSubnet;
    @Import(name = "autoscale")
    public ScheduleInputs autoscale;
    @Import(name = "sessionProtection")
    public Boolean sessionProtection;
    @Import(name = "sessions")
    public SessionInputs sessions;
    @Import(name = "zones")
    public List<String> zones;
    @Import(name = "trustedLaunch")
    public Boolean trustedLaunch;
    @Import(name = "monitoring")
    public Boolean monitoring;
    @Import(name = "logAnalyticsWorkspaceId")
    public String logAnalyticsWorkspaceId;
    @Import(name = "logRetentionDays")
    public Integer logRetentionDays;
    @Import(name = "tags")
    public List<TagInputs> tags;
    @Import(name = "adminPassword")
    public Output<String> adminPassword;
    @Import(name = "sshPublicKeys")
    public Output<List<String>> sshPublicKeys;
    @Import(name = "resourceGroupName")
    public Output<String> resourceGroupName;
    @Description("An existing subnet to join (another pool's subnetId output); default: the pool's own network.")
    @Import(name = "existingSubnetId")
    public Output<String> existingSubnetId;
    @Description("The existing subnet's IPv4 prefix, required with existingSubnetId (sizes are checked with it).")
    @Import(name = "existingSubnetPrefix")
    public String existingSubnetPrefix;

    /** One Azure tag. */
    @Description("One Azure tag.")
    public static final class TagInputs extends ResourceArgs {
        @Description("The tag's name: 1-512 characters without < > % & \\ ? /.")
        @Import(name = "name", required = true)
        public String name;
        @Description("The tag's value: at most 256 characters.")
        @Import(name = "value", required = true)
        public String value;
    }
}
