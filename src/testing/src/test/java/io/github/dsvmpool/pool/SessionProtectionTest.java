package io.github.dsvmpool.pool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.StorageKeySource;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.SessionAgent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session agent in the graph: off changes nothing, on adds the agent, its role and the role's assignment. */
class SessionProtectionTest {
    static final String ROLE_DEFINITION = "azure-native:authorization:RoleDefinition";
    static final String ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String SUBSCRIPTION = "/subscriptions/" + RecordingMocks.SUBSCRIPTION_ID;

    static Graph pool(String name, PoolSettings.Builder settings) {
        var outcome = OfflineRun.run(DsvmPoolTest.EMPTY_STACK, ctx -> new DsvmPool(name, DsvmPoolArgs.builder()
                .settings(settings.build()).adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        assertThat(io.github.dsvmpool.rules.AzureRules.check(outcome.registrations()).broken()).isEmpty();
        return new Graph(outcome.registrations());
    }

    static String script(Graph graph) {
        return MountScript.decode((String) input(graph.single(SCALE_SET),
                "virtualMachineProfile.extensionProfile.extensions[0].protectedSettings.script"));
    }

    /** The agent's settings file as the installer in the script writes it. */
    static JsonObject agentConfig(String script) {
        String line = script.lines().filter(each -> each.startsWith(SessionAgent.CONFIG_PATH + " ")).findFirst()
                .orElseThrow();
        return JsonParser.parseString(new String(Base64.getDecoder().decode(line.split(" ")[2]),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void offIsTheDefaultOutsideProductionAndAddsNothing() {
        for (var settings : List.of(DsvmPoolTest.settings(), DsvmPoolTest.settings().sessionProtection(false),
                DsvmPoolTest.settings().production(true).sessionProtection(false))) {
            var graph = pool("quiet", settings);
            assertThat(graph.ofType(ROLE_DEFINITION)).isEmpty();
            assertThat(graph.ofType(ROLE_ASSIGNMENT)).extracting(Registration::name)
                    .noneMatch(name -> name.contains("session"));
            assertThat(script(graph)).doesNotContain("dsvm_sessions").doesNotContain("dsvm-session-agent");
        }
        assertThat(pool("quiet", DsvmPoolTest.settings()).single(SCALE_SET).inputs()).doesNotContainKey("identity");
    }

    @Test
    void onGivesTheScaleSetAnIdentityAndItsRoleExactlyTheAgentsActionsAtTheScaleSet() {
        var graph = pool("busy", DsvmPoolTest.settings().sessionProtection(true));
        var scaleSet = graph.single(SCALE_SET);
        assertThat(input(scaleSet, "identity.type")).isEqualTo("SystemAssigned");
        String group = SUBSCRIPTION + "/resourceGroups/busy-rg";
        String scaleSetId = group + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + scaleSet.name();

        var role = graph.single(ROLE_DEFINITION);
        var component = graph.single(DsvmPool.TYPE);
        assertThat(role.name()).isEqualTo("busy-session-role");
        assertThat(role.parentUrn()).isEqualTo(component.urn());
        assertThat(input(role, "permissions")).isEqualTo(List.of(Map.of("actions", SessionAgent.ARM_ACTIONS)));
        assertThat(input(role, "assignableScopes")).isEqualTo(List.of(group));
        assertThat(input(role, "scope")).isEqualTo(group);
        assertThat(input(role, "roleType")).isEqualTo("CustomRole");
        String roleGuid = (String) input(role, "roleDefinitionId");
        assertThat(roleGuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat((String) input(role, "roleName")).contains("busy").contains(roleGuid);

        var assignment = graph.single(ROLE_ASSIGNMENT);
        assertThat(assignment.name()).isEqualTo("busy-session-agent");
        assertThat(assignment.parentUrn()).isEqualTo(component.urn());
        assertThat(input(assignment, "scope")).isEqualTo(scaleSetId);
        assertThat(input(assignment, "roleDefinitionId"))
                .isEqualTo(SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/" + roleGuid);
        assertThat(input(assignment, "principalId")).isEqualTo(RecordingMocks.MOCK_SYSTEM_PRINCIPAL_ID);
        assertThat(input(assignment, "principalType")).isEqualTo("ServicePrincipal");

        // the same pool again: the same role and assignment names (an update replaces nothing)
        var again = pool("busy", DsvmPoolTest.settings().sessionProtection(true));
        assertThat(input(again.single(ROLE_DEFINITION), "roleDefinitionId")).isEqualTo(roleGuid);
        assertThat(input(again.single(ROLE_ASSIGNMENT), "roleAssignmentName"))
                .isEqualTo(input(assignment, "roleAssignmentName"));
    }

    @Test
    void onRunsTheAgentAfterTheCullerAndBeforeTheMountWithThePoolsSettings() {
        var graph = pool("busy", DsvmPoolTest.settings().sessionProtection(true).mountPoint("/data/team")
                .sessions(io.github.dsvmpool.config.SessionSettings.defaults().withIdleMinutes(45)
                        .withMaxProtectedHours(8).withTimeZone("W. Europe Standard Time")));
        String script = script(graph);
        int culler = script.indexOf("\ndsvm_culler_install ||");
        int agent = script.indexOf("\ndsvm_sessions_install ||");
        int mount = script.indexOf("log \"start: ");
        assertThat(agent).isGreaterThan(culler);
        assertThat(mount).isGreaterThan(agent);
        assertThat(script).containsOnlyOnce("\ndsvm_sessions_install ||").doesNotContain("dsvm_sessions_remove");
        var config = agentConfig(script);
        assertThat(config.get("share_path").getAsString()).isEqualTo("/data/team");
        assertThat(config.get("pool_address").getAsString()).endsWith(".westeurope.cloudapp.azure.com");
        assertThat(config.get("hub_url").getAsString()).isEqualTo(SessionAgent.DEFAULT_HUB_URL);
        assertThat(config.get("idle_minutes").getAsInt()).isEqualTo(45);
        assertThat(config.get("max_protected_hours").getAsInt()).isEqualTo(8);
        assertThat(config.get("time_zone").getAsString()).isEqualTo("Europe/Berlin");
        assertThat(config.get("identity_client_id").getAsString()).isEmpty();
        assertThat(config.get("ssh_per_vm_backend_port").getAsInt())
                .isEqualTo(io.github.dsvmpool.vm.PerVmPorts.SSH_PER_VM_BACKEND_PORT);
    }

    @Test
    void withTheKeyVaultReaderTheAgentUsesThatIdentityAndItsClientId() {
        var graph = pool("vaulted", DsvmPoolTest.settings().production(true)
                .storageKeySource(StorageKeySource.KEY_VAULT).keyVaultName("vaulted-kv-01"));
        assertThat(input(graph.single(SCALE_SET), "identity.type")).isEqualTo("UserAssigned");
        var assignment = graph.ofType(ROLE_ASSIGNMENT).stream()
                .filter(each -> each.name().equals("vaulted-session-agent")).findFirst().orElseThrow();
        assertThat(input(assignment, "principalId")).isEqualTo(RecordingMocks.MOCK_IDENTITY_PRINCIPAL_ID);
        assertThat(agentConfig(script(graph)).get("identity_client_id").getAsString())
                .isEqualTo(RecordingMocks.MOCK_IDENTITY_CLIENT_ID);
    }
}
