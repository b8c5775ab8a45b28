package io.github.dsvmpool.pool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.ShareProtocol;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The component as another team's program uses it: built from code, not from a stack file. */
class DsvmPoolTest {
    static final StackFile EMPTY_STACK = new StackFile("library", Map.of(), Set.of());

    static PoolSettings.Builder settings() {
        return PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"));
    }

    @Test
    void deploysIntoAnExistingResourceGroupWithAnNfsShareAndNoPoolEntry() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("analytics", DsvmPoolArgs.builder()
                .settings(settings().storageSku("Premium_LRS").shareProtocol(ShareProtocol.NFS).shareQuotaGiB(100)
                        .poolEntry(false).maxInstanceCount(10).build())
                .adminPassword("Library-Password-77")
                .resourceGroupName("existing-rg")
                .build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());

        assertThat(graph.ofType("azure-native:resources:ResourceGroup")).isEmpty();
        assertThat(graph.registrations().stream().filter(Registration::custom)
                        .filter(resource -> resource.type().startsWith("azure-native:")))
                .allSatisfy(resource -> assertThat(input(resource, "resourceGroupName")).isEqualTo("existing-rg"));
        var account = graph.single("azure-native:storage:StorageAccount");
        assertThat(input(account, "kind")).isEqualTo("FileStorage");
        assertThat(input(account, "enableHttpsTrafficOnly")).isEqualTo(false);
        assertThat(input(graph.single("azure-native:storage:FileShare"), "enabledProtocols")).isEqualTo("NFS");
        var lb = graph.single("azure-native:network:LoadBalancer");
        assertThat(lb.inputs().get("loadBalancingRules")).isIn(null, List.of());
        assertThat(lb.inputs()).doesNotContainKey("inboundNatPools");
        assertThat((List<?>) input(lb, "inboundNatRules")).hasSize(2);
        assertThat(input(lb, "inboundNatRules[0].frontendPortRangeEnd")).isEqualTo(51049L);
        // Without the pool entry only the per-VM ports are open.
        assertThat(input(graph.single("azure-native:network:NetworkSecurityGroup"),
                "securityRules[0].destinationPortRange")).isEqualTo("2222");

