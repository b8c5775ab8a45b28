package io.github.dsvmpool.pool;

import static io.github.dsvmpool.pool.DsvmPoolTest.EMPTY_STACK;
import static io.github.dsvmpool.pool.DsvmPoolTest.settings;
import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.config.StorageKeySource;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SSH password login and the vault's network, as a library user's pools register them. */
class HardeningTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host";
    static final String DISABLE = "virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication";

    static OfflineRun.Outcome pool(PoolSettings settings, List<String> keys) {
        return OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("hardened", DsvmPoolArgs.builder()
                .settings(settings).adminPassword("Library-Password-77").sshPublicKeys(keys).build()));
    }

    @ParameterizedTest(name = "keys {0}, sshPasswordLogin {1}, entra {2} -> password SSH disabled {3}")
    @CsvSource(nullValues = "unset", textBlock = """
            0, unset, false, false
            1, unset, false, true
            1, unset, true,  true
            0, unset, true,  false
            1, true,  false, false
            1, false, false, true
            0, true,  true,  false
            """)
    void passwordSshIsOffOnceThePoolHasKeysUnlessATeamKeepsIt(int keys, Boolean passwordLogin, boolean entra,
                                                             boolean disabled) {
        var builder = settings().sshPasswordLogin(passwordLogin);
        if (entra) {
            builder.entraLogin(true).entraUserGroupObjectIds(List.of("6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f"));
        }
        var outcome = pool(builder.build(), keys == 0 ? List.of() : List.of(KEY));
        assertThat(outcome.result().exceptions()).isEmpty();
        var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(input(scaleSet, DISABLE)).isEqualTo(disabled);
        // The admin password stays: JupyterHub's PAM login for the admin account needs it.
        assertThat(((Map<?, ?>) input(scaleSet, "virtualMachineProfile.osProfile")).containsKey("adminPassword"))
                .isTrue();
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void passwordLoginOffWithoutAKeyIsRefusedNamingTheSettings(boolean entra) {
        var builder = settings().sshPasswordLogin(false);
        if (entra) {
            builder.entraLogin(true).entraUserGroupObjectIds(List.of("6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f"));
        }
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("locked", DsvmPoolArgs.builder()
                .settings(builder.build()).adminPassword("Library-Password-77").build()));
        var refusal = outcome.result().exceptions().stream()
                .map(error -> error instanceof InvalidConfigurationException invalid ? invalid
                        : (InvalidConfigurationException) error.getCause()).findFirst().orElseThrow();
        assertThat(refusal.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("sshPasswordLogin");
            assertThat(problem.message()).contains("sshPublicKeys");
            if (entra) {
                assertThat(problem.message()).contains("entraLogin");
            }
        });
        assertThat(new Graph(outcome.registrations()).ofType("azure-native:compute:VirtualMachineScaleSet"))
                .isEmpty();
    }

    @Test
    void aVaultOnAnExistingSubnetAdmitsThatSubnetAndCanBeOpenedWhenTheSubnetLacksTheEndpoint() {
        String external = SharedNetworkTest.EXTERNAL_SUBNET;
        for (boolean restrict : new boolean[] {true, false}) {
            var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("joiner", DsvmPoolArgs.builder()
                    .settings(settings().storageKeySource(StorageKeySource.KEY_VAULT).keyVaultName("joiner-kv-01")
                            .restrictKeyVaultToSubnet(restrict).build())
                    .adminPassword("Library-Password-77")
                    .network(ExistingNetwork.subnet(external, "10.1.0.0/24")).build()));
            assertThat(outcome.result().exceptions()).isEmpty();
            var vault = new Graph(outcome.registrations()).single("azure-native:keyvault:Vault");
            var properties = (Map<?, ?>) input(vault, "properties");
            if (restrict) {
                assertThat(input(vault, "properties.networkAcls.defaultAction")).isEqualTo("Deny");
                assertThat(input(vault, "properties.networkAcls.virtualNetworkRules[0].id")).isEqualTo(external);
            } else {
                assertThat(properties.containsKey("networkAcls")).isFalse();
            }
            // The subnet is outside the graph, so only the reference check (which cannot follow it) may complain.
            assertThat(AzureRules.check(outcome.registrations()).broken()).extracting(result -> result.rule().id())
                    .containsOnly("references-resolve");
        }
    }

    @Test
    void aPoolJoiningAnotherPoolsSubnetAdmitsThatSubnetWhichCarriesTheEndpoint() {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> {
            var cpu = new DsvmPool("cpu", SharedNetworkTest.args(settings().maxInstanceCount(10)
                    .subnetPrefix("10.0.0.0/26")));
            new DsvmPool("gpu", SharedNetworkTest.joining(settings().maxInstanceCount(4)
                    .storageKeySource(StorageKeySource.KEY_VAULT).keyVaultName("gpu-kv-01"),
                    ExistingNetwork.subnetOf(cpu)));
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        var subnet = graph.single(PrivateSubnet.TYPE);
        assertThat(input(graph.single("azure-native:keyvault:Vault"), "properties.networkAcls.virtualNetworkRules[0].id"))
                .isEqualTo(subnet.id());
        assertThat(input(subnet, "serviceEndpoints")).asList().contains(Map.of("service", "Microsoft.KeyVault"));
        // Both NSGs (the subnet's and the joining pool's on its interfaces) deny lateral logins.
        assertThat(graph.ofType("azure-native:network:NetworkSecurityGroup")).hasSize(2).allSatisfy(nsg ->
                assertThat((List<?>) input(nsg, "securityRules")).anySatisfy(rule ->
                        assertThat(((Map<?, ?>) rule).get("name")).isEqualTo("deny-ssh-rdp-to-vnet")));
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void theStackReaderRefusesPasswordLoginOffWithoutKeysToo() {
        Map<String, String> values = Map.of("location", "westeurope",
                "allowedSourceRanges", "[\"198.51.100.0/24\"]", "sshPasswordLogin", "false");
        io.github.dsvmpool.stackconfig.ConfigSource source = key -> java.util.Optional.ofNullable(values.get(key));
        try {
            io.github.dsvmpool.stackconfig.StackConfiguration.read(source);
            throw new AssertionError("accepted sshPasswordLogin false without keys");
        } catch (InvalidConfigurationException refusal) {
            assertThat(refusal.problems()).extracting(Problem::setting).containsExactly("sshPasswordLogin");
        }
        Map<String, String> keyed = Map.of("location", "westeurope",
                "allowedSourceRanges", "[\"198.51.100.0/24\"]", "sshPasswordLogin", "false",
                "sshPublicKeys", "[\"" + KEY + "\"]");
        io.github.dsvmpool.stackconfig.ConfigSource withKey = key -> java.util.Optional.ofNullable(keyed.get(key));
        assertThat(io.github.dsvmpool.stackconfig.StackConfiguration.read(withKey).pool().scaleSet().sshPasswordLogin())
                .contains(false);
    }
}
