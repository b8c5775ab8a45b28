package io.github.dsvmpool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.network.PrivateSubnet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the committed dev and prod stacks register for issue 21's network and login hardening. */
class HardeningStackTest {
    static Graph run(String stackName) throws Exception {
        var stack = StackFile.read(Path.of("Pulumi." + stackName + ".yaml"))
                .withSecret("dsvm-pool:adminPassword", "Stack-Test-Password-42");
        var outcome = OfflineRun.run(stack, App::stack);
        assertThat(outcome.result().exceptions()).isEmpty();
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
        return new Graph(outcome.registrations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNsgStopsSshAndRdpFromTheVmsIntoTheNetworkAndTheSubnetCarriesBothServiceEndpoints(String stackName)
            throws Exception {
        var graph = run(stackName);
        var rules = (List<?>) input(graph.single("azure-native:network:NetworkSecurityGroup"), "securityRules");
        var outbound = rules.stream().map(Map.class::cast).filter(rule -> "Outbound".equals(rule.get("direction")))
                .toList();
        assertThat(outbound).singleElement().satisfies(rule -> {
            assertThat(rule.get("access")).isEqualTo("Deny");
            assertThat(rule.get("destinationAddressPrefix")).isEqualTo("VirtualNetwork");
            assertThat(rule.get("destinationPortRanges")).isEqualTo(List.of("22", "2222", "3389"));
            assertThat(rule.get("protocol")).isEqualTo("*");
            assertThat(rule.get("priority")).isEqualTo(200L);
        });
        assertThat(input(graph.single(PrivateSubnet.TYPE), "serviceEndpoints"))
                .isEqualTo(List.of(Map.of("service", "Microsoft.Storage"), Map.of("service", "Microsoft.KeyVault")));
        // Neither stack gives SSH keys, so Azure needs password login to stay (the default keeps it).
        assertThat(input(graph.single("azure-native:compute:VirtualMachineScaleSet"),
                "virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication")).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionsVaultDeniesEveryNetworkButThePoolsSubnetAndTrustedServices(String stackName) throws Exception {
        var graph = run(stackName);
        var vault = graph.single("azure-native:keyvault:Vault");
        var subnet = graph.single(PrivateSubnet.TYPE);
        assertThat(input(vault, "properties.networkAcls")).isEqualTo(Map.of("defaultAction", "Deny",
                "bypass", "AzureServices", "virtualNetworkRules", List.of(Map.of("id", subnet.id(),
                        "ignoreMissingVnetServiceEndpoint", false))));
        // The vault waits for the subnet (and so for its service endpoint), through the rule's reference.
        assertThat(vault.dependencies()).contains(subnet.urn());
    }
}
