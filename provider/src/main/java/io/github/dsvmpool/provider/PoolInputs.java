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
    /** The Azure region, e.g. westeurope. */
    @Import(name = "location", required = true)
    public String location;
    /** Protects and retains the storage; default false. */
    @Import(name = "production")
    public Boolean production;
    /** The VNet's IPv4 CIDR; default 10.0.0.0/16. */
    @Import(name = "addressSpace")
    public String addressSpace;
    /** The pool's subnet; default 10.0.0.0/24. */
    @Import(name = "subnetPrefix")
    public String subnetPrefix;
    /** IPv4 addresses or CIDRs allowed to reach SSH and JupyterHub. */
    @Import(name = "allowedSourceRanges")
    public List<String> allowedSourceRanges;
    /** Admits the whole internet; default false. */
    @Import(name = "allowOpenInternet")
    public Boolean allowOpenInternet;
    /** Default {@code <poolName>-<hash>}. */
    @Import(name = "dnsLabel")
    public String dnsLabel;
    /** First per-VM SSH port; default 50000. */
    @Import(name = "sshNatFirstPort")
    public Integer sshNatFirstPort;
    /** First per-VM JupyterHub port; default 52000. */
    @Import(name = "jupyterNatFirstPort")
    public Integer jupyterNatFirstPort;
    /** The rules 22 and 8000 to any VM; default true. */
    @Import(name = "poolEntry")
    public Boolean poolEntry;
    /** 4-30; default 30. */
    @Import(name = "idleTimeoutMinutes")
    public Integer idleTimeoutMinutes;
    /** Auto (default), loadBalancer or natGateway. */
    @Import(name = "outboundType")
    public String outboundType;
    /** A multiple of 8 from 8 to 64000; default 1024. */
    @Import(name = "outboundPortsPerVm")
    public Integer outboundPortsPerVm;
    /** 3-24 lowercase letters and digits; default derived. */
    @Import(name = "storageAccountName")
    public String storageAccountName;
    /** Default Standard_LRS. */
    @Import(name = "storageSku")
    public String storageSku;
    /** Default dsvmshare. */
    @Import(name = "shareName")
    public String shareName;
    /** 1-102400; default 100. */
    @Import(name = "shareQuotaGiB")
    public Integer shareQuotaGiB;
    /** SMB (default) or NFS. */
    @Import(name = "shareProtocol")
    public String shareProtocol;
    /** 1-365; default 14. */
    @Import(name = "shareSoftDeleteDays")
    public Integer shareSoftDeleteDays;
    /** Default /datamnt/dsvmshare. */
    @Import(name = "mountPoint")
    public String mountPoint;
    /** Default core.windows.net. */
    @Import(name = "storageEndpointSuffix")
    public String storageEndpointSuffix;
    /** Default true. */
    @Import(name = "restrictStorageToSubnet")
    public Boolean restrictStorageToSubnet;
    /** Default Standard_D2s_v3. */
    @Import(name = "vmSize")
    public String vmSize;
    /** Default false: vmSize must be in the project's size list; true accepts a size the list does not know yet. */
    @Import(name = "vmSizeUnlisted")
    public Boolean vmSizeUnlisted;
    /** Default dsvm. */
    @Import(name = "computerNamePrefix")
    public String computerNamePrefix;
    /** Default dsadmin. */
    @Import(name = "adminUsername")
    public String adminUsername;
    /** Default microsoft-dsvm. */
    @Import(name = "imagePublisher")
    public String imagePublisher;
    /** Default ubuntu-2204. */
    @Import(name = "imageOffer")
    public String imageOffer;
    /** Default 2204-gen2. */
    @Import(name = "imageSku")
    public String imageSku;
    /** Default latest. */
    @Import(name = "imageVersion")
    public String imageVersion;
    /** An Azure Compute Gallery image (definition or version) id instead of the marketplace image. */
    @Import(name = "imageId")
    public String imageId;
    /** Purchase plan, only if the image needs one. */
    @Import(name = "imagePlanName")
    public String imagePlanName;
    /** See imagePlanName. */
    @Import(name = "imagePlanProduct")
    public String imagePlanProduct;
    /** See imagePlanName. */
    @Import(name = "imagePlanPublisher")
    public String imagePlanPublisher;
    /** Default StandardSSD_LRS. */
    @Import(name = "osDiskType")
    public String osDiskType;
    /** Automatic (default) or Manual. */
    @Import(name = "upgradeMode")
    public String upgradeMode;
    /** Default 1. */
    @Import(name = "provisioningRevision")
    public String provisioningRevision;
    /** Default 1; not with autoscale. */
    @Import(name = "minInstanceCount")
    public Integer minInstanceCount;
    /** Default 1. */
    @Import(name = "initialInstanceCount")
    public Integer initialInstanceCount;
    /** 1-1000; default 4. */
    @Import(name = "maxInstanceCount")
    public Integer maxInstanceCount;
    /** 0 (off) or 10-10080 minutes before an idle notebook server is stopped; default 60. */
    @Import(name = "notebookIdleTimeoutMinutes")
    public Integer notebookIdleTimeoutMinutes;
    /** The Application Health extension as the one health source; default as production. */
    @Import(name = "healthExtension")
    public Boolean healthExtension;
    /** Automatic instance repairs (needs the health extension); default as production. */
    @Import(name = "automaticRepairs")
    public Boolean automaticRepairs;
    /** 10-90 minutes; default 30. */
    @Import(name = "repairGracePeriodMinutes")
    public Integer repairGracePeriodMinutes;
    /** Replace (default), Restart or Reimage. */
    @Import(name = "repairAction")
    public String repairAction;
    /** Sign-in with Microsoft Entra ID over SSH; default false (needs at least one group). */
    @Import(name = "entraLogin")
    public Boolean entraLogin;
    /** Entra group object ids given Virtual Machine Administrator Login; default none. */
    @Import(name = "entraAdminGroupObjectIds")
    public List<String> entraAdminGroupObjectIds;
    /** Entra group object ids given Virtual Machine User Login; default none. */
    @Import(name = "entraUserGroupObjectIds")
    public List<String> entraUserGroupObjectIds;
    /** extension or keyVault; default keyVault for SMB in production, else extension. */
    @Import(name = "storageKeySource")
    public String storageKeySource;
    /** 3-24 characters; default derived. */
    @Import(name = "keyVaultName")
    public String keyVaultName;
    /** The team's week; default always on. */
    @Import(name = "autoscale")
    public ScheduleInputs autoscale;
    /** VMs in use protect themselves from scale-in (the session agent and its role); default as production. */
    @Import(name = "sessionProtection")
    public Boolean sessionProtection;
    /** The session agent's knobs; default the agent's (docs/sessions.md). */
    @Import(name = "sessions")
    public SessionInputs sessions;
    /**
     * Azure tags on every resource, as name/value pairs (the SDK's deserialiser takes no maps of strings; the stack
     * setting's map becomes a list here); default none.
     */
    @Import(name = "tags")
    public List<TagInputs> tags;
    /**
     * The admin password (JupyterHub login); a secret. 12-72 characters, 3 of 4 character classes. Default: the
     * pool generates one and exports it as its secret {@code adminPassword} output.
     */
    @Import(name = "adminPassword")
    public Output<String> adminPassword;
    /** OpenSSH public keys for the admin; default none. */
    @Import(name = "sshPublicKeys")
    public Output<List<String>> sshPublicKeys;
    /** An existing resource group; default: the pool creates {@code <name>-rg}. */
    @Import(name = "resourceGroupName")
    public Output<String> resourceGroupName;
    /** An existing subnet to join (another pool's {@code subnetId} output); default: the pool's own network. */
    @Import(name = "existingSubnetId")
    public Output<String> existingSubnetId;
    /** The existing subnet's IPv4 prefix, required with {@code existingSubnetId} (sizes are checked with it). */
    @Import(name = "existingSubnetPrefix")
    public String existingSubnetPrefix;

    /** One Azure tag. */
    public static final class TagInputs extends ResourceArgs {
        /** 1-512 characters without {@code < > % & \\ ? /}. */
        @Import(name = "name", required = true)
        public String name;
        /** At most 256 characters. */
        @Import(name = "value", required = true)
        public String value;
    }
}
