package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.Pools.LB;
import static io.github.dsvmpool.rules.Pools.VMSS;
import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;
import static io.github.dsvmpool.rules.TestGraph.mockId;
import static io.github.dsvmpool.rules.TestGraph.ref;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the zone and Trusted Launch rules accept: the shapes the program declares, and their neighbours. */
class ZoneRulesHoldingTest {

    @Test
    void aBalancedZoneSpanningPoolBehindZoneRedundantAddressesHolds() {
        TestGraph graph = Pools.valid();
        graph.inputs(VMSS).put("location", "westeurope");
        graph.inputs(VMSS).put("zones", list("1", "2", "3"));
        graph.inputs(VMSS).put("zoneBalance", true);
        graph.inputs(VMSS).put("platformFaultDomainCount", 1L);
        graph.inputs(Pools.IP).put("location", "westeurope");
        graph.inputs(Pools.IP).put("zones", list("1", "2", "3"));
        ZoneBreakingCases.trustedLaunchOn(graph);
        holds(graph);
    }

    @Test
    void aZonelessNatGatewayTakesZoneRedundantAddressesAndAZonalOneItsOwnZone() {
        TestGraph graph = Pools.valid();
        graph.add(ZoneBreakingCases.PUBLIC_IP, "nat-ip", map("sku", map("name", "Standard"),
                "publicIPAllocationMethod", "Static", "zones", list("1", "2", "3")));
        graph.add(ZoneBreakingCases.PUBLIC_IP, "zonal-ip", map("sku", map("name", "Standard"),
                "publicIPAllocationMethod", "Static", "zones", list("2")));
        graph.add("azure-native:network:NatGateway", "nat", map("sku", map("name", "Standard"),
                "publicIpAddresses", list(ref(mockId(ZoneBreakingCases.PUBLIC_IP, "nat-ip")))));
        graph.add("azure-native:network:NatGateway", "zonal-nat", map("sku", map("name", "Standard"),
                "zones", list("2"), "publicIpAddresses", list(ref(mockId(ZoneBreakingCases.PUBLIC_IP, "zonal-ip")),
                        ref(mockId(ZoneBreakingCases.PUBLIC_IP, "nat-ip")))));
        holds(graph);
    }

    @Test
    void oneZoneWithoutBalanceAnInternalFrontendsZonesAndUnknownSizesOrImagesHold() {
        TestGraph graph = Pools.valid();
        graph.inputs(VMSS).put("zones", list("2"));
        graph.at(LB, "frontendIPConfigurations[0]").remove("publicIPAddress");
        graph.at(LB, "frontendIPConfigurations[0]").put("zones", list("1"));
        ZoneBreakingCases.trustedLaunchOn(graph);
        graph.at(VMSS, "sku").put("name", "Standard_D4as_v6");
        graph.at(VMSS, "virtualMachineProfile").put("storageProfile", map("imageReference",
                map("publisher", "canonical", "offer", "ubuntu-24_04-lts", "sku", "server", "version", "latest")));
        var report = AzureRules.check(graph.registrations());
        assertThat(report.broken()).extracting(result -> result.rule().id())
                .doesNotContain("zones-only-in-zonal-regions", "zone-balance-needs-several-zones",
                        "lb-public-frontend-no-zones", "trusted-launch-size", "trusted-launch-gen2-image");
    }

    private static void holds(TestGraph graph) {
        var report = AzureRules.check(graph.registrations());
        assertThat(report.broken()).as(report.text()).isEmpty();
    }
}