        String script = MountScript.decode((String) input(graph.single("azure-native:compute:VirtualMachineScaleSet"),
                "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings.script"));
        assertThat(script).contains("DSVM_PROTOCOL='nfs'").contains("DSVM_STORAGE_KEY=''")
                .doesNotContain(RecordingMocks.STORAGE_KEY);
        assertThat(graph.single(DsvmPool.TYPE).name()).isEqualTo("analytics");
    }

    @Test
    void withoutHealthSettingsANonProductionPoolHasNoHealthExtensionAndNoRepairs() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("plain", DsvmPoolArgs.builder()
                .settings(settings().build()).adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
        assertThat((List<?>) input(scaleSet, "virtualMachineProfile.extensionProfile.extensions")).hasSize(1);
        assertThat(scaleSet.inputs()).doesNotContainKey("automaticRepairsPolicy");
    }

    @Test
    void repairsWithRestartAndTheLongestGraceUseTheExtensionAsTheOnlyHealthSource() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("healing", DsvmPoolArgs.builder()
                .settings(settings().automaticRepairs(true).repairGracePeriodMinutes(90).repairAction("Restart")
                        .build())
                .adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, "virtualMachineProfile.extensionProfile.extensions[1].type"))
                .isEqualTo("ApplicationHealthLinux");
        assertThat(input(scaleSet, "automaticRepairsPolicy"))
                .isEqualTo(Map.of("enabled", true, "gracePeriod", "PT90M", "repairAction", "Restart"));
        assertThat(((Map<?, ?>) input(scaleSet, "virtualMachineProfile.networkProfile")).containsKey("healthProbe")).isFalse();
        assertThat(io.github.dsvmpool.rules.AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void theIdleCullersTimeoutTravelsInTheProtectedScriptAndChangesTheRevision() {
        String[] tags = new String[2];
        int[] minutes = {0, 240};
        for (int index = 0; index < 2; index++) {
            int timeout = minutes[index];
            var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("culling", DsvmPoolArgs.builder()
                    .settings(settings().notebookIdleTimeoutMinutes(timeout).build())
                    .adminPassword("Library-Password-77").build()));
            assertThat(outcome.result().exceptions()).isEmpty();
            var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
            String script = MountScript.decode((String) input(scaleSet,
                    "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings.script"));
            assertThat(script).contains("seconds='" + timeout * 60 + "'");
            tags[index] = (String) input(scaleSet, "virtualMachineProfile.extensionProfile.extensions[0].forceUpdateTag");
        }
        assertThat(tags[0]).isNotEqualTo(tags[1]);
    }

    static final String ADMINS = "6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f";
    static final String USERS = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Test
    void entraLoginGivesTheScaleSetItsIdentityTheExtensionAndOneRoleAssignmentPerGroupAndRole() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("entra", DsvmPoolArgs.builder()
                .settings(settings().entraLogin(true).entraAdminGroupObjectIds(List.of(ADMINS))
                        .entraUserGroupObjectIds(List.of(USERS, ADMINS.toUpperCase())).build())
                .adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, "identity.type")).isEqualTo("SystemAssigned");
        assertThat(input(scaleSet, "virtualMachineProfile.extensionProfile.extensions[1]")).isEqualTo(Map.of(
                "name", "entra-ssh-login", "publisher", "Microsoft.Azure.ActiveDirectory",
                "type", "AADSSHLoginForLinux", "typeHandlerVersion", "1.0", "autoUpgradeMinorVersion", true,
                "provisionAfterExtensions", List.of("provision-vm")));
        var assignments = graph.ofType("azure-native:authorization:RoleAssignment");
        assertThat(assignments).hasSize(3).allSatisfy(assignment -> {
            assertThat(assignment.parentUrn()).isEqualTo(graph.single(DsvmPool.TYPE).urn());
            assertThat(assignment.name()).startsWith("entra-login-");
            assertThat(input(assignment, "scope")).isEqualTo("/subscriptions/" + RecordingMocks.SUBSCRIPTION_ID
                    + "/resourceGroups/entra-rg");
            // No principalType, so that Azure refuses a group id that matches no group (issue 16.6).
            assertThat(assignment.inputs()).doesNotContainKey("principalType");
            assertThat((String) input(assignment, "roleAssignmentName")).matches(
                    "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        });
        String roles = "/subscriptions/" + RecordingMocks.SUBSCRIPTION_ID
                + "/providers/Microsoft.Authorization/roleDefinitions/";
        assertThat(assignments).extracting(a -> input(a, "roleDefinitionId") + " " + input(a, "principalId"))
                .containsExactlyInAnyOrder(roles + "1c0163c0-47e6-4577-8991-ea5c82e286e4 " + ADMINS,
                        roles + "fb879df8-f326-4884-b1cf-06f3ad86be52 " + USERS,
                        roles + "fb879df8-f326-4884-b1cf-06f3ad86be52 " + ADMINS);
        assertThat(assignments).extracting(a -> input(a, "roleAssignmentName")).doesNotHaveDuplicates();
        assertThat(io.github.dsvmpool.rules.AzureRules.check(outcome.registrations()).broken()).isEmpty();

        // the same stack again: the same names (no replacement on update)
        var again = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("entra", DsvmPoolArgs.builder()
                .settings(settings().entraLogin(true).entraAdminGroupObjectIds(List.of(ADMINS))
                        .entraUserGroupObjectIds(List.of(ADMINS, USERS)).build())
                .adminPassword("Library-Password-77").build()));
        assertThat(new Graph(again.registrations()).ofType("azure-native:authorization:RoleAssignment"))
                .extracting(a -> a.name() + " " + input(a, "roleAssignmentName"))
                .containsExactlyInAnyOrderElementsOf(assignments.stream()
                        .map(a -> a.name() + " " + input(a, "roleAssignmentName")).toList());
    }

    @Test
    void withoutEntraLoginThereIsNoIdentityNoLoginExtensionAndNoRoleAssignment() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("plain", DsvmPoolArgs.builder()
                .settings(settings().build()).adminPassword("Library-Password-77").build()));
        var graph = new Graph(outcome.registrations());
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(scaleSet.inputs()).doesNotContainKey("identity");
        assertThat(graph.ofType("azure-native:authorization:RoleAssignment")).isEmpty();
    }

    @Test
    void theKeyInKeyVaultIsReadByAUserAssignedIdentityGrantedBeforeTheScaleSetAndTheExtensionCarriesNoKey() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("vaulted", DsvmPoolArgs.builder()
                .settings(settings().storageKeySource(io.github.dsvmpool.config.StorageKeySource.KEY_VAULT)
                        .keyVaultName("vaulted-kv-01").build())
                .adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var identity = graph.single("azure-native:managedidentity:UserAssignedIdentity");
        var vault = graph.single("azure-native:keyvault:Vault");
        var secret = graph.single("azure-native:keyvault:Secret");
        var role = graph.single("azure-native:authorization:RoleAssignment");
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(List.of(identity, vault, secret, role)).allSatisfy(resource ->
                assertThat(resource.parentUrn()).isEqualTo(graph.single(DsvmPool.TYPE).urn()));
        assertThat(identity.name()).isEqualTo("vaulted-identity");
        assertThat(vault.name()).isEqualTo("vaulted-kv");
        assertThat(input(vault, "vaultName")).isEqualTo("vaulted-kv-01");
        assertThat(input(vault, "properties.enableRbacAuthorization")).isEqualTo(true);
        assertThat(input(vault, "properties.sku")).isEqualTo(Map.of("family", "A", "name", "standard"));
        assertThat(input(vault, "properties.tenantId")).isEqualTo("11111111-1111-1111-1111-111111111111");
        // not production: 7 days of soft delete, no (irreversible) purge protection
        assertThat(input(vault, "properties.softDeleteRetentionInDays")).isEqualTo(7L);
        assertThat(((Map<?, ?>) input(vault, "properties")).containsKey("enablePurgeProtection")).isFalse();
        assertThat(input(secret, "vaultName")).isEqualTo("vaulted-kv-01");
        assertThat(input(secret, "secretName")).isEqualTo("storage-key");
        assertThat(((Map<?, ?>) secret.inputs().get("properties")).get("value")).isInstanceOf(Registration.SecretValue.class);
        assertThat(input(secret, "properties.value")).isEqualTo(RecordingMocks.STORAGE_KEY);
        assertThat(input(role, "roleDefinitionId")).isEqualTo("/subscriptions/" + RecordingMocks.SUBSCRIPTION_ID
                + "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6");
        assertThat(input(role, "scope")).isEqualTo("/subscriptions/" + RecordingMocks.SUBSCRIPTION_ID
                + "/resourceGroups/vaulted-rg/providers/Microsoft.KeyVault/vaults/vaulted-kv-01");
        assertThat(input(role, "principalId")).isEqualTo(RecordingMocks.MOCK_IDENTITY_PRINCIPAL_ID);
        assertThat(input(role, "principalType")).isEqualTo("ServicePrincipal");
        // the scale set waits for the secret and the role, and runs as the identity
        assertThat(scaleSet.dependencies()).contains(secret.urn(), role.urn());
        assertThat(input(scaleSet, "identity.type")).isEqualTo("UserAssigned");
        assertThat(input(scaleSet, "identity.userAssignedIdentities")).isEqualTo(List.of(identity.id()));
        // the extension's script carries no key, only where to read it
        String script = MountScript.decode((String) input(scaleSet,
                "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings.script"));
        assertThat(script).contains("DSVM_STORAGE_KEY=''")
                .contains("DSVM_KEY_VAULT_URL='https://vaulted-kv-01.vault.azure.net'")
                .contains("DSVM_KEY_VAULT_SECRET='storage-key'")
                .contains("DSVM_KEY_VAULT_RESOURCE='https://vault.azure.net'")
                .contains("DSVM_IDENTITY_CLIENT_ID='" + RecordingMocks.MOCK_IDENTITY_CLIENT_ID + "'")
                .doesNotContain(RecordingMocks.STORAGE_KEY);
        assertThat(io.github.dsvmpool.rules.AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void keyVaultFollowsTheCloudAndNfsOrTheExtensionDeclareNoVault() {
        var china = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("cn", DsvmPoolArgs.builder()
                .settings(settings().location("chinanorth3").storageEndpointSuffix("core.chinacloudapi.cn")
                        .storageKeySource(io.github.dsvmpool.config.StorageKeySource.KEY_VAULT).build())
                .adminPassword("Library-Password-77").build()));
        String script = MountScript.decode((String) input(new Graph(china.registrations())
                        .single("azure-native:compute:VirtualMachineScaleSet"),
                "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings.script"));
        assertThat(script).contains(".vault.azure.cn'").contains("DSVM_KEY_VAULT_RESOURCE='https://vault.azure.cn'");
        for (var builder : List.of(settings(), settings().storageSku("Premium_LRS").shareProtocol(ShareProtocol.NFS)
                .shareQuotaGiB(100).production(true).allowOpenInternet(false))) {
            var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("plain", DsvmPoolArgs.builder()
                    .settings(builder.build()).adminPassword("Library-Password-77").build()));
            assertThat(outcome.result().exceptions()).isEmpty();
            assertThat(new Graph(outcome.registrations()).ofType("azure-native:keyvault:Vault")).isEmpty();
        }
    }

    @Test
    void invalidSettingsAreRefusedAtConstructionBeforeAnyChild() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("analytics", DsvmPoolArgs.builder()
                .settings(settings().maxInstanceCount(0).adminUsername("Admin").build())
                .adminPassword("Library-Password-77")
                .build()));
        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.result().exceptions()).anySatisfy(error -> assertThat(error)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("in DsvmPool 'analytics'")
                .hasMessageContaining("maxInstanceCount = '0'")
                .hasMessageContaining("adminUsername = 'Admin'"));
        assertThat(outcome.registrations()).extracting(Registration::type)
                .doesNotContain("azure-native:network:VirtualNetwork", "azure-native:storage:StorageAccount");
    }

    @Test
    void aThousandVmPoolLeavesThroughANatGatewayWithSixteenAddresses() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("big", DsvmPoolArgs.builder()
                .settings(settings().maxInstanceCount(1000).subnetPrefix("10.0.0.0/22").build())
                .adminPassword("Library-Password-77")
                .build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var natGateway = graph.single("azure-native:network:NatGateway");
        assertThat(input(natGateway, "sku.name")).isEqualTo("Standard");
        assertThat((List<?>) input(natGateway, "publicIpAddresses")).hasSize(16);
        assertThat(graph.ofType("azure-native:network:PublicIPAddress")).hasSize(17)
                .allSatisfy(ip -> assertThat(input(ip, "publicIPAllocationMethod")).isEqualTo("Static"));
        assertThat(input(graph.single(PrivateSubnet.TYPE), "natGateway.id")).isEqualTo(natGateway.id());
        var lb = graph.single("azure-native:network:LoadBalancer");
        assertThat(lb.inputs().get("outboundRules")).as("no outbound rule beside the NAT gateway").isIn(null, List.of());
        assertThat(input(lb, "inboundNatRules[0].frontendPortRangeEnd")).isEqualTo(51049L);
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, "singlePlacementGroup")).isEqualTo(false);
    }

    @Test
    void aPoolTheEntryAddressCannotServeGetsDedicatedOutboundAddressesOnTheLoadBalancer() {
        // 20 x 3,200 ports = 64,000: more than the entry address keeps after 42 inbound ports x 8.
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("lbout", DsvmPoolArgs.builder()
                .settings(settings().maxInstanceCount(20).outboundType(OutboundType.LOAD_BALANCER)
                        .outboundPortsPerVm(3200).build())
                .adminPassword("Library-Password-77")
                .build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        assertThat(graph.ofType("azure-native:network:NatGateway")).isEmpty();
        var lb = graph.single("azure-native:network:LoadBalancer");
        assertThat((List<?>) input(lb, "frontendIPConfigurations")).hasSize(2);
        assertThat(input(lb, "frontendIPConfigurations[1].name")).isEqualTo("outbound-1");
        assertThat((List<?>) input(lb, "outboundRules[0].frontendIPConfigurations")).hasSize(1);
        assertThat((String) input(lb, "outboundRules[0].frontendIPConfigurations[0].id"))
                .endsWith("/frontendIPConfigurations/outbound-1");
        assertThat(input(lb, "outboundRules[0].allocatedOutboundPorts")).isEqualTo(3200L);
        assertThat(graph.ofType("azure-native:network:PublicIPAddress")).extracting(Registration::name)
                .containsExactlyInAnyOrder("lbout-ip", "lbout-outbound-ip-1");
    }
}
