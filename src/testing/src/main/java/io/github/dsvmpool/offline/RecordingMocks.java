package io.github.dsvmpool.offline;

import com.pulumi.test.Mocks;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for Azure under the mock engine: answers every resource with plausible outputs (its id, its Azure
 * name, a public IP and FQDN, a generated password, random bytes) and the invokes the program makes
 * (subscription, account keys).
 */
public final class RecordingMocks implements Mocks {
    public static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
    /** Marks the fake account key so that tests can search every output for it. */
    public static final String STORAGE_KEY = "MOCK-STORAGE-KEY-c2VjcmV0LWtleQ==";
    private static final String RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
    private static final String RANDOM_BYTES = "random:index/randomBytes:RandomBytes";

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs);
        // Dependants read `name` (e.g. resourceGroupName): give back the Azure name, or the logical name when
        // Azure would have auto-named the resource.
        state.putIfAbsent("name", azureName(args.type, args.inputs).orElse(args.name));
        // Azure's ids carry no API version: a versioned type (network/v20230501) gets the id of its default type.
        String id = "/subscriptions/" + SUBSCRIPTION_ID + "/mock/"
                + args.type.replaceFirst("/v\\d{8}[a-z]*:", ":").replace(':', '/') + "/" + args.name;
        state.put("id", id);
        if (args.type.equals("azure-native:network:PublicIPAddress")) {
            state.put("ipAddress", "203.0.113.200");
            Object label = args.inputs.get("dnsSettings") instanceof Map<?, ?> dns ? dns.get("domainNameLabel") : null;
            state.put("dnsSettings", Map.of("domainNameLabel", String.valueOf(label),
                    "fqdn", label + ".westeurope.cloudapp.azure.com"));
        }
        if (args.type.equals(RANDOM_PASSWORD)) {
            state.put("result", MockRandomPassword.generate(args.name, args.inputs));
        }
        if (args.type.equals(RANDOM_BYTES)) {
            state.putAll(MockRandomBytes.outputs(args.name, args.inputs));
        }
        if (args.type.equals("azure-native:compute:VirtualMachineScaleSet")
                && args.inputs.get("identity") instanceof Map<?, ?> identity
                && identity.get("userAssignedIdentities") instanceof List<?> ids) {
            // Azure answers the user-assigned identities as a map of id -> {principalId, clientId}.
            var answered = new HashMap<String, Object>(castMap(identity));
            var byId = new HashMap<String, Object>();
            ids.forEach(each -> byId.put(String.valueOf(each), Map.of("principalId", MOCK_IDENTITY_PRINCIPAL_ID,
                    "clientId", MOCK_IDENTITY_CLIENT_ID)));
            answered.put("userAssignedIdentities", byId);
            state.put("identity", answered);
        }
        if (args.type.equals("azure-native:compute:VirtualMachineScaleSet")
                && state.get("identity") instanceof Map<?, ?> identity
                && String.valueOf(identity.get("type")).startsWith("SystemAssigned")) {
            // Azure answers a system-assigned identity's object id (a fixed fake).
            var answered = new HashMap<String, Object>(castMap(identity));
            answered.put("principalId", MOCK_SYSTEM_PRINCIPAL_ID);
            state.put("identity", answered);
        }
        if (args.type.equals("azure-native:managedidentity:UserAssignedIdentity")) {
            // Azure's object and client ids of the identity (fixed fakes).
            state.put("principalId", MOCK_IDENTITY_PRINCIPAL_ID);
            state.put("clientId", MOCK_IDENTITY_CLIENT_ID);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** The base64 bytes these mocks answer for a {@code RandomBytes} named {@code name}, for tests' expectations. */
    public static String randomBytesBase64(String name, int length) {
        return java.util.Base64.getEncoder().encodeToString(MockRandomBytes.bytes(name, length));
    }

    public static final String MOCK_IDENTITY_PRINCIPAL_ID = "22222222-2222-4222-8222-222222222222";
    public static final String MOCK_IDENTITY_CLIENT_ID = "33333333-3333-4333-8333-333333333333";
    public static final String MOCK_SYSTEM_PRINCIPAL_ID = "44444444-4444-4444-8444-444444444444";

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "azure-native:authorization:getClientConfig" -> Map.of("subscriptionId", SUBSCRIPTION_ID,
                    "tenantId", "11111111-1111-1111-1111-111111111111", "clientId", "mock", "objectId", "mock");
            case "azure-native:storage:listStorageAccountKeys" -> Map.of("keys", List.of(
                    Map.of("keyName", "key1", "value", STORAGE_KEY, "permissions", "FULL", "creationTime", "")));
            default -> Map.of();
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The input that carries the Azure name of each resource type, when the program sets one. */
    private static final Map<String, String> NAME_INPUTS = Map.ofEntries(
            Map.entry("azure-native:resources:ResourceGroup", "resourceGroupName"),
            Map.entry("azure-native:network:VirtualNetwork", "virtualNetworkName"),
            Map.entry("azure-native:network:Subnet", "subnetName"),
            Map.entry(PrivateSubnet.TYPE, "subnetName"),
            Map.entry("azure-native:network:NetworkSecurityGroup", "networkSecurityGroupName"),
            Map.entry("azure-native:network:PublicIPAddress", "publicIpAddressName"),
            Map.entry("azure-native:network:LoadBalancer", "loadBalancerName"),
            Map.entry("azure-native:storage:StorageAccount", "accountName"),
            Map.entry("azure-native:storage:FileServiceProperties", "fileServicesName"),
            Map.entry("azure-native:storage:FileShare", "shareName"),
            Map.entry("azure-native:compute:VirtualMachineScaleSet", "vmScaleSetName"),
            Map.entry("azure-native:insights:AutoscaleSetting", "autoscaleSettingName"),
            Map.entry("azure-native:keyvault:Vault", "vaultName"),
            Map.entry("azure-native:keyvault:Secret", "secretName"),
            Map.entry("azure-native:managedidentity:UserAssignedIdentity", "resourceName"));

    private static Optional<String> azureName(String type, Map<String, Object> inputs) {
        return Optional.ofNullable(NAME_INPUTS.get(type)).map(inputs::get).map(String::valueOf);
    }
}
