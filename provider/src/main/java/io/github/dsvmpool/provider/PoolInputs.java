package io.github.dsvmpool.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * The inputs of {@code dsvm-pool:index:DsvmPool} in every Pulumi language: the stack configuration keys of the
 * configuration reference (docs/configuration.md), with the same defaults and limits, plus the secrets and references. Shaped for the SDK's schema
 * inference: plain types (the settings size the network, so they must be known at construction), outputs for
 * the password and references to other resources, nested classes for the schedule; no Optional, Set, Either,
 * enums or resource references.
 */
public final class PoolInputs extends ResourceArgs {
    @Description("The Azure region, e.g. westeurope.")
    @Import(name = "location", required = true)
    public String location;
    @Description("Protects and retains the storage; default false.")
    @Import(name = "production")
    public Boolean production;
    @Description("The VNet's IPv4 CIDR; default 10.0.0.0/16.")
    @Import(name = "addressSpace")
    public String addressSpace;
    @Description("The pool's subnet; default 10.0.0.0/24.")
    @Import(name = "subnetPrefix")
    public String subnetPrefix;
    @Description("IPv4 addresses or CIDRs allowed to reach SSH and JupyterHub.")
    @Import(name = "allowedSourceRanges")
    public List<String> allowedSourceRanges;
    @Description("Admits the whole internet; default false.")
    @Import(name = "allowOpenInternet")
    public Boolean allowOpenInternet;
    @Description("The DNS label of the pool's public address (<label>.<region>.cloudapp.azure.com); default <poolName>-<hash of subscription, project, stack and pool>.")
    @Import(name = "dnsLabel")
    public String dnsLabel;
    @Description("First per-VM SSH port; default 50000.")
    @Import(name = "sshNatFirstPort")
    public Integer sshNatFirstPort;
    @Description("First per-VM JupyterHub port; default 52000.")
    @Import(name = "jupyterNatFirstPort")
    public Integer jupyterNatFirstPort;
    @Description("The load-balanced entry: SSH on 22 and JupyterHub on 8000 to any VM; default true.")
    @Import(name = "poolEntry")
    public Boolean poolEntry;
    @Description("The load balancer's TCP idle timeout, 4-30 minutes; default 30.")
    @Import(name = "idleTimeoutMinutes")
    public Integer idleTimeoutMinutes;
    @Description("How the VMs reach the internet: auto (default), loadBalancer or natGateway.")
    @Import(name = "outboundType")
    public String outboundType;
    @Description("SNAT ports per VM with loadBalancer outbound, a multiple of 8 from 8 to 64000; default 1024.")
    @Import(name = "outboundPortsPerVm")
    public Integer outboundPortsPerVm;
    @Description("The storage account's name, 3-24 lowercase letters and digits; default derived from the subscription, project, stack and pool.")
    @Import(name = "storageAccountName")
    public String storageAccountName;
    @Description("The storage account's SKU; default Standard_LRS.")
    @Import(name = "storageSku")
    public String storageSku;
    @Description("The Azure Files share every VM mounts; default dsvmshare.")
    @Import(name = "shareName")
    public String shareName;
    @Description("The share's quota in GiB, 1-102400; default 100.")
    @Import(name = "shareQuotaGiB")
    public Integer shareQuotaGiB;
    @Description("The share's protocol: SMB (default) or NFS.")
    @Import(name = "shareProtocol")
    public String shareProtocol;
    @Description("Days a deleted share can be restored, 1-365; default 14.")
    @Import(name = "shareSoftDeleteDays")
    public Integer shareSoftDeleteDays;
    @Description("Where the share is mounted on every VM; default /datamnt/dsvmshare.")
    @Import(name = "mountPoint")
    public String mountPoint;
    @Description("The storage endpoint suffix of the Azure cloud; default core.windows.net.")
    @Import(name = "storageEndpointSuffix")
    public String storageEndpointSuffix;
    @Description("Lets the storage account be reached only from the pool's subnet (service endpoint); default true.")
    @Import(name = "restrictStorageToSubnet")
    public Boolean restrictStorageToSubnet;
    @Description("The VM size of every pool VM; default Standard_D2s_v3.")
    @Import(name = "vmSize")
    public String vmSize;
    @Description("Default false: vmSize must be in the project's size list; true accepts a size the list does not know yet.")
    @Import(name = "vmSizeUnlisted")
    public Boolean vmSizeUnlisted;
    @Description("The prefix of the VMs' host names; default dsvm.")
    @Import(name = "computerNamePrefix")
    public String computerNamePrefix;
    @Description("The VMs' admin account; default dsadmin.")
    @Import(name = "adminUsername")
    public String adminUsername;
    @Description("The marketplace image's publisher; default microsoft-dsvm.")
    @Import(name = "imagePublisher")
    public String imagePublisher;
    @Description("The marketplace image's offer; default ubuntu-2204.")
    @Import(name = "imageOffer")
    public String imageOffer;
    @Description("The marketplace image's SKU; default 2204-gen2.")
    @Import(name = "imageSku")
    public String imageSku;
    @Description("The marketplace image's version; default latest.")
    @Import(name = "imageVersion")
    public String imageVersion;
    @Description("An Azure Compute Gallery image (definition or version) id instead of the marketplace image.")
    @Import(name = "imageId")
    public String imageId;
    @Description("Purchase plan, only if the image needs one.")
    @Import(name = "imagePlanName")
    public String imagePlanName;
    @Description("The purchase plan's product, with imagePlanName.")
    @Import(name = "imagePlanProduct")
    public String imagePlanProduct;
    @Description("The purchase plan's publisher, with imagePlanName.")
    @Import(name = "imagePlanPublisher")
    public String imagePlanPublisher;
    @Description("The OS disk's storage type; default StandardSSD_LRS.")
    @Import(name = "osDiskType")
    public String osDiskType;
    @Description("How the scale set applies a changed model: Automatic (default) or Manual.")
    @Import(name = "upgradeMode")
    public String upgradeMode;
    @Description("Change it to run the provisioning script again on every VM; default 1.")
    @Import(name = "provisioningRevision")
    public String provisioningRevision;
    @Description("The fixed VM count floor when there is no autoscale schedule; default 1.")
    @Import(name = "minInstanceCount")
    public Integer minInstanceCount;
    @Description("The VM count at creation; default 1.")
    @Import(name = "initialInstanceCount")
    public Integer initialInstanceCount;
    @Description("The most VMs the pool may have (sizes the subnet and outbound), 1-1000; default 4.")
    @Import(name = "maxInstanceCount")
    public Integer maxInstanceCount;
    @Description("0 (off) or 10-10080 minutes before an idle notebook server is stopped; default 60.")
    @Import(name = "notebookIdleTimeoutMinutes")
    public Integer notebookIdleTimeoutMinutes;
    @Description("The Application Health extension as the one health source; default as production.")
    @Import(name = "healthExtension")
    public Boolean healthExtension;
    @Description("Automatic instance repairs (needs the health extension); default as production.")
    @Import(name = "automaticRepairs")
    public Boolean automaticRepairs;
    @Description("10-90 minutes; default 30.")
    @Import(name = "repairGracePeriodMinutes")
    public Integer repairGracePeriodMinutes;
    @Description("Replace (default), Restart or Reimage.")
    @Import(name = "repairAction")
    public String repairAction;
    @Description("Sign-in with Microsoft Entra ID over SSH; default false (needs at least one group).")
    @Import(name = "entraLogin")
    public Boolean entraLogin;
    @Description("Entra group object ids given Virtual Machine Administrator Login; default none.")
    @Import(name = "entraAdminGroupObjectIds")
    public List<String> entraAdminGroupObjectIds;
    @Description("Entra group object ids given Virtual Machine User Login; default none.")
    @Import(name = "entraUserGroupObjectIds")
    public List<String> entraUserGroupObjectIds;
    @Description("extension or keyVault; default keyVault for SMB in production, else extension.")
    @Import(name = "storageKeySource")
    public String storageKeySource;
    @Description("The Key Vault's name (storage key), 3-24 characters; default derived.")
    @Import(name = "keyVaultName")
    public String keyVaultName;
    @Description("The team's week; default always on.")
    @Import(name = "autoscale")
    public ScheduleInputs autoscale;
    @Description("VMs in use (a terminal session, a busy notebook, a user's long-running process) protect themselves from scale-in through the session agent and its role; default as production.")
    @Import(name = "sessionProtection")
    public Boolean sessionProtection;
    @Description("The session agent's knobs: idle time, CPU share, the evening bound and the longest protection; default the agent's.")
    @Import(name = "sessions")
    public SessionInputs sessions;
    @Description("The Azure Monitor Agent on every VM, a data collection rule, alerts to autoscale.notifications.emails and the Key Vault's audit logs; default as production (without an address the alerts show in the portal only).")
    @Import(name = "monitoring")
    public Boolean monitoring;
    @Description("An existing Log Analytics workspace's ARM id for the pool's logs; default none: the pool creates its own.")
    @Import(name = "logAnalyticsWorkspaceId")
    public String logAnalyticsWorkspaceId;
    @Description("Days the workspace the pool creates keeps its logs, 30-730; default 30; refused with logAnalyticsWorkspaceId.")
    @Import(name = "logRetentionDays")
    public Integer logRetentionDays;
    @Description("Azure tags on every resource, as name/value pairs (the SDK's deserialiser takes no maps of strings; the stack setting's map becomes a list here); default none.")
    @Import(name = "tags")
    public List<TagInputs> tags;
    @Description("The admin password (JupyterHub login); a secret. 12-72 characters, 3 of 4 character classes. Default: the pool generates one and exports it as its secret adminPassword output.")
    @Import(name = "adminPassword")
    public Output<String> adminPassword;
    @Description("OpenSSH public keys for the admin; default none.")
    @Import(name = "sshPublicKeys")
    public Output<List<String>> sshPublicKeys;
    @Description("An existing resource group; default: the pool creates <poolName>-rg.")
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
