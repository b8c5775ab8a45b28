package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.Pools.AUTOSCALE;
import static io.github.dsvmpool.rules.Pools.LB;
import static io.github.dsvmpool.rules.Pools.NSG;
import static io.github.dsvmpool.rules.Pools.SHARE;
import static io.github.dsvmpool.rules.Pools.STORAGE;
import static io.github.dsvmpool.rules.Pools.VMSS;
import static io.github.dsvmpool.rules.Pools.lbPart;
import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;
import static io.github.dsvmpool.rules.TestGraph.mockId;
import static io.github.dsvmpool.rules.TestGraph.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Graphs near the edge of a rule that keep every rule: the checks do not refuse what Azure accepts. */
class HoldingCasesTest {

    record Holding(String description, Supplier<TestGraph> start, Consumer<TestGraph> change) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                holds("the valid pool", g -> { }),
                holds("a retained share in a retained account and group", g -> {
                    g.retainOnDelete(SHARE, true);
                    g.retainOnDelete(STORAGE, true);
                    g.retainOnDelete(Pools.RG, true);
                }),
                holds("premium OS and data disks on a listed premium size", g -> {
                    BreakingCases.disks(g, "Standard_D2s_v3", "Premium_LRS", List.of("Premium_ZRS"));
                }),
                holds("a premium disk on an unlisted size named with s", g ->
                        BreakingCases.disks(g, "Standard_D4as_v9", "Premium_LRS", List.of())),
                holds("a legacy DS size with a premium disk", g ->
                        BreakingCases.disks(g, "Standard_DS2_v2", "Premium_LRS", List.of())),
                holds("a standard disk on Standard_D2_v3", g ->
                        BreakingCases.disks(g, "Standard_D2_v3", "StandardSSD_LRS", List.of("Standard_LRS"))),
                holds("a premium disk on a size nothing is known of (neither listed nor conventional)", g ->
                        BreakingCases.disks(g, "Custom_Size", "Premium_LRS", List.of())),
                holds("the NFS pool on Premium_ZRS FileStorage without secure transfer", Pools::nfs, g -> { }),
                holds("tags and * in the singular fields, IPv6 in a plural list", g -> {
                    g.at(NSG, "securityRules[0]").put("sourceAddressPrefixes", list("2001:db8::/32", "2001:db8:1::1"));
                    g.at(NSG, "securityRules[0]").put("destinationAddressPrefix", "VirtualNetwork");
                }),
                holds("the same priority in the other direction, priorities 100 and 4096", g -> { }),
                holds("a description of exactly 140 characters", g ->
                        g.at(NSG, "securityRules[0]").put("description", "d".repeat(140))),
                holds("two LB rules on one backend port with floating IP on both", g -> {
                    g.at(LB, "loadBalancingRules[0]").put("enableFloatingIP", true);
                    g.listAt(LB, "loadBalancingRules").add(map("name", "jupyterhub-2", "protocol", "Tcp",
                            "frontendPort", 8001L, "backendPort", 8000L, "enableFloatingIP", true,
                            "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations", "frontend")),
                            "backendAddressPool", ref(lbPart("backendAddressPools", "pool")),
                            "disableOutboundSnat", true));
                }),
                holds("a Udp rule on the Tcp rule's frontend and backend port", g ->
                        g.listAt(LB, "loadBalancingRules").add(map("name", "jupyterhub-udp", "protocol", "Udp",
                                "frontendPort", 8000L, "backendPort", 8000L,
                                "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations", "frontend")),
                                "backendAddressPool", ref(lbPart("backendAddressPools", "pool")),
                                "disableOutboundSnat", true))),
                holds("a NAT range of the maximum and one replacement, ending at 65534", g -> {
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeStart", 65524L);
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 65534L);
                }),
                holds("a NAT range of exactly the maximum when repairs reimage instead of replacing", g -> {
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50009L);
                    g.at(VMSS, "automaticRepairsPolicy").put("repairAction", "Reimage");
                }),
                holds("Spot VMs across several placement groups", g -> {
                    g.at(VMSS, "virtualMachineProfile").put("priority", "Spot");
                    g.inputs(VMSS).put("singlePlacementGroup", false);
                }),
                holds("6,384 ports x 10 VMs fit 64,000 - 8 x 11", g ->
                        g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 6_384L)),
                holds("0 ports: automatic allocation", g ->
                        g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 0L)),
                holds("24,000 ports x 10 VMs on a /30 prefix", g -> {
                    g.add("azure-native:network:PublicIPPrefix", "out-prefix", map("sku", map("name", "Standard"),
                            "prefixLength", 30L));
                    g.at(LB, "frontendIPConfigurations[0]").remove("publicIPAddress");
                    g.at(LB, "frontendIPConfigurations[0]").put("publicIPPrefix",
                            ref(mockId("azure-native:network:PublicIPPrefix", "out-prefix")));
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 24_000L);
                }),
                holds("a NAT gateway with a /28 prefix (16 addresses)", g -> {
                    g.add("azure-native:network:PublicIPPrefix", "nat-prefix", map("sku", map("name", "Standard"),
                            "prefixLength", 28L));
                    g.add("azure-native:network:NatGateway", "nat", map("sku", map("name", "Standard"),
                            "publicIpPrefixes", list(ref(mockId("azure-native:network:PublicIPPrefix", "nat-prefix")))));
                }),
                holds("1,000 VMs over multiple placement groups", g -> {
                    g.inputs(VMSS).put("singlePlacementGroup", false);
                    g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", "1000");
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 51049L);
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 48L);
                }),
                holds("an NSG on the interfaces in the scale set's region", g -> {
                    g.inputs(VMSS).put("location", "westeurope");
                    g.inputs(NSG).put("location", "WestEurope");
                    g.at(VMSS, "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0]")
                            .put("networkSecurityGroup", TestGraph.ref(TestGraph.mockId(
                                    "azure-native:network:NetworkSecurityGroup", NSG)));
                }),
                holds("100 VMs in a single placement group", g -> {
                    g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", "100");
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50104L);
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 512L);
                }),
                holds("terminate notification at PT5M, cooldown P7D and P1W, window PT12H", g -> {
                    g.at(VMSS, "virtualMachineProfile.scheduledEventsProfile.terminateNotificationProfile")
                            .put("notBeforeTimeout", "PT5M");
                    g.at(AUTOSCALE, "profiles[0].rules[0].scaleAction").put("cooldown", "P7D");
                    g.at(AUTOSCALE, "profiles[0].rules[0].metricTrigger").put("timeWindow", "PT12H");
                    List<Object> rules = g.listAt(AUTOSCALE, "profiles[0].rules");
                    var second = map("metricTrigger", map("timeGrain", "PT12H", "timeWindow", "PT5M"),
                            "scaleAction", map("cooldown", "P1W"));
                    rules.add(second);
                }),
                holds("20 profiles, 10 rules", g -> {
                    List<Object> profiles = g.listAt(AUTOSCALE, "profiles");
                    while (profiles.size() < 20) {
                        profiles.add(map("name", "extra-" + profiles.size(), "capacity", map("minimum", "0",
                                "default", "0", "maximum", "0"), "rules", list()));
                    }
                    List<Object> rules = g.listAt(AUTOSCALE, "profiles[0].rules");
                    while (rules.size() < 10) {
                        rules.add(rules.get(0));
                    }
                }),
                holds("capacities given as numbers, a fixed date with an offset", g -> {
                    g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", 10L);
                    g.at(AUTOSCALE, "profiles[2].fixedDate").put("start", "2026-12-24T00:00:00+01:00");
                }),
                holds("a CustomScript inline script of exactly 256 KB with fileUris in public settings", g -> {
                    var extension = g.at(VMSS, BreakingCases.EXTENSION);
                    extension.put("protectedSettings", new io.github.dsvmpool.offline.Registration.SecretValue(
                            map("script", "A".repeat(256 * 1024))));
                    Values.map(extension.get("settings")).put("fileUris", list("https://example.org/a.sh"));
                }),
                holds("another publisher's extension with any settings", g ->
                        g.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions").add(map("name", "monitor",
                                "publisher", "Microsoft.Azure.Monitoring.DependencyAgent",
                                "type", "DependencyAgentLinux", "typeHandlerVersion", "9.10", "settings", map("protocol", "tcp", "port", 8000L)))),
                holds("a tcp health probe without requestPath, Rich mode 2.0", g -> {
                    var health = g.at(VMSS, BreakingCases.HEALTH);
                    health.put("typeHandlerVersion", "2.0");
                    health.put("settings", map("protocol", "tcp", "port", 22L));
                }),
                holds("session protection: identity, the agent's role and its assignment at the scale set",
                        Pools::withSessionRole, g -> {
                        }),
                holds("Entra login: identity, extension and two roles for one group", Pools::withEntra, g -> {
                }),
                holds("a role assignment without a name, at the subscription, identity SystemAssigned, UserAssigned",
                        Pools::withEntra, g -> {
                            g.inputs(VMSS).put("identity", map("type", "SystemAssigned, UserAssigned"));
                            g.inputs("login-user").remove("roleAssignmentName");
                            g.inputs("login-user").put("scope", "/subscriptions/" + Pools.SUBSCRIPTION_ID);
                        }),
                holds("the key in Key Vault: identity, RBAC vault, secret, Secrets User role", Pools::withKeyVault, g -> {
                }),
                holds("a production vault: purge protection true, 90 days, premium", Pools::withKeyVault, g -> {
                    g.at(Pools.VAULT, "properties").put("enablePurgeProtection", true);
                    g.at(Pools.VAULT, "properties").put("softDeleteRetentionInDays", 90L);
                    g.at(Pools.VAULT, "properties.sku").put("name", "premium");
                }),
                holds("no health extension and no repairs", g -> {
                    g.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions").remove(1);
                    g.inputs(VMSS).remove("automaticRepairsPolicy");
                }),
                holds("repairs from an LB probe instead of the extension, grace PT90M, Restart", g -> {
                    g.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions").remove(1);
                    g.at(VMSS, "virtualMachineProfile.networkProfile").put("healthProbe",
                            ref(Pools.lbPart("probes", "jupyter-probe")));
                    g.inputs(VMSS).put("automaticRepairsPolicy", map("enabled", true, "gracePeriod", "PT90M",
                            "repairAction", "Restart"));
                }),
                holds("ids outside the stack (a role definition, a resource group)", g ->
                        g.inputs(VMSS).put("tags", map("scope", TestGraph.SUBSCRIPTION + "/resourceGroups/other",
                                "role", TestGraph.SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/x"))),
                holds("an ARM id of the subnet, by VNet and subnet name", g ->
                        g.at(VMSS, BreakingCases.IPCONFIG).put("subnet", ref(TestGraph.SUBSCRIPTION + "/resourceGroups/"
                                + Pools.RG + "/providers/Microsoft.Network/virtualNetworks/pool-vnet/subnets/default"))));
    }

    private static Arguments holds(String description, Consumer<TestGraph> change) {
        return Arguments.of(new Holding(description, Pools::valid, change));
    }

    private static Arguments holds(String description, Supplier<TestGraph> start, Consumer<TestGraph> change) {
        return Arguments.of(new Holding(description, start, change));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRuleHolds(Holding holding) {
        TestGraph graph = holding.start().get();
        holding.change().accept(graph);
        RuleReport report = AzureRules.check(graph.registrations());
        assertThat(report.broken()).as("%s%n%s", holding, report.text()).isEmpty();
        assertThat(report.holds()).isTrue();
        assertThat(report.results()).hasSize(AzureRules.all().size()).allMatch(RuleResult::holds);
    }
}
