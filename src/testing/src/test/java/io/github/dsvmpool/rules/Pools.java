package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.TestGraph.armLb;
import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;
import static io.github.dsvmpool.rules.TestGraph.mockId;
import static io.github.dsvmpool.rules.TestGraph.ref;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.network.PrivateSubnet;

/**
 * A small pool that keeps every rule, shaped like the program's graph after the change: Standard LB with a
 * load-balancing rule, a NAT rule V2 on a per-VM backend port and an outbound rule; a scale set of up to 10 VMs
 * joining both pools, with a CustomScript extension whose protected settings are secret; autoscale; SMB storage.
 * Tests change one thing and expect one rule to break.
 */
final class Pools {
    static final String RG = "pool-rg";
    static final String LB = "pool-lb";
    static final String LB_NAME = "pool-lb-azure";
    static final String VMSS = "pool-vmss";
    static final String NSG = "pool-nsg";
    static final String IP = "pool-ip";
    static final String AUTOSCALE = "pool-autoscale";
    static final String STORAGE = "pool-storage";
    static final String SHARE = "pool-share";
    static final String SECRET_MARKER = "MARKER-do-not-print-4d1f7a";

    static final String LB_TYPE = "azure-native:network:LoadBalancer";
    static final String VMSS_TYPE = "azure-native:compute:VirtualMachineScaleSet";

    private Pools() {
    }

    static String lbPart(String collection, String name) {
        return armLb(RG, LB_NAME, collection, name);
    }

    static final String ADMIN_GROUP = "6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f";
    static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
    static final String RG_SCOPE = "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/" + RG;
    static final String ADMIN_ROLE = "/subscriptions/" + SUBSCRIPTION_ID
            + "/providers/Microsoft.Authorization/roleDefinitions/1c0163c0-47e6-4577-8991-ea5c82e286e4";
    static final String USER_ROLE = "/subscriptions/" + SUBSCRIPTION_ID
            + "/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52";

