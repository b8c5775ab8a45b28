package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Changes Azure cannot apply in place (see shared AZURE-NOTES.md): each rule names a resource type (or
 * {@link #ANY_TYPE}), a path pattern ({@link JsonPaths#glob}) and why the change needs care. One table, so that
 * adding a rule is adding a line. Resource-level risks (removing a protected resource) are in
 * {@link #resourceRisks}.
 */
public final class RiskyChanges {
    public static final String ANY_TYPE = "*";

    static final String LOAD_BALANCER = "azure-native:network:LoadBalancer";
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
    static final String FILE_SHARE = "azure-native:storage:FileShare";
    /** The pool's subnet, decided in one place; its rules match the previous type too ({@link #sameType}). */
    static final String SUBNET = PrivateSubnet.TYPE;
    static final String VIRTUAL_NETWORK = "azure-native:network:VirtualNetwork";
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";
    static final String RESOURCE_GROUP = "azure-native:resources:ResourceGroup";
    static final String KEY_VAULT = "azure-native:keyvault:Vault";
    static final String NAT_GATEWAY = "azure-native:network:NatGateway";

    /**
     * @param when     an extra condition on the values; most rules apply to any change of the path
     * @param reason   why the change needs care
     * @param whatToDo what the reviewer or author should do about it, in order where order matters
     */
    record Rule(String type, String pathPattern, BiPredicate<Optional<JsonElement>, Optional<JsonElement>> when,
                String reason, String whatToDo) {
        Rule(String type, String pathPattern, String reason, String whatToDo) {
            this(type, pathPattern, (before, after) -> true, reason, whatToDo);
        }

        boolean matches(String resourceType, String path, Optional<JsonElement> before, Optional<JsonElement> after) {
            return (type.equals(ANY_TYPE) || sameType(type, resourceType))
                    && JsonPaths.glob(pathPattern).matcher(path).matches() && when.test(before, after);
        }

        /** The text a diff shows: why, then what to do. */
        String advice() {
            return reason + "; what to do: " + whatToDo;
        }
    }

    private static final String OUTBOUND_ADDRESSES_CHANGE = "the VMs' outbound traffic leaves from other public"
            + " addresses (the outbound design follows maxInstanceCount x outboundPortsPerVm)";
    private static final String OUTBOUND_WHAT_TO_DO = "update allow-lists elsewhere with the new outboundIpAddresses"
            + " output; open connections are reset";
    private static final String KEEP_OLD = "keep the old value unless a replacement is intended";
    private static final String KEEP_ZONES = "an existing pool keeps its graph with zones: none in its stack file"
            + " (docs/operations.md, \"Zones and Trusted Launch\")";

    static final List<Rule> RULES = List.of(
            new Rule(ANY_TYPE, "location", "a new location replaces the resource",
                    "deploy a new pool in the new region beside the old one and move the share's data, then remove the old pool"),
            new Rule(RESOURCE_GROUP, "resourceGroupName", "a new resource group name replaces the group and all it holds",
                    KEEP_OLD + "; a rename means a new pool and moving the share's data first"),
            new Rule(LOAD_BALANCER, "loadBalancerName", "a new load balancer name replaces the LB; the scale set refers to it by id",
                    KEEP_OLD + " (poolName and the LB name are part of every client's address)"),
            new Rule(LOAD_BALANCER, "inboundNatPools**", "a NAT pool in use by the scale set cannot be changed or"
                    + " removed in place (LoadBalancerInboundNatPoolInUseByVirtualMachineScaleSet)",
                    "in this order: 1. remove the NAT pool from the scale set's network profile and upgrade every"
                            + " instance (az vmss update-instances --instance-ids '*'); 2. then change or remove the"
                            + " pool on the load balancer, in a second update; 3. add it back to the scale set if kept"),
            new Rule(LOAD_BALANCER, "inboundNatRules**", "the per-VM NAT rules: Azure remaps each VM's frontend port,"
                    + " so the ports users keep for \"my VM\" change; a rule's backend pool in use by the scale set"
                    + " must be removed from the scale-set model first",
                    "in this order: 1. take the rule's backend pool (ssh-per-vm or jupyterhub-per-vm) off the scale"
                            + " set's IP configuration and upgrade every instance; 2. then change the rule, in a second"
                            + " update; 3. put the pool back; tell users their per-VM ports change"),
            new Rule(SCALE_SET, "virtualMachineProfile.storageProfile.imageReference**", "the scale set's image:"
                    + " reimages or replaces VMs (local disks are lost; running sessions end)",
                    "announce it and deploy out of working hours (data on the share is kept); pin imageVersion to"
                            + " roll out a known image"),
            new Rule(SCALE_SET, "orchestrationMode", "the orchestration mode cannot change: replaces the scale set",
                    "keep Uniform; a new mode means a new scale set deployed beside the old one"),
            new Rule(SCALE_SET, "vmScaleSetName", "a new scale set name replaces the scale set",
                    KEEP_OLD + " (every VM is recreated; running sessions end)"),
            new Rule(SCALE_SET, "virtualMachineProfile.osProfile.adminUsername", "the admin user of existing VMs cannot change",
                    KEEP_OLD + "; a new admin user needs new VMs (reimage all instances after the update)"),
            new Rule(SCALE_SET, "virtualMachineProfile.osProfile.computerNamePrefix", "the computer name prefix of existing VMs cannot change",
                    KEEP_OLD + "; only VMs created after the update get the new prefix"),
            new Rule(STORAGE_ACCOUNT, "accountName", "a new account name replaces the storage account: the share's data stays behind",
                    "copy the share's data to the new account first (azcopy), or " + KEEP_OLD),
            new Rule(STORAGE_ACCOUNT, "kind", "the account kind (StorageV2/FileStorage) cannot change: replaces the account",
                    "create the new account beside the old one, copy the share's data (azcopy), then switch"),
            new Rule(STORAGE_ACCOUNT, "sku.name", RiskyChanges::tierChanged, "Standard and Premium storage are"
                    + " different account kinds: replaces the account and its share's data",
                    "create the new account beside the old one, copy the share's data (azcopy), then switch"),
            new Rule(FILE_SHARE, "shareName", "a new share name makes a new, empty share (the data stays in the old one)",
                    "copy the data to the new share first (azcopy), or " + KEEP_OLD),
            new Rule(FILE_SHARE, "enabledProtocols", "a share is SMB or NFS for life: replaces the share",
                    "create the new share beside the old one and copy the data, then switch shareProtocol"),
            new Rule(SUBNET, "subnetName", "a new subnet name replaces the subnet the VMs are in",
                    KEEP_OLD + " (the scale set must move to the new subnet first)"),
            new Rule(SUBNET, "addressPrefix", "the prefix of a subnet in use by the scale set's NICs cannot change in place",
                    "scale the pool to 0 (or move it to a new subnet) before the update, then scale back"),
            new Rule(VIRTUAL_NETWORK, "virtualNetworkName", "a new network name replaces the VNet and its subnet",
                    KEEP_OLD + "; a new network means a new pool"),
            new Rule(VIRTUAL_NETWORK, "addressSpace**", "an address range in use by a subnet cannot be removed",
                    "only add ranges; move or remove the subnets in a range before removing it"),
            new Rule(PUBLIC_IP, "publicIpAddressName", "replaces the public IP: the pool's address changes",
                    KEEP_OLD + ", or tell users and update allow-lists that name the old address"),
            new Rule(PUBLIC_IP, "dnsSettings.domainNameLabel", "the pool's DNS name changes for every user",
                    "tell users the new address (and update bookmarks, SSH configs and certificates)"),
            // Zones are fixed at creation (issue 21): a production pool deployed before zones cannot take them in place.
            new Rule(SCALE_SET, "zones**", "a scale set's zones can only be set when it is created (REST spec"
                    + " compute virtualMachineScaleSet.json, zones): Azure cannot apply it in place, so the update"
                    + " either replaces the scale set (every VM is recreated, running sessions end) or fails",
                    KEEP_ZONES + "; to move into zones, deploy out of working hours (the share's data is kept)"),
            new Rule(PUBLIC_IP, "zones**", "zones cannot be added, changed or removed on an existing public IP"
                    + " (\"Zones cannot be added/updated/removed once the resource is created\": Azure/azure-cli"
                    + " issue 16653): the update either replaces the address (the pool's entry or outbound address"
                    + " changes) or fails",
                    KEEP_ZONES + "; to move into zones, tell users the new address (the DNS name stays) and update"
                            + " allow-lists with the new outboundIpAddresses"),
            new Rule(NAT_GATEWAY, "zones**", "a NAT gateway's zone cannot change after it is deployed (Learn \"NAT"
                    + " gateway and availability zones\"): the update either replaces the gateway or fails",
                    KEEP_OLD + "; outbound connections are reset while the gateway is replaced"),
            new Rule(KEY_VAULT, "vaultName", "a new vault name replaces the vault: the old one stays soft-deleted"
                    + " under its name (7-90 days), and VMs that still read it fail their next mount",
                    KEEP_OLD + "; if intended, re-run the provisioning (provisioningRevision) after the update"),
            new Rule(KEY_VAULT, "properties.enablePurgeProtection", "purge protection cannot be turned off once on:"
                    + " the vault can then only expire after its soft-delete days",
                    "turn it on only for vaults meant to last (production)"),
            // Outbound grows with maxInstanceCount (issue 16.3): above what the entry address's SNAT ports hold,
            // AUTO moves the VMs to dedicated addresses or a NAT gateway, so their outbound address changes.
            new Rule(SUBNET, "natGateway**", OUTBOUND_ADDRESSES_CHANGE, OUTBOUND_WHAT_TO_DO),
            // A subnet made private keeps the implicit outbound addresses of VMs already running until they are
            // stopped and deallocated (Learn "Default outbound access in Azure"); VMs without an explicit path
            // would lose the internet (the pool always has one: rule private-subnet-has-explicit-outbound).
            new Rule(SUBNET, "defaultOutboundAccess", "default outbound access changes for the subnet's VMs: running"
                    + " VMs keep their implicit outbound address until they are stopped and deallocated; anything"
                    + " in the subnet without a load-balancer outbound rule or NAT gateway loses the internet",
                    "nothing for the pool's own VMs (they leave through its outbound rule or NAT gateway); check"
                            + " other VMs in the subnet; the night's scale to zero deallocates the pool's VMs"),
            new Rule(LOAD_BALANCER, "outboundRules[*].frontendIPConfigurations**", OUTBOUND_ADDRESSES_CHANGE,
                    OUTBOUND_WHAT_TO_DO),
            new Rule(LOAD_BALANCER, "outboundRules[*].name", OUTBOUND_ADDRESSES_CHANGE, OUTBOUND_WHAT_TO_DO),
            new Rule(SCALE_SET, "identity**", "the VMs' identities change: Entra ID login and the Key Vault read"
                    + " follow the new identity only after its roles have propagated",
                    "expect logins and key reads to fail for a few minutes; re-run the provisioning if a mount failed"),
            new Rule(ANY_TYPE, "(protect)", (before, after) -> isTrue(before) && !isTrue(after),
                    "protection is lifted: the resource can be deleted or replaced from now on",
                    "make sure this is intended (production: true protects the storage); lift it only in a change of"
                            + " its own"),
            new Rule(ANY_TYPE, "(retainOnDelete)", (before, after) -> isTrue(before) && !isTrue(after),
                    "retainOnDelete is lifted: deleting the stack or this resource now deletes it in Azure, with its data",
                    "make sure this is intended (production: true retains the share); back the data up before a"
                            + " destroy"));

    private RiskyChanges() {
    }

    /** The subnet's API versions are one resource to Azure: a rule for one holds for the other. */
    static boolean sameType(String ruleType, String resourceType) {
        return ruleType.equals(resourceType)
                || PrivateSubnet.TYPES.contains(ruleType) && PrivateSubnet.TYPES.contains(resourceType);
    }

    /** Why changing {@code path} of a {@code type} resource needs care, if a rule says so. */
    public static Optional<String> assess(String type, String path, Optional<JsonElement> before,
                                          Optional<JsonElement> after) {
        return RULES.stream().filter(rule -> rule.matches(type, path, before, after)).map(Rule::advice).findFirst();
    }

    /** Risks of the resource as a whole, given its property changes (already assessed). */
    public static List<String> resourceRisks(ResourceChange.Kind kind, boolean protectedBefore,
                                             List<PropertyChange> changes) {
        if (kind == ResourceChange.Kind.REMOVED && protectedBefore) {
            return List.of("removes a protected resource (protect: true): Pulumi refuses until protection is lifted,"
                    + " and its data goes with it; what to do: keep the resource, or move its data first and lift"
                    + " protection in a change of its own");
        }
        if (kind == ResourceChange.Kind.CHANGED && protectedBefore
                && changes.stream().anyMatch(change -> change.risk().isPresent() && !change.path().equals("(protect)"))) {
            return List.of("a protected resource would be replaced by the change below: Pulumi refuses while it is"
                    + " protected; what to do: avoid the replacing change, or move the data and lift protection first");
        }
        return List.of();
    }

    /** Standard_LRS -> Standard_ZRS keeps the tier; Standard_* <-> Premium_* does not. */
    static boolean tierChanged(Optional<JsonElement> before, Optional<JsonElement> after) {
        return !tier(before).equals(tier(after));
    }

    private static String tier(Optional<JsonElement> sku) {
        String name = sku.filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).orElse("");
        int underscore = name.indexOf('_');
        return underscore < 0 ? name : name.substring(0, underscore);
    }

    private static boolean isTrue(Optional<JsonElement> value) {
        return value.filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).orElse("").equals("true");
    }
}
