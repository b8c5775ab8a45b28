package io.github.dsvmpool.pool;

import static io.github.dsvmpool.pool.DsvmPoolTest.EMPTY_STACK;
import static io.github.dsvmpool.pool.DsvmPoolTest.settings;
import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.network.PrivateSubnet;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pool's own subnet is private and keeps its identity (name, parent) through an alias to the old type. */
class PrivateSubnetTest {

    @ParameterizedTest
    @EnumSource(value = OutboundType.class, names = {"LOAD_BALANCER", "NAT_GATEWAY"})
    void theOwnSubnetIsPrivateAliasedToItsPreviousTypeAndKeepsAnExplicitWayOut(OutboundType outbound) {
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("private", DsvmPoolArgs.builder()
                .settings(settings().outboundType(outbound).build()).adminPassword("Library-Password-77").build()));
        assertThat(outcome.result().exceptions()).isEmpty();
        var graph = new Graph(outcome.registrations());
        assertThat(graph.ofType(PrivateSubnet.PREVIOUS_TYPE)).isEmpty();
        Registration subnet = graph.single(PrivateSubnet.TYPE);
        assertThat(input(subnet, "defaultOutboundAccess")).isEqualTo(false);
        // The values the generated SDKs send by default, so that a deployed subnet sees no change in them.
        assertThat(input(subnet, "privateEndpointNetworkPolicies")).isEqualTo("Disabled");
        assertThat(input(subnet, "privateLinkServiceNetworkPolicies")).isEqualTo("Enabled");
        assertThat(input(subnet, "serviceEndpoints")).isEqualTo(
                List.of(Map.of("service", "Microsoft.Storage"), Map.of("service", "Microsoft.KeyVault")));
        // Same name and parent, the previous type: the URN a deployed stack has for this subnet.
        assertThat(subnet.aliases()).containsExactly(subnet.urn().replace(PrivateSubnet.TYPE, PrivateSubnet.PREVIOUS_TYPE));
        assertThat(subnet.aliases().get(0)).contains("dsvm-pool:index:DsvmPool$" + PrivateSubnet.PREVIOUS_TYPE + "::");
        // The scale set is in it, and the rules (private subnet, explicit outbound) hold.
        assertThat(input(graph.single("azure-native:compute:VirtualMachineScaleSet"),
                "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].subnet.id"))
                .isEqualTo(subnet.id());
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }
}
