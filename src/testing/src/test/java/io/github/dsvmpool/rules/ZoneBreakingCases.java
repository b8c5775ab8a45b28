package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.Pools.LB;
import static io.github.dsvmpool.rules.Pools.VMSS;
import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;
import static io.github.dsvmpool.rules.TestGraph.mockId;
import static io.github.dsvmpool.rules.TestGraph.ref;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Graphs that break the zone and Trusted Launch rules, each from the valid pool with one change. */
final class ZoneBreakingCases {
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";
    static final String TRUSTED_LAUNCH = "virtualMachineProfile.securityProfile";

    private final List<BreakingCases.Case> cases = new ArrayList<>();

    private ZoneBreakingCases() {
    }

    private void add(String ruleId, String description, String resource, String property, Consumer<TestGraph> change) {
        cases.add(new BreakingCases.Case(description, ruleId, resource, property, Set.of(ruleId), Pools::valid,
                change));
    }

    static List<BreakingCases.Case> all() {
        var table = new ZoneBreakingCases();
        table.zones();
        table.trustedLaunch();
        return table.cases;
    }

    static void trustedLaunchOn(TestGraph graph) {
        graph.at(VMSS, "virtualMachineProfile").put("securityProfile", map("securityType", "TrustedLaunch",
                "uefiSettings", map("secureBootEnabled", true, "vTpmEnabled", true)));
    }

    private void zones() {
        add("zones-only-in-zonal-regions", "a zone-redundant public IP in ukwest", Pools.IP, "zones", g -> {
            g.inputs(Pools.IP).put("location", "ukwest");
            g.inputs(Pools.IP).put("zones", list("1", "2", "3"));
        });
        add("zones-only-in-zonal-regions", "a scale set in zone 4", VMSS, "zones",
                g -> g.inputs(VMSS).put("zones", list("1", "4")));
        add("zones-only-in-zonal-regions", "a scale set listing zone 1 twice", VMSS, "zones",
                g -> g.inputs(VMSS).put("zones", list("1", "1")));
        add("zone-balance-needs-several-zones", "zoneBalance on a scale set in one zone", VMSS, "zoneBalance", g -> {
            g.inputs(VMSS).put("zones", list("1"));
            g.inputs(VMSS).put("zoneBalance", true);
        });
        add("zone-balance-needs-several-zones", "zoneBalance false on a scale set without zones", VMSS,
                "zoneBalance", g -> g.inputs(VMSS).put("zoneBalance", false));
        add("fault-domains-with-zones", "three fault domains on a zone-spanning scale set", VMSS,
                "platformFaultDomainCount", g -> {
                    g.inputs(VMSS).put("zones", list("1", "2", "3"));
                    g.inputs(VMSS).put("zoneBalance", true);
                    g.inputs(VMSS).put("platformFaultDomainCount", 3L);
                });
        add("fault-domains-with-zones", "six fault domains on a regional scale set", VMSS,
                "platformFaultDomainCount", g -> g.inputs(VMSS).put("platformFaultDomainCount", 6L));
        add("lb-public-frontend-no-zones", "zones on the public frontend", LB, "frontendIPConfigurations[0].zones",
                g -> g.at(LB, "frontendIPConfigurations[0]").put("zones", list("1", "2", "3")));
        add("nat-gateway-address-zones", "a NAT gateway in zone 1 with an address in zone 2", "nat",
                "publicIpAddresses[0]", g -> {
                    g.add(PUBLIC_IP, "nat-ip", map("sku", map("name", "Standard"), "publicIPAllocationMethod",
                            "Static", "zones", list("2")));
                    g.add("azure-native:network:NatGateway", "nat", map("sku", map("name", "Standard"),
                            "zones", list("1"), "publicIpAddresses", list(ref(mockId(PUBLIC_IP, "nat-ip")))));
                });
        add("nat-gateway-address-zones", "a NAT gateway in zone 1 with an address in no zone", "nat",
                "publicIpAddresses[0]", g -> {
                    g.add(PUBLIC_IP, "nat-ip", map("sku", map("name", "Standard"), "publicIPAllocationMethod",
                            "Static"));
                    g.add("azure-native:network:NatGateway", "nat", map("sku", map("name", "Standard"),
                            "zones", list("1"), "publicIpAddresses", list(ref(mockId(PUBLIC_IP, "nat-ip")))));
                });
    }

    private void trustedLaunch() {
        add("trusted-launch-size", "Trusted Launch on Standard_D2_v3 (Gen1 only)", VMSS,
                TRUSTED_LAUNCH + ".securityType", g -> {
                    trustedLaunchOn(g);
                    g.at(VMSS, "sku").put("name", "Standard_D2_v3");
                });
        add("trusted-launch-size", "Trusted Launch on Standard_ND96asr_v4 (currently not supported)", VMSS,
                TRUSTED_LAUNCH + ".securityType", g -> {
                    trustedLaunchOn(g);
                    g.at(VMSS, "sku").put("name", "Standard_ND96asr_v4");
                });
        add("trusted-launch-gen2-image", "Trusted Launch with the DSVM's Gen1 image 2204", VMSS,
                "virtualMachineProfile.storageProfile.imageReference.sku", g -> {
                    trustedLaunchOn(g);
                    g.at(VMSS, "virtualMachineProfile").put("storageProfile", map("imageReference",
                            map("publisher", "microsoft-dsvm", "offer", "ubuntu-2204", "sku", "2204",
                                    "version", "latest")));
                });
    }
}
