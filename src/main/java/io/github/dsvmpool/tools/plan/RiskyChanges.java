package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
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
    static final String SUBNET = "azure-native:network:Subnet";
    static final String VIRTUAL_NETWORK = "azure-native:network:VirtualNetwork";
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";
    static final String RESOURCE_GROUP = "azure-native:resources:ResourceGroup";
    static final String KEY_VAULT = "azure-native:keyvault:Vault";

    /** @param when an extra condition on the values; most rules apply to any change of the path */
    record Rule(String type, String pathPattern, BiPredicate<Optional<JsonElement>, Optional<JsonElement>> when,
                String reason) {
        Rule(String type, String pathPattern, String reason) {
            this(type, pathPattern, (before, after) -> true, reason);
        }

        boolean matches(String resourceType, String path, Optional<JsonElement> before, Optional<JsonElement> after) {
            return (type.equals(ANY_TYPE) || type.equals(resourceType))
                    && JsonPaths.glob(pathPattern).matcher(path).matches() && when.test(before, after);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(ANY_TYPE, "location", "a new location replaces the resource"),
            new Rule(RESOURCE_GROUP, "resourceGroupName", "a new resource group name replaces the group and all it holds"),
            new Rule(LOAD_BALANCER, "loadBalancerName", "a new load balancer name replaces the LB; the scale set refers to it by id"),
            new Rule(LOAD_BALANCER, "inboundNatPools**", "a NAT pool in use by the scale set cannot be changed or"
                    + " removed in place (LoadBalancerInboundNatPoolInUseByVirtualMachineScaleSet): needs an order of operations"),
            new Rule(LOAD_BALANCER, "inboundNatRules**", "the per-VM NAT rules: Azure remaps each VM's frontend port,"
                    + " so the ports users keep for \"my VM\" change; a rule's backend pool in use by the scale set"
                    + " must be removed from the scale-set model first"),
            new Rule(SCALE_SET, "virtualMachineProfile.storageProfile.imageReference**", "the scale set's image:"
                    + " reimages or replaces VMs (local disks are lost; running sessions end)"),
            new Rule(SCALE_SET, "orchestrationMode", "the orchestration mode cannot change: replaces the scale set"),
            new Rule(SCALE_SET, "vmScaleSetName", "a new scale set name replaces the scale set"),
            new Rule(SCALE_SET, "virtualMachineProfile.osProfile.adminUsername", "the admin user of existing VMs cannot change"),
            new Rule(SCALE_SET, "virtualMachineProfile.osProfile.computerNamePrefix", "the computer name prefix of existing VMs cannot change"),
            new Rule(STORAGE_ACCOUNT, "accountName", "a new account name replaces the storage account: the share's data stays behind"),
            new Rule(STORAGE_ACCOUNT, "kind", "the account kind (StorageV2/FileStorage) cannot change: replaces the account"),
            new Rule(STORAGE_ACCOUNT, "sku.name", RiskyChanges::tierChanged, "Standard and Premium storage are"
                    + " different account kinds: replaces the account and its share's data"),
            new Rule(FILE_SHARE, "shareName", "a new share name makes a new, empty share (the data stays in the old one)"),
            new Rule(FILE_SHARE, "enabledProtocols", "a share is SMB or NFS for life: replaces the share"),
            new Rule(SUBNET, "subnetName", "a new subnet name replaces the subnet the VMs are in"),
            new Rule(SUBNET, "addressPrefix", "the prefix of a subnet in use by the scale set's NICs cannot change in place"),
            new Rule(VIRTUAL_NETWORK, "virtualNetworkName", "a new network name replaces the VNet and its subnet"),
            new Rule(VIRTUAL_NETWORK, "addressSpace**", "an address range in use by a subnet cannot be removed"),
            new Rule(PUBLIC_IP, "publicIpAddressName", "replaces the public IP: the pool's address changes"),
            new Rule(PUBLIC_IP, "dnsSettings.domainNameLabel", "the pool's DNS name changes for every user"),
            new Rule(KEY_VAULT, "vaultName", "a new vault name replaces the vault: the old one stays soft-deleted"
                    + " under its name (7-90 days), and VMs that still read it fail their next mount"),
            new Rule(KEY_VAULT, "properties.enablePurgeProtection", "purge protection cannot be turned off once on:"
                    + " the vault can then only expire after its soft-delete days"),
            new Rule(SCALE_SET, "identity**", "the VMs' identities change: Entra ID login and the Key Vault read"
                    + " follow the new identity only after its roles have propagated"),
            new Rule(ANY_TYPE, "(protect)", (before, after) -> isTrue(before) && !isTrue(after),
                    "protection is lifted: the resource can be deleted or replaced from now on"));

    private RiskyChanges() {
    }

    /** Why changing {@code path} of a {@code type} resource needs care, if a rule says so. */
    public static Optional<String> assess(String type, String path, Optional<JsonElement> before,
                                          Optional<JsonElement> after) {
        return RULES.stream().filter(rule -> rule.matches(type, path, before, after)).map(Rule::reason).findFirst();
    }

    /** Risks of the resource as a whole, given its property changes (already assessed). */
    public static List<String> resourceRisks(ResourceChange.Kind kind, boolean protectedBefore,
                                             List<PropertyChange> changes) {
        if (kind == ResourceChange.Kind.REMOVED && protectedBefore) {
            return List.of("removes a protected resource (protect: true): Pulumi refuses until protection is lifted,"
                    + " and its data goes with it");
        }
        if (kind == ResourceChange.Kind.CHANGED && protectedBefore
                && changes.stream().anyMatch(change -> change.risk().isPresent() && !change.path().equals("(protect)"))) {
            return List.of("a protected resource would be replaced by the change below: Pulumi refuses while it is protected");
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
