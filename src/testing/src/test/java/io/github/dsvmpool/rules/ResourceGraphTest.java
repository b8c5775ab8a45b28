package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.TestGraph.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** References in both forms, and a scale set's maximum size. */
class ResourceGraphTest {

    @Test
    void armIdsOfTheLoadBalancersOwnPartsResolveByItsAzureNameCollectionAndName() {
        TestGraph graph = Pools.valid();
        ResourceGraph resources = ResourceGraph.of(graph.registrations());
        Optional<SubResource> pool = resources.resolve(Pools.lbPart("backendAddressPools", "pool"));
        assertThat(pool).hasValueSatisfying(target -> {
            assertThat(target.resource().name()).isEqualTo(Pools.LB);
            assertThat(target.collection()).isEqualTo("backendAddressPools");
            assertThat(target.name()).isEqualTo("pool");
            assertThat(target.index()).isZero();
        });
        // The mock id with a suffix names the same element, whatever the case of the segments.
        Optional<SubResource> mock = resources.resolve(BreakingCases.LB_ID + "/BackendAddressPools/POOL");
        assertThat(mock.map(SubResource::key)).isEqualTo(pool.map(SubResource::key));
        assertThat(resources.resolve(TestGraph.armLb("other-rg", Pools.LB_NAME, "backendAddressPools", "pool")))
                .as("another resource group").isEmpty();
        assertThat(resources.resolve(Pools.lbPart("backendAddressPools", "missing"))).isEmpty();
        assertThat(resources.resolve(Pools.lbPart("probes", "jupyter-probe"))).isPresent();
    }

    @Test
    void wholeResourcesResolveByMockIdAndOnlyDeclaredTypesMustResolve() {
        TestGraph graph = Pools.valid();
        ResourceGraph resources = ResourceGraph.of(graph.registrations());
        assertThat(resources.resolve(TestGraph.mockId(Pools.VMSS_TYPE, Pools.VMSS)))
                .hasValueSatisfying(target -> assertThat(target.isWholeResource()).isTrue());
        assertThat(ResourceGraph.mustResolve(TestGraph.mockId("azure-native:whatever:Thing", "x"))).isTrue();
        assertThat(ResourceGraph.mustResolve(TestGraph.SUBSCRIPTION
                + "/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv")).isFalse();
        assertThat(ResourceGraph.mustResolve(TestGraph.SUBSCRIPTION
                + "/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/ip")).isTrue();
    }

    @Test
    void theMaximumSizeIsTheLargestOfCapacityAndEveryTargetingProfilesMaximum() {
        TestGraph graph = Pools.valid();
        assertThat(ResourceGraph.of(graph.registrations()).maximumSize(graph.named(Pools.VMSS))).isEqualTo(10);
        graph.at(Pools.VMSS, "sku").put("capacity", 12L);
        assertThat(ResourceGraph.of(graph.registrations()).maximumSize(graph.named(Pools.VMSS))).isEqualTo(12);
        graph.add("azure-native:insights:AutoscaleSetting", "other", map("targetResourceUri",
                TestGraph.mockId(Pools.VMSS_TYPE, "another-vmss"), "profiles", TestGraph.list(map("capacity",
                        map("minimum", "0", "default", "0", "maximum", "500")))));
        assertThat(ResourceGraph.of(graph.registrations()).maximumSize(graph.named(Pools.VMSS)))
                .as("a setting for another target does not count").isEqualTo(12);
        graph.at(Pools.AUTOSCALE, "profiles[1].capacity").put("maximum", "40");
        assertThat(ResourceGraph.of(graph.registrations()).maximumSize(graph.named(Pools.VMSS))).isEqualTo(40);
    }

    @Test
    void addressesAndDurationsParseAsAzureWritesThem() {
        assertThat(Addresses.family("10.0.0.0/8")).isEqualTo(4);
        assertThat(Addresses.family("198.51.100.7")).isEqualTo(4);
        assertThat(Addresses.family("2001:db8::/32")).isEqualTo(6);
        assertThat(Addresses.family("::1")).isEqualTo(6);
        for (String notAnAddress : new String[] {"Internet", "*", "AzureLoadBalancer", "Storage.WestEurope",
                "10.0.0.256", "10.0.0.0/33", "2001:db8::/129", "", "localhost"}) {
            assertThat(Addresses.family(notAnAddress)).as(notAnAddress).isZero();
        }
        assertThat(Durations.within("PT1M", 1, 1)).isTrue();
        assertThat(Durations.within("P1W", 7 * 24 * 60, 7 * 24 * 60)).isTrue();
        assertThat(Durations.within("PT1H30M", 90, 90)).isTrue();
        assertThat(Durations.within("P1D", 1, 60)).isFalse();
        assertThat(Durations.within("ten minutes", 1, 60)).isFalse();
    }
}
