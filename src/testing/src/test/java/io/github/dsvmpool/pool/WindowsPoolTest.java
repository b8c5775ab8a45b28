package io.github.dsvmpool.pool;

import static io.github.dsvmpool.pool.DsvmPoolTest.EMPTY_STACK;
import static io.github.dsvmpool.pool.DsvmPoolTest.settings;
import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.OperatingSystem;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.StorageKeySource;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.SessionAgent;
import io.github.dsvmpool.vm.ShippedResources;
import io.github.dsvmpool.vm.windows.WindowsProvisioningScript;
import io.github.dsvmpool.vm.windows.WindowsSessionAgent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Windows pool as a library user's program registers it: the scale set, its extensions, the RDP entry, the NSG. */
class WindowsPoolTest {
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String EXTENSIONS = "virtualMachineProfile.extensionProfile.extensions";
    static final String GROUP = "6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f";

    static PoolSettings.Builder windows() {
        return settings().operatingSystem(OperatingSystem.WINDOWS).computerNamePrefix("dsvmwin");
    }

    static OfflineRun.Outcome pool(PoolSettings settings) {
        return OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("win", DsvmPoolArgs.builder()
                .settings(settings).adminPassword("Library-Password-77").build()));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Registration resource, String path) {
        return (List<Object>) input(resource, path);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Registration resource, String path) {
        return (Map<String, Object>) input(resource, path);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> extension(Registration scaleSet, String name) {
        return ((List<Object>) input(scaleSet, EXTENSIONS)).stream().map(each -> (Map<String, Object>) each)
                .filter(each -> name.equals(each.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void theScaleSetRunsTheWindowsDsvmWithAWindowsProfileAndItsExtensions() {
        var outcome = pool(windows().healthExtension(true).build());
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var scaleSet = graph.single(SCALE_SET);
        assertThat(input(scaleSet, "virtualMachineProfile.storageProfile.imageReference")).isEqualTo(Map.of(
                "publisher", "microsoft-dsvm", "offer", "dsvm-win-2022", "sku", "winserver-2022", "version", "latest"));
        assertThat(scaleSet.inputs()).doesNotContainKey("plan");
        var os = map(scaleSet, "virtualMachineProfile.osProfile");
        assertThat(os.get("windowsConfiguration")).isEqualTo(Map.of("provisionVMAgent", true,
                "enableAutomaticUpdates", true));
        assertThat(os).doesNotContainKey("linuxConfiguration").containsKey("adminPassword");
        assertThat(os.get("computerNamePrefix")).isEqualTo("dsvmwin");
        assertThat(list(scaleSet, EXTENSIONS)).extracting(each -> (Object) ((Map<?, ?>) each).get("type"))
                .containsExactly("CustomScriptExtension", "ApplicationHealthWindows");

        var script = extension(scaleSet, "provision-vm");
        assertThat(script).containsEntry("publisher", "Microsoft.Compute").containsEntry("typeHandlerVersion", "1.10")
                .doesNotContainKey("settings");
        assertThat(script.get("protectedSettings")).isInstanceOf(Registration.SecretValue.class);
        String command = (String) ((Map<?, ?>) Graph.reveal(script.get("protectedSettings"))).get("commandToExecute");
        String rendered = WindowsProvisioningScript.scriptOf(command);
        // Without Key Vault the key travels in the protected command, and only there.
        assertThat(rendered).contains("$DsvmDriveLetter = 'Z'").contains("$DsvmShareName = 'dsvmshare'")
                .contains("$DsvmStorageKey = '" + RecordingMocks.STORAGE_KEY + "'").contains("$DsvmKeyVaultUrl = ''");
        assertThat((String) script.get("forceUpdateTag")).doesNotContain(RecordingMocks.STORAGE_KEY).endsWith("-1");

        var health = extension(scaleSet, "health");
        assertThat(health).containsEntry("publisher", "Microsoft.ManagedServices")
                .containsEntry("typeHandlerVersion", "1.0");
        assertThat(health.get("settings")).isEqualTo(Map.of("protocol", "tcp", "port", 3389L,
                "intervalInSeconds", 15L, "numberOfProbes", 4L));
        // No SSH: no host key among the resources.
        assertThat(graph.ofType("random:index/randomBytes:RandomBytes")).isEmpty();
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void remoteDesktopReplacesSshAndJupyterHubOnTheLoadBalancerAndInTheNsg() {
        var outcome = pool(windows().rdpNatFirstPort(56000).build());
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var lb = graph.single("azure-native:network:LoadBalancer");
        assertThat(list(lb, "loadBalancingRules")).singleElement().satisfies(rule -> {
            var entry = (Map<?, ?>) rule;
            assertThat(entry.get("name")).isEqualTo("rdp");
            assertThat(entry.get("frontendPort")).isEqualTo(3389L);
            assertThat(entry.get("backendPort")).isEqualTo(3389L);
            assertThat(entry.get("loadDistribution")).isEqualTo("SourceIP");
            assertThat(entry.get("disableOutboundSnat")).isEqualTo(true);
            assertThat((String) ((Map<?, ?>) entry.get("probe")).get("id")).endsWith("/probes/rdp-probe");
        });
        assertThat(list(lb, "probes")).singleElement().satisfies(probe ->
                assertThat(new java.util.HashMap<Object, Object>((Map<?, ?>) probe)).containsEntry("port", 3389L).containsEntry("protocol", "Tcp"));
        assertThat(list(lb, "inboundNatRules")).singleElement().satisfies(rule -> {
            var nat = (Map<?, ?>) rule;
            assertThat(nat.get("name")).isEqualTo("rdp-per-vm");
            assertThat(nat.get("frontendPortRangeStart")).isEqualTo(56000L);
            assertThat(nat.get("frontendPortRangeEnd")).isEqualTo(57049L);
            assertThat(nat.get("backendPort")).isEqualTo(3390L);
        });
        assertThat(list(lb, "backendAddressPools")).extracting(pool -> (Object) ((Map<?, ?>) pool).get("name"))
                .containsExactly("pool", "rdp-per-vm");
        var scaleSet = graph.single(SCALE_SET);
        assertThat(list(scaleSet, "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0]"
                + ".ipConfigurations[0].loadBalancerBackendAddressPools"))
                .extracting(pool -> (String) ((Map<?, ?>) pool).get("id"))
                .satisfiesExactly(id -> assertThat(id).endsWith("/backendAddressPools/pool"),
                        id -> assertThat(id).endsWith("/backendAddressPools/rdp-per-vm"));

        var nsg = graph.single("azure-native:network:NetworkSecurityGroup");
        @SuppressWarnings("unchecked")
        var rules = (List<Map<String, Object>>) input(nsg, "securityRules");
        var rdp = rules.stream().filter(rule -> "allow-rdp".equals(rule.get("name"))).findFirst().orElseThrow();
        assertThat(rdp.get("destinationPortRanges")).isEqualTo(List.of("3389", "3390"));
        assertThat(rdp.get("sourceAddressPrefixes")).isEqualTo(List.of("198.51.100.0/24"));
        assertThat(rules).extracting(rule -> rule.get("name")).doesNotContain("allow-ssh", "allow-jupyterhub");
        assertThat(rules).filteredOn(rule -> "Inbound".equals(rule.get("direction")))
                .allSatisfy(rule -> assertThat(String.valueOf(rule.get("destinationPortRanges")))
                        .doesNotContain("22").doesNotContain("8000"));
        var deny = rules.stream().filter(rule -> "Outbound".equals(rule.get("direction"))).findFirst().orElseThrow();
        assertThat(deny.get("destinationPortRanges")).isEqualTo(List.of("22", "2222", "3389", "3390"));
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void theKeyComesFromKeyVaultThroughTheVmsIdentityAndEntraLoginIsTheWindowsExtension() {
        var outcome = pool(windows().storageKeySource(StorageKeySource.KEY_VAULT).keyVaultName("win-kv-01")
                .entraLogin(true).entraUserGroupObjectIds(List.of(GROUP)).build());
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var scaleSet = graph.single(SCALE_SET);
        String rendered = WindowsProvisioningScript.scriptOf((String) ((Map<?, ?>) Graph.reveal(
                extension(scaleSet, "provision-vm").get("protectedSettings"))).get("commandToExecute"));
        assertThat(rendered).contains("$DsvmKeyVaultUrl = 'https://win-kv-01.vault.azure.net'")
                .contains("$DsvmIdentityClientId = '" + RecordingMocks.MOCK_IDENTITY_CLIENT_ID + "'")
                .contains("$DsvmStorageKey = ''").doesNotContain(RecordingMocks.STORAGE_KEY);
        assertThat(extension(scaleSet, "entra-login")).containsEntry("publisher", "Microsoft.Azure.ActiveDirectory")
                .containsEntry("type", "AADLoginForWindows").containsEntry("typeHandlerVersion", "2.0");
        // Entra login needs the system-assigned identity beside the key reader's user-assigned one.
        assertThat(input(scaleSet, "identity.type")).isEqualTo("SystemAssigned, UserAssigned");
        assertThat(graph.ofType("azure-native:authorization:RoleAssignment"))
                .extracting(role -> (String) input(role, "roleDefinitionId"))
                .anySatisfy(id -> assertThat(id).endsWith("/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"));
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void fiftyWindowsVmsGoOutThroughTheEntryAddressWithinItsSnatBudget() {
        var outcome = pool(windows().maxInstanceCount(50).subnetPrefix("10.0.0.0/25").build());
        assertThat(outcome.result().exceptions()).isEmpty();
        var lb = new Graph(outcome.registrations()).single("azure-native:network:LoadBalancer");
        assertThat(list(lb, "outboundRules")).singleElement().satisfies(rule -> assertThat(String.valueOf(
                ((Map<?, ?>) rule).get("frontendIPConfigurations"))).contains("/frontendIPConfigurations/frontend}"));
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    /** The agent's settings file as the scale set's userData carries it to the VMs. */
    static com.google.gson.JsonObject agentSettings(Registration scaleSet) {
        return com.google.gson.JsonParser.parseString(WindowsSessionAgent.files((String) input(scaleSet,
                "virtualMachineProfile.userData")).get(WindowsSessionAgent.SETTINGS_FILE)).getAsJsonObject();
    }

    @Test
    void sessionProtectionGivesTheAgentItsRoleItsIdentityAndItsUserData() {
        var outcome = pool(windows().sessionProtection(true).build());
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var scaleSet = graph.single(SCALE_SET);
        // No Key Vault: the system-assigned identity the scale set gets for the agent, asked without client_id.
        assertThat(input(scaleSet, "identity.type")).isEqualTo("SystemAssigned");
        var role = graph.single("azure-native:authorization:RoleDefinition");
        assertThat(String.valueOf(input(role, "permissions"))).contains(SessionAgent.ACTION_READ_INSTANCE)
                .contains(SessionAgent.ACTION_WRITE_INSTANCE);
        var assignment = graph.ofType("azure-native:authorization:RoleAssignment").stream()
                .filter(each -> String.valueOf(input(each, "scope")).contains("/virtualMachineScaleSets/"))
                .findFirst().orElseThrow();
        assertThat(input(assignment, "principalId")).isEqualTo(RecordingMocks.MOCK_SYSTEM_PRINCIPAL_ID);
        assertThat(input(assignment, "principalType")).isEqualTo("ServicePrincipal");

        String userData = (String) input(scaleSet, "virtualMachineProfile.userData");
        assertThat(WindowsSessionAgent.files(userData).get(WindowsSessionAgent.SCRIPT_FILE))
                .isEqualTo(ShippedResources.text(WindowsSessionAgent.RESOURCE));
        var agentSettings = agentSettings(scaleSet);
        assertThat(agentSettings.get("sessionProtection").getAsBoolean()).isTrue();
        assertThat(agentSettings.get("timeZone").getAsString()).isEqualTo("UTC");
        assertThat(agentSettings.get("identityClientId").getAsString()).isEmpty();
        assertThat(agentSettings.get("driveLetter").getAsString()).isEqualTo("Z");
        // A changed agent re-runs provisioning, which installs it.
        assertThat((String) extension(scaleSet, "provision-vm").get("forceUpdateTag"))
                .contains("-" + WindowsSessionAgent.revision(userData) + "-");
        // It installs only this userData: the protected command carries its hash (a rewritten one installs nothing).
        String rendered = WindowsProvisioningScript.scriptOf((String) ((Map<?, ?>) Graph.reveal(
                extension(scaleSet, "provision-vm").get("protectedSettings"))).get("commandToExecute"));
        assertThat(rendered).contains("\n$DsvmSessionAgentSha256 = '" + WindowsSessionAgent.sha256(userData) + "'\n");
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void withKeyVaultTheAgentUsesTheReadersIdentityAndTheScheduleZoneAsAWindowsId() {
        var outcome = pool(windows().sessionProtection(true).storageKeySource(StorageKeySource.KEY_VAULT)
                .keyVaultName("win-kv-02").sessions(new io.github.dsvmpool.config.SessionSettings(30, 20, 20, 6,
                        java.util.Optional.of("Europe/Berlin"), 10)).build());
        assertThat(outcome.result().exceptions()).isEmpty();
        var scaleSet = new Graph(outcome.registrations()).single(SCALE_SET);
        var agentSettings = agentSettings(scaleSet);
        assertThat(agentSettings.get("identityClientId").getAsString()).isEqualTo(RecordingMocks.MOCK_IDENTITY_CLIENT_ID);
        assertThat(agentSettings.get("timeZone").getAsString()).isEqualTo("W. Europe Standard Time");
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void withoutSessionProtectionTheAgentStillWarnsButHasNoRole() {
        var outcome = pool(windows().build());
        var graph = new Graph(outcome.registrations());
        assertThat(graph.ofType("azure-native:authorization:RoleDefinition")).isEmpty();
        assertThat(agentSettings(graph.single(SCALE_SET)).get("sessionProtection").getAsBoolean()).isFalse();
    }

    @Test
    void theLinuxDefaultsAreUnchangedByTheWindowsSettings() {
        var linux = new Graph(pool(settings().rdpNatFirstPort(56000).shareDriveLetter("Q").build()).registrations());
        var scaleSet = linux.single(SCALE_SET);
        assertThat(input(scaleSet, "virtualMachineProfile.storageProfile.imageReference.offer")).isEqualTo("ubuntu-2204");
        assertThat(map(scaleSet, "virtualMachineProfile")).doesNotContainKey("userData");
        assertThat(map(scaleSet, "virtualMachineProfile.osProfile")).containsKey("linuxConfiguration")
                .doesNotContainKey("windowsConfiguration");
        assertThat(list(linux.single("azure-native:network:LoadBalancer"), "inboundNatRules"))
                .extracting(rule -> (Object) ((Map<?, ?>) rule).get("name")).containsExactly("ssh-per-vm", "jupyterhub-per-vm");
    }
}