    /** The valid pool with Entra ID SSH login: identity, the extension (extensions[2]) and two role assignments. */
    static TestGraph withEntra() {
        TestGraph graph = valid();
        graph.inputs(VMSS).put("identity", map("type", "SystemAssigned"));
        graph.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions").add(map("name", "entra-ssh-login",
                "publisher", "Microsoft.Azure.ActiveDirectory", "type", "AADSSHLoginForLinux",
                "typeHandlerVersion", "1.0", "autoUpgradeMinorVersion", true,
                "provisionAfterExtensions", list("provision")));
        graph.add("azure-native:authorization:RoleAssignment", "login-admin", map("scope", RG_SCOPE,
                "roleDefinitionId", ADMIN_ROLE, "principalId", ADMIN_GROUP,
                "roleAssignmentName", "0d3c8a57-8a4e-5d36-9b8e-2f1a7c3b9e10"));
        graph.add("azure-native:authorization:RoleAssignment", "login-user", map("scope", RG_SCOPE,
                "roleDefinitionId", USER_ROLE, "principalId", ADMIN_GROUP,
                "roleAssignmentName", "7b2e1f90-4c6d-5a8b-8e3f-0a9d6c5b4e21"));
        return graph;
    }

    static final String SESSION_ROLE = "pool-session-role";
    static final String SESSION_ASSIGNMENT = "pool-session-agent";
    static final String SESSION_ROLE_GUID = "9c1d2e3f-4a5b-5c6d-8e7f-0a1b2c3d4e5f";
    static final String VMSS_SCOPE = RG_SCOPE + "/providers/Microsoft.Compute/virtualMachineScaleSets/pool-vmss-azure";

    /** The valid pool with session protection: the scale set's identity, the agent's role and its assignment. */
    static TestGraph withSessionRole() {
        TestGraph graph = valid();
        graph.inputs(VMSS).put("identity", map("type", "SystemAssigned"));
        graph.add("azure-native:authorization:RoleDefinition", SESSION_ROLE, map("roleDefinitionId", SESSION_ROLE_GUID,
                "scope", RG_SCOPE, "roleName", "dsvm-pool session agent pool " + SESSION_ROLE_GUID,
                "roleType", "CustomRole", "assignableScopes", list(RG_SCOPE),
                "permissions", list(map("actions", new java.util.ArrayList<Object>(
                        io.github.dsvmpool.vm.SessionAgent.ARM_ACTIONS)))));
        graph.add("azure-native:authorization:RoleAssignment", SESSION_ASSIGNMENT, map("scope", VMSS_SCOPE,
                "roleDefinitionId", "/subscriptions/" + SUBSCRIPTION_ID
                        + "/providers/Microsoft.Authorization/roleDefinitions/" + SESSION_ROLE_GUID,
                "principalId", "44444444-4444-4444-8444-444444444444", "principalType", "ServicePrincipal",
                "roleAssignmentName", "6e5d4c3b-2a19-5807-9f6e-5d4c3b2a1908"));
        return graph;
    }

    static final String VAULT = "pool-kv";
    static final String VAULT_NAME = "poolkv1a2b3c4d";

    /** The valid pool reading its key from Key Vault: identity, vault, secret and the Secrets User role. */
    static TestGraph withKeyVault() {
        TestGraph graph = valid();
        graph.add("azure-native:managedidentity:UserAssignedIdentity", "pool-identity", map("resourceGroupName", RG));
        graph.add("azure-native:keyvault:Vault", VAULT, map("resourceGroupName", RG, "vaultName", VAULT_NAME,
                "properties", map("tenantId", "11111111-1111-1111-1111-111111111111",
                        "sku", map("family", "A", "name", "standard"), "enableRbacAuthorization", true,
                        "enableSoftDelete", true, "softDeleteRetentionInDays", 7L)));
        graph.add("azure-native:keyvault:Secret", "pool-storage-key", map("resourceGroupName", RG,
                "vaultName", VAULT_NAME, "secretName", "storage-key",
                "properties", new Registration.SecretValue(map("value", SECRET_MARKER))));
        graph.add("azure-native:authorization:RoleAssignment", "kv-secrets-user", map("scope", RG_SCOPE
                        + "/providers/Microsoft.KeyVault/vaults/" + VAULT_NAME,
                "roleDefinitionId", "/subscriptions/" + SUBSCRIPTION_ID
                        + "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
                "principalId", "22222222-2222-4222-8222-222222222222", "principalType", "ServicePrincipal",
                "roleAssignmentName", "5a6b7c8d-9e0f-5a1b-8c2d-3e4f5a6b7c8d"));
        graph.inputs(VMSS).put("identity", map("type", "UserAssigned", "userAssignedIdentities",
                list(mockId("azure-native:managedidentity:UserAssignedIdentity", "pool-identity"))));
        return graph;
    }

    static final String SUBNET = "pool-subnet";

    /** The Key Vault pool with the vault's firewall on: deny by default, the pool's subnet (with its endpoint) in. */
    static TestGraph withVaultNetwork() {
        TestGraph graph = withKeyVault();
        graph.at(VAULT, "properties").put("networkAcls", map("defaultAction", "Deny", "bypass", "AzureServices",
                "virtualNetworkRules", list(map("id", mockId(PrivateSubnet.TYPE, SUBNET),
                        "ignoreMissingVnetServiceEndpoint", false))));
        graph.inputs(SUBNET).put("serviceEndpoints", list(map("service", "Microsoft.Storage"),
                map("service", "Microsoft.KeyVault")));
        return graph;
    }

    static TestGraph valid() {
        TestGraph graph = new TestGraph();
        graph.add("azure-native:resources:ResourceGroup", RG, map("resourceGroupName", RG, "location", "westeurope"));
        graph.add("azure-native:network:NetworkSecurityGroup", NSG, map("resourceGroupName", RG,
                "networkSecurityGroupName", "pool-nsg-azure",
                "securityRules", list(
                        map("name", "allow-ssh", "priority", 100L, "direction", "Inbound", "access", "Allow",
                                "protocol", "Tcp", "sourceAddressPrefixes", list("203.0.113.0/24", "198.51.100.7"),
                                "destinationAddressPrefix", "*", "sourcePortRange", "*",
                                "destinationPortRanges", list("22", "2222"), "description", "SSH"),
                        map("name", "allow-probes", "priority", 120L, "direction", "Inbound", "access", "Allow",
                                "protocol", "*", "sourceAddressPrefix", "AzureLoadBalancer",
                                "destinationAddressPrefix", "*", "sourcePortRange", "*", "destinationPortRange", "*"),
                        map("name", "deny-internet", "priority", 4096L, "direction", "Inbound", "access", "Deny",
                                "protocol", "*", "sourceAddressPrefix", "Internet", "destinationAddressPrefix", "*",
                                "sourcePortRange", "*", "destinationPortRange", "*"),
                        map("name", "allow-files-out", "priority", 100L, "direction", "Outbound", "access", "Allow",
                                "protocol", "Tcp", "sourceAddressPrefix", "VirtualNetwork",
                                "destinationAddressPrefix", "Storage.WestEurope", "sourcePortRange", "*",
                                "destinationPortRange", "445"),
                        map("name", "deny-ssh-rdp-to-vnet", "priority", 200L, "direction", "Outbound",
                                "access", "Deny", "protocol", "*", "sourceAddressPrefix", "*",
                                "destinationAddressPrefix", "VirtualNetwork", "sourcePortRange", "*",
                                "destinationPortRanges", list("22", "2222", "3389")))));
        graph.add(PrivateSubnet.TYPE, "pool-subnet", map("resourceGroupName", RG,
                "virtualNetworkName", "pool-vnet", "subnetName", "default", "addressPrefix", "10.0.0.0/24",
                "defaultOutboundAccess", false, "networkSecurityGroup", ref(mockId("azure-native:network:NetworkSecurityGroup", NSG))));
        graph.add("azure-native:network:PublicIPAddress", IP, map("resourceGroupName", RG,
                "sku", map("name", "Standard", "tier", "Regional"), "publicIPAllocationMethod", "Static",
                "publicIPAddressVersion", "IPv4"));
        graph.add(LB_TYPE, LB, map("resourceGroupName", RG, "loadBalancerName", LB_NAME,
                "sku", map("name", "Standard", "tier", "Regional"),
                "frontendIPConfigurations", list(map("name", "frontend",
                        "publicIPAddress", ref(mockId("azure-native:network:PublicIPAddress", IP)))),
                "backendAddressPools", list(map("name", "pool"), map("name", "ssh-per-vm")),
                "probes", list(map("name", "jupyter-probe", "protocol", "Tcp", "port", 8000L)),
                "loadBalancingRules", list(map("name", "jupyterhub", "protocol", "Tcp", "frontendPort", 8000L,
                        "backendPort", 8000L, "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations",
                                "frontend")), "backendAddressPool", ref(lbPart("backendAddressPools", "pool")),
                        "probe", ref(lbPart("probes", "jupyter-probe")), "disableOutboundSnat", true)),
                "inboundNatRules", list(map("name", "ssh-per-vm", "protocol", "Tcp",
                        "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations", "frontend")),
                        "backendAddressPool", ref(lbPart("backendAddressPools", "ssh-per-vm")),
                        "frontendPortRangeStart", 50000L, "frontendPortRangeEnd", 50010L, "backendPort", 2222L)),
                "outboundRules", list(map("name", "outbound", "protocol", "All", "allocatedOutboundPorts", 1024L,
                        "frontendIPConfigurations", list(ref(lbPart("frontendIPConfigurations", "frontend"))),
                        "backendAddressPool", ref(lbPart("backendAddressPools", "pool"))))));
        String lbId = mockId(LB_TYPE, LB);
        graph.add(VMSS_TYPE, VMSS, map("resourceGroupName", RG, "vmScaleSetName", "pool-vmss-azure",
                "orchestrationMode", "Uniform", "overprovision", false, "singlePlacementGroup", true,
                "sku", map("name", "Standard_D2s_v3", "tier", "Standard", "capacity", 2L),
                "virtualMachineProfile", map("priority", "Regular",
                        "scheduledEventsProfile", map("terminateNotificationProfile",
                                map("enable", true, "notBeforeTimeout", "PT10M")),
                        "networkProfile", map("networkInterfaceConfigurations", list(map("name", "nic",
                                "primary", true, "ipConfigurations", list(map("name", "ipconfig",
                                        "subnet", ref(mockId(PrivateSubnet.TYPE, "pool-subnet")),
                                        "loadBalancerBackendAddressPools", list(
                                                ref(lbId + "/backendAddressPools/pool"),
                                                ref(lbId + "/backendAddressPools/ssh-per-vm"))))))),
                        "extensionProfile", map("extensions", list(map("name", "provision",
                                "publisher", "Microsoft.Azure.Extensions", "type", "CustomScript",
                                "typeHandlerVersion", "2.1",
                                "settings", map("skipDos2Unix", true),
                                "protectedSettings", new Registration.SecretValue(map(
                                        "commandToExecute", "bash provision.sh --key " + SECRET_MARKER))),
                                map("name", "health", "publisher", "Microsoft.ManagedServices",
                                        "type", "ApplicationHealthLinux", "typeHandlerVersion", "1.0",
                                        "settings", map("protocol", "https", "port", 8000L,
                                                "requestPath", "/hub/health", "intervalInSeconds", 15L,
                                                "numberOfProbes", 4L)))))));
        graph.inputs(VMSS).put("automaticRepairsPolicy", map("enabled", true, "gracePeriod", "PT30M",
                "repairAction", "Replace"));
        String vmssId = mockId(VMSS_TYPE, VMSS);
        graph.add("azure-native:insights:AutoscaleSetting", AUTOSCALE, map("resourceGroupName", RG,
                "targetResourceUri", vmssId, "enabled", true,
                "predictiveAutoscalePolicy", map("scaleMode", "ForecastOnly", "scaleLookAheadTime", "PT15M"),
                "profiles", list(
                        map("name", "working-hours", "capacity", map("minimum", "1", "default", "1", "maximum", "10"),
                                "recurrence", map("frequency", "Week", "schedule", map("timeZone",
                                        "W. Europe Standard Time", "days", list("Monday", "Friday"), "hours",
                                        list(9L), "minutes", list(0L))),
                                "rules", list(map(
                                        "metricTrigger", map("metricName", "Percentage CPU",
                                                "metricResourceUri", vmssId, "timeGrain", "PT1M",
                                                "timeWindow", "PT10M", "statistic", "Average",
                                                "timeAggregation", "Average", "operator", "GreaterThan",
                                                "threshold", 70L),
                                        "scaleAction", map("direction", "Increase", "type", "ChangeCount",
                                                "value", "1", "cooldown", "PT10M")))),
                        map("name", "off-hours", "capacity", map("minimum", "0", "default", "0", "maximum", "0"),
                                "recurrence", map("frequency", "Week", "schedule", map("timeZone",
                                        "W. Europe Standard Time", "days", list("Monday"), "hours", list(17L),
                                        "minutes", list(0L))),
                                "rules", list()),
                        map("name", "holiday", "capacity", map("minimum", "0", "default", "0", "maximum", "0"),
                                "fixedDate", map("timeZone", "UTC", "start", "2026-12-24T00:00:00",
                                        "end", "2026-12-27T00:00:00"), "rules", list()))));
        graph.add("azure-native:storage:StorageAccount", STORAGE, map("resourceGroupName", RG,
                "accountName", "poolstorage01", "kind", "StorageV2", "sku", map("name", "Standard_LRS"),
                "enableHttpsTrafficOnly", true, "minimumTlsVersion", "TLS1_2", "allowBlobPublicAccess", false));
        graph.add("azure-native:storage:FileShare", SHARE, map("resourceGroupName", RG, "accountName",
                "poolstorage01", "shareName", "dsvmshare", "enabledProtocols", "SMB"));
        return graph;
    }

    /** The valid pool with its SMB share made NFS on a premium FileStorage account without secure transfer. */
    static TestGraph nfs() {
        TestGraph graph = valid();
        var account = graph.inputs(STORAGE);
        account.put("kind", "FileStorage");
        account.put("sku", map("name", "Premium_ZRS"));
        account.put("enableHttpsTrafficOnly", false);
        graph.inputs(SHARE).put("enabledProtocols", "NFS");
        return graph;
    }
}
