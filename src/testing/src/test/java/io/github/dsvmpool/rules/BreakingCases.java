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

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The table of graphs that break a rule: each starts from a pool that keeps every rule, changes one thing, and
 * names the rule, resource and property of the violation expected and every rule expected to break.
 */
final class BreakingCases {
    static final String IPCONFIG = "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0]"
            + ".ipConfigurations[0]";
    static final String EXTENSION = "virtualMachineProfile.extensionProfile.extensions[0]";
    static final String LB_ID = mockId(Pools.LB_TYPE, LB);

    record Case(String description, String ruleId, String resource, String property, Set<String> broken,
                Supplier<TestGraph> start, Consumer<TestGraph> change) {
        @Override
        public String toString() {
            return ruleId + ": " + description;
        }

        TestGraph graph() {
            TestGraph graph = start.get();
            change.accept(graph);
            return graph;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private BreakingCases() {
    }

    private void add(String ruleId, String description, String resource, String property, Consumer<TestGraph> change) {
        cases.add(new Case(description, ruleId, resource, property, Set.of(ruleId), Pools::valid, change));
    }

    private void add(String ruleId, String description, String resource, String property, Set<String> broken,
                     Supplier<TestGraph> start, Consumer<TestGraph> change) {
        cases.add(new Case(description, ruleId, resource, property, broken, start, change));
    }

    private static Map<String, Object> extension(TestGraph graph) {
        return graph.at(VMSS, EXTENSION);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> protectedSettings(TestGraph graph) {
        return (Map<String, Object>) ((Registration.SecretValue) extension(graph).get("protectedSettings")).value();
    }

    static final String OS_DISK_TYPE = "virtualMachineProfile.storageProfile.osDisk.managedDisk.storageAccountType";

    /** The scale set's size, OS disk type and data disk types. */
    static void disks(TestGraph graph, String size, String osDiskType, List<String> dataDiskTypes) {
        graph.at(VMSS, "sku").put("name", size);
        List<Object> dataDisks = list();
        for (int lun = 0; lun < dataDiskTypes.size(); lun++) {
            dataDisks.add(map("lun", (long) lun, "createOption", "Empty", "diskSizeGB", 64L,
                    "managedDisk", map("storageAccountType", dataDiskTypes.get(lun))));
        }
        graph.at(VMSS, "virtualMachineProfile").put("storageProfile", map("osDisk", map("createOption", "FromImage",
                "managedDisk", map("storageAccountType", osDiskType)), "dataDisks", dataDisks));
    }

    private static void prefix(TestGraph graph, String name, long length) {
        graph.add("azure-native:network:PublicIPPrefix", name, map("resourceGroupName", Pools.RG,
                "sku", map("name", "Standard"), "prefixLength", length, "publicIPAddressVersion", "IPv4"));
    }

    static List<Case> all() {
        BreakingCases table = new BreakingCases();
        table.references();
        table.securityGroups();
        table.skus();
        table.inbound();
        table.outbound();
        table.scaleSets();
        table.customScript();
        table.keyMaterial();
        table.health();
        table.identity();
        table.sessionRole();
        table.keyVault();
        table.hardening();
        table.privateSubnet();
        table.autoscale();
        table.storage();
        table.sharing();
        table.cases.addAll(ZoneBreakingCases.all());
        table.cases.addAll(MonitoringCases.all());
        table.cases.addAll(WindowsCases.all());
        table.cases.addAll(WindowsMonitoringCases.all());
        return table.cases;
    }

    private void sharing() {
        // The LB's own ARM ids carry its name, so a bad name also leaves them unresolved.
        add("lb-name-valid", "a load balancer name ending with a period", LB, "loadBalancerName",
                Set.of("lb-name-valid", "references-resolve"), Pools::valid,
                g -> g.inputs(LB).put("loadBalancerName", "pool-lb."));
        add("lb-name-valid", "a load balancer name with spaces and 81 characters", LB, "loadBalancerName",
                Set.of("lb-name-valid", "references-resolve"), Pools::valid,
                g -> g.inputs(LB).put("loadBalancerName", "GPU Pool " + "x".repeat(72)));
        add("nsg-same-region-as-interface", "the interfaces' NSG in another region than the scale set", VMSS,
                "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].networkSecurityGroup.id",
                g -> {
                    g.inputs(VMSS).put("location", "westeurope");
                    g.inputs(NSG).put("location", "northeurope");
                    g.at(VMSS, "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0]")
                            .put("networkSecurityGroup", ref(mockId("azure-native:network:NetworkSecurityGroup",
                                    NSG)));
                });
    }

    private void references() {
        add("references-resolve", "an IP configuration joins a pool the LB does not declare", VMSS,
                IPCONFIG + ".loadBalancerBackendAddressPools[1].id",
                g -> g.listAt(VMSS, IPCONFIG + ".loadBalancerBackendAddressPools")
                        .set(1, ref(LB_ID + "/backendAddressPools/nope")));
        add("references-resolve", "an ARM id names a load balancer that does not exist", LB,
                "loadBalancingRules[0].frontendIPConfiguration.id",
                g -> g.at(LB, "loadBalancingRules[0]").put("frontendIPConfiguration",
                        ref(TestGraph.armLb(Pools.RG, "other-lb", "frontendIPConfigurations", "frontend"))));
        add("references-resolve", "autoscale targets a scale set id never registered", AUTOSCALE,
                "targetResourceUri", g -> g.inputs(AUTOSCALE).put("targetResourceUri",
                        mockId(Pools.VMSS_TYPE, "gone")));
    }

    private void securityGroups() {
        add("nsg-tags-only-in-singular-prefix", "a service tag in sourceAddressPrefixes", NSG,
                "securityRules[0].sourceAddressPrefixes[0]",
                g -> g.at(NSG, "securityRules[0]").put("sourceAddressPrefixes", list("Internet")));
        add("nsg-tags-only-in-singular-prefix", "* in destinationAddressPrefixes", NSG,
                "securityRules[1].destinationAddressPrefixes[0]", g -> {
                    var rule = g.at(NSG, "securityRules[1]");
                    rule.remove("destinationAddressPrefix");
                    rule.put("destinationAddressPrefixes", list("*"));
                });
        add("nsg-tags-only-in-singular-prefix", "AzureLoadBalancer moved to the plural list", NSG,
                "securityRules[1].sourceAddressPrefixes[0]", g -> {
                    var rule = g.at(NSG, "securityRules[1]");
                    rule.remove("sourceAddressPrefix");
                    rule.put("sourceAddressPrefixes", list("AzureLoadBalancer"));
                });
        add("nsg-singular-or-plural", "both sourceAddressPrefix and sourceAddressPrefixes", NSG,
                "securityRules[0].sourceAddressPrefixes",
                g -> g.at(NSG, "securityRules[0]").put("sourceAddressPrefix", "10.0.0.0/8"));
        add("nsg-singular-or-plural", "both destinationPortRange and destinationPortRanges", NSG,
                "securityRules[0].destinationPortRanges",
                g -> g.at(NSG, "securityRules[0]").put("destinationPortRange", "22"));
        add("nsg-priority-range", "priority 4097", NSG, "securityRules[2].priority",
                g -> g.at(NSG, "securityRules[2]").put("priority", 4097L));
        add("nsg-priority-range", "priority 99", NSG, "securityRules[0].priority",
                g -> g.at(NSG, "securityRules[0]").put("priority", 99L));
        add("nsg-priority-unique-per-direction", "two inbound rules at 100", NSG, "securityRules[1].priority",
                g -> g.at(NSG, "securityRules[1]").put("priority", 100L));
        add("nsg-priority-unique-per-direction", "a SecurityRule resource of the same NSG at 4096", "extra-rule",
                "priority", g -> g.add("azure-native:network:SecurityRule", "extra-rule", map("resourceGroupName",
                        Pools.RG, "networkSecurityGroupName", "pool-nsg-azure", "securityRuleName", "extra",
                        "priority", 4096L, "direction", "Inbound", "access", "Deny", "protocol", "*",
                        "sourceAddressPrefix", "*", "destinationAddressPrefix", "*", "sourcePortRange", "*",
                        "destinationPortRange", "*")));
        add("nsg-description-length", "a 141-character description", NSG, "securityRules[0].description",
                g -> g.at(NSG, "securityRules[0]").put("description", "d".repeat(141)));
        add("nsg-one-address-family", "IPv4 and IPv6 in one rule", NSG, "securityRules[0]",
                g -> g.listAt(NSG, "securityRules[0].sourceAddressPrefixes").add("2001:db8::/32"));
    }

    private void skus() {
        add("scale-set-premium-disk-size", "a Premium_LRS OS disk on Standard_D2_v3 (listed: no Premium Storage)",
                VMSS, OS_DISK_TYPE, g -> disks(g, "Standard_D2_v3", "Premium_LRS", List.of()));
        add("scale-set-premium-disk-size", "a Premium_ZRS data disk on an unlisted size without s (naming"
                + " convention)", VMSS, "virtualMachineProfile.storageProfile.dataDisks[1].managedDisk"
                + ".storageAccountType", g -> disks(g, "Standard_D4_v9", "StandardSSD_LRS",
                List.of("Standard_LRS", "Premium_ZRS")));
        add("lb-standard-sku", "a Basic load balancer (its Standard IP no longer matches)", LB, "sku.name",
                Set.of("lb-standard-sku", "lb-public-ip-same-sku"), Pools::valid,
                g -> g.inputs(LB).put("sku", map("name", "Basic")));
        add("lb-standard-sku", "no sku: Basic by default", LB, "sku.name",
                Set.of("lb-standard-sku", "lb-public-ip-same-sku"), Pools::valid, g -> g.inputs(LB).remove("sku"));
        add("public-ip-standard-static", "a dynamic public IP", Pools.IP, "publicIPAllocationMethod",
                g -> g.inputs(Pools.IP).put("publicIPAllocationMethod", "Dynamic"));
        add("public-ip-standard-static", "no allocation method", Pools.IP, "publicIPAllocationMethod",
                g -> g.inputs(Pools.IP).remove("publicIPAllocationMethod"));
        add("public-ip-prefix-standard", "a /27 prefix", "big-prefix", "prefixLength", g -> prefix(g, "big-prefix", 27));
        add("lb-public-ip-same-sku", "a Basic IP on a Standard LB", LB,
                "frontendIPConfigurations[0].publicIPAddress", Set.of("lb-public-ip-same-sku",
                        "public-ip-standard-static"), Pools::valid,
                g -> g.inputs(Pools.IP).put("sku", map("name", "Basic")));
        add("nat-gateway-standard", "a /28 prefix and one more IP on a NAT gateway", "nat", "publicIpAddresses", g -> {
            prefix(g, "nat-prefix", 28);
            g.add("azure-native:network:PublicIPAddress", "nat-ip", map("sku", map("name", "Standard"),
                    "publicIPAllocationMethod", "Static"));
            g.add("azure-native:network:NatGateway", "nat", map("sku", map("name", "Standard"),
                    "publicIpPrefixes", list(ref(mockId("azure-native:network:PublicIPPrefix", "nat-prefix"))),
                    "publicIpAddresses", list(ref(mockId("azure-native:network:PublicIPAddress", "nat-ip")))));
        });
        add("nat-gateway-standard", "a NAT gateway without sku", "nat", "sku.name",
                g -> g.add("azure-native:network:NatGateway", "nat", map("publicIpAddresses", list())));
    }

    private void inbound() {
        add("lb-backend-port-unique", "two LB rules to backend port 8000 on one pool", LB, "loadBalancingRules[1]",
                g -> g.listAt(LB, "loadBalancingRules").add(map("name", "jupyterhub-2", "protocol", "Tcp",
                        "frontendPort", 8001L, "backendPort", 8000L,
                        "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations", "frontend")),
                        "backendAddressPool", ref(lbPart("backendAddressPools", "pool")), "disableOutboundSnat", true)));
        add("lb-backend-port-unique", "the NAT rule V2 reuses the LB rule's backend port through another pool",
                VMSS, IPCONFIG, g -> g.at(LB, "inboundNatRules[0]").put("backendPort", 8000L));
        add("lb-backend-port-unique", "a v1 NAT pool on backend port 8000", VMSS, IPCONFIG,
                Set.of("lb-backend-port-unique", "no-v1-nat-pools"), Pools::valid, g -> {
                    g.inputs(LB).put("inboundNatPools", list(map("name", "jupyter-nat", "protocol", "Tcp",
                            "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations", "frontend")),
                            "frontendPortRangeStart", 51000L, "frontendPortRangeEnd", 51009L, "backendPort", 8000L)));
                    g.at(VMSS, IPCONFIG).put("loadBalancerInboundNatPools",
                            list(ref(LB_ID + "/inboundNatPools/jupyter-nat")));
                });
        add("no-v1-nat-pools", "a v1 NAT pool joined by the scale set", LB, "inboundNatPools[0]", g -> {
            g.inputs(LB).put("inboundNatPools", list(map("name", "ssh-nat", "protocol", "Tcp",
                    "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations", "frontend")),
                    "frontendPortRangeStart", 51000L, "frontendPortRangeEnd", 51009L, "backendPort", 2223L)));
            g.at(VMSS, IPCONFIG).put("loadBalancerInboundNatPools", list(ref(LB_ID + "/inboundNatPools/ssh-nat")));
        });
        add("nat-rule-v2-shape", "a V2 rule without its range end", LB, "inboundNatRules[0]",
                g -> g.at(LB, "inboundNatRules[0]").remove("frontendPortRangeEnd"));
        add("nat-rule-v2-shape", "a V2 rule with a frontendPort too", LB, "inboundNatRules[0].frontendPort",
                g -> g.at(LB, "inboundNatRules[0]").put("frontendPort", 50000L));
        add("nat-port-range-size", "9 ports for 10 VMs", LB, "inboundNatRules[0].frontendPortRangeEnd",
                g -> g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50008L));
        add("nat-port-range-size", "overprovisioning doubles the need", LB, "inboundNatRules[0].frontendPortRangeEnd",
                g -> g.inputs(VMSS).remove("overprovision"));
        add("nat-port-range-size", "autoscale raises the maximum to 12", LB, "inboundNatRules[0].frontendPortRangeEnd",
                g -> g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", "12"));
        add("nat-range-replacement-headroom", "10 ports for 10 VMs repaired by Replace", LB,
                "inboundNatRules[0].frontendPortRangeEnd",
                g -> g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50009L));
        add("nat-range-replacement-headroom", "101 ports for autoscale to 101 (6 replaced at once)", LB,
                "inboundNatRules[0].frontendPortRangeEnd", g -> {
                    g.inputs(VMSS).put("singlePlacementGroup", false);
                    g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", "101");
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50100L);
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 512L);
                });
        add("nat-port-range-size", "a range ending at 65535", LB, "inboundNatRules[0].frontendPortRangeStart", g -> {
            g.at(LB, "inboundNatRules[0]").put("frontendPortRangeStart", 65525L);
            g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 65535L);
        });
        add("nat-port-range-size", "a descending range", LB, "inboundNatRules[0].frontendPortRangeStart",
                g -> g.at(LB, "inboundNatRules[0]").put("frontendPortRangeStart", 50011L));
        add("lb-frontend-ports-distinct", "the LB rule's frontend port inside the NAT range", LB, "inboundNatRules[0]",
                g -> g.at(LB, "loadBalancingRules[0]").put("frontendPort", 50005L));
        add("lb-frontend-ports-distinct", "a single NAT rule on the LB rule's frontend port", LB, "inboundNatRules[1]",
                g -> g.listAt(LB, "inboundNatRules").add(map("name", "admin", "protocol", "Tcp", "frontendPort", 8000L,
                        "backendPort", 22L, "frontendIPConfiguration", ref(lbPart("frontendIPConfigurations",
                                "frontend")))));
    }

    private void outbound() {
        add("outbound-ports-multiple-of-8", "1020 ports", LB, "outboundRules[0].allocatedOutboundPorts",
                g -> g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 1020L));
        add("outbound-ports-per-rule-limit", "64,008 ports (the budget breaks too)", LB,
                "outboundRules[0].allocatedOutboundPorts", Set.of("outbound-ports-per-rule-limit",
                        "outbound-snat-budget"), Pools::valid,
                g -> g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 64_008L));
        add("outbound-snat-budget", "6,400 ports x 10 VMs on an address with 11 inbound ports", LB,
                "outboundRules[0].allocatedOutboundPorts",
                g -> g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 6_400L));
        add("outbound-snat-budget", "the default 1,024 ports x 63 VMs", LB, "outboundRules[0].allocatedOutboundPorts", g -> {
            g.at(LB, "outboundRules[0]").remove("allocatedOutboundPorts");
            g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", "63");
            g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50066L);
        });
        add("outbound-snat-budget", "25,600 ports x 10 VMs on a /30 prefix", LB,
                "outboundRules[0].allocatedOutboundPorts", g -> {
                    prefix(g, "out-prefix", 30);
                    g.at(LB, "frontendIPConfigurations[0]").remove("publicIPAddress");
                    g.at(LB, "frontendIPConfigurations[0]").put("publicIPPrefix",
                            ref(mockId("azure-native:network:PublicIPPrefix", "out-prefix")));
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 25_600L);
                });
        add("lb-rule-disable-outbound-snat", "the LB rule keeps outbound SNAT", LB,
                "loadBalancingRules[0].disableOutboundSnat",
                g -> g.at(LB, "loadBalancingRules[0]").put("disableOutboundSnat", false));
        add("outbound-rule-frontend-unique", "a Tcp outbound rule on the All rule's frontend", LB,
                "outboundRules[1].frontendIPConfigurations",
                g -> g.listAt(LB, "outboundRules").add(map("name", "outbound-tcp", "protocol", "Tcp",
                        "allocatedOutboundPorts", 8L, "frontendIPConfigurations",
                        list(ref(lbPart("frontendIPConfigurations", "frontend"))),
                        "backendAddressPool", ref(lbPart("backendAddressPools", "pool")))));
    }

    private void scaleSets() {
        add("scale-set-placement-group", "autoscale to 101 with a single placement group", VMSS,
                "singlePlacementGroup", g -> {
                    g.at(AUTOSCALE, "profiles[0].capacity").put("maximum", "101");
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50106L);
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 512L);
                });
        add("scale-set-placement-group", "capacity 101 with singlePlacementGroup left out (true)", VMSS,
                "singlePlacementGroup", g -> {
                    g.inputs(VMSS).remove("singlePlacementGroup");
                    g.at(VMSS, "sku").put("capacity", 101L);
                    g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 50106L);
                    g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 512L);
                });
        add("spot-multiple-placement-groups", "Spot VMs in a single placement group", VMSS, "singlePlacementGroup",
                g -> g.at(VMSS, "virtualMachineProfile").put("priority", "Spot"));
        add("spot-multiple-placement-groups", "Spot VMs with singlePlacementGroup left out (true)", VMSS,
                "singlePlacementGroup", g -> {
                    g.at(VMSS, "virtualMachineProfile").put("priority", "Spot");
                    g.inputs(VMSS).remove("singlePlacementGroup");
                });
        add("retained-share-keeps-its-parents", "the share and the group retained, the account not", STORAGE,
                "(retainOnDelete)", g -> {
                    g.retainOnDelete(SHARE, true);
                    g.retainOnDelete(Pools.RG, true);
                });
        add("retained-share-keeps-its-parents", "the share and the account retained, the group not", Pools.RG,
                "(retainOnDelete)", g -> {
                    g.retainOnDelete(SHARE, true);
                    g.retainOnDelete(STORAGE, true);
                });
        add("os-disk-delete-option-flexible-only", "deleteOption Delete on a Uniform scale set", VMSS,
                "virtualMachineProfile.storageProfile.osDisk.deleteOption",
                g -> g.at(VMSS, "virtualMachineProfile").put("storageProfile",
                        map("osDisk", map("createOption", "FromImage", "deleteOption", "Delete"))));
        add("scale-set-size-limit", "capacity 1,001", VMSS, "sku.capacity", g -> {
            g.inputs(VMSS).put("singlePlacementGroup", false);
            g.at(VMSS, "sku").put("capacity", 1001L);
            g.at(LB, "inboundNatRules[0]").put("frontendPortRangeEnd", 51100L);
            g.at(LB, "outboundRules[0]").put("allocatedOutboundPorts", 48L);
        });
        for (String timeout : new String[] {"PT20M", "PT4M", "10 minutes"}) {
            add("terminate-notification-timeout", "notBeforeTimeout " + timeout, VMSS,
                    "virtualMachineProfile.scheduledEventsProfile.terminateNotificationProfile.notBeforeTimeout",
                    g -> g.at(VMSS, "virtualMachineProfile.scheduledEventsProfile.terminateNotificationProfile")
                            .put("notBeforeTimeout", timeout));
        }
    }

    /** A host key as the pool renders it: the OpenSSH file, and a script carrying it in base64 (then gzip, base64). */
    static final io.github.dsvmpool.vm.SshHostKey HOST_KEY = io.github.dsvmpool.vm.SshHostKey.fromSeed(new byte[32],
            "dsvm-pool-pool");

    private static String scriptWithTheKey() {
        return io.github.dsvmpool.vm.ProvisioningScript.shipped().withHostKey(HOST_KEY).encodedScript(
                new io.github.dsvmpool.vm.MountParameters("poolstorage01", "share", "/datamnt/share",
                        "core.windows.net", "azureuser", io.github.dsvmpool.vm.ShareProtocol.NFS), null);
    }

    private void keyMaterial() {
        String rule = "policy-private-keys-only-in-secrets";
        // In protectedSettings (a secret) the same script keeps every rule: the starting graph of these cases.
        java.util.function.Supplier<TestGraph> keyProtected = () -> {
            TestGraph graph = Pools.valid();
            protectedSettings(graph).remove("commandToExecute");
            protectedSettings(graph).put("script", scriptWithTheKey());
            return graph;
        };
        add(rule, "the provisioning script with the host key in public settings", VMSS, EXTENSION + ".settings.script",
                Set.of(rule, "custom-script-key-once"), keyProtected,
                g -> Values.map(extension(g).get("settings")).put("script", scriptWithTheKey()));
        add(rule, "the private key file in clear in public settings", VMSS, EXTENSION + ".settings.commandToExecute",
                Set.of(rule, "custom-script-command-or-script"), keyProtected,
                g -> Values.map(extension(g).get("settings")).put("commandToExecute",
                        "printf '%s' '" + HOST_KEY.privateKeyFile() + "' > /etc/ssh/key"));
        add(rule, "the private key file in base64 in a tag", STORAGE, "tags.hostKey", Set.of(rule), keyProtected,
                g -> g.inputs(STORAGE).put("tags", map("hostKey", HOST_KEY.privateKeyFileBase64())));
    }

    private void customScript() {
        add("custom-script-setting-keys", "the storage key in public settings", VMSS,
                EXTENSION + ".settings.storageAccountKey",
                g -> Values.map(extension(g).get("settings")).put("storageAccountKey", "a2V5"));
        add("custom-script-setting-keys", "an unknown protected key", VMSS, EXTENSION + ".protectedSettings.password",
                g -> protectedSettings(g).put("password", Pools.SECRET_MARKER));
        add("custom-script-command-or-script", "a script besides the command", VMSS, EXTENSION + ".settings.script",
                g -> Values.map(extension(g).get("settings")).put("script", "ZWNobyBoaQ=="));
        add("custom-script-command-or-script", "neither command nor script", VMSS, EXTENSION + ".protectedSettings",
                g -> protectedSettings(g).remove("commandToExecute"));
        add("custom-script-key-once", "commandToExecute in both places", VMSS,
                EXTENSION + ".settings.commandToExecute",
                g -> Values.map(extension(g).get("settings")).put("commandToExecute", "true"));
        add("custom-script-inline-size", "an inline script of 256 KB + 1", VMSS, EXTENSION + ".protectedSettings.script",
                g -> {
                    protectedSettings(g).remove("commandToExecute");
                    protectedSettings(g).put("script", "A".repeat(256 * 1024 + 1));
                });
        add("custom-script-storage-credentials", "a storage account name without key", VMSS,
                EXTENSION + ".protectedSettings.storageAccountKey",
                g -> protectedSettings(g).put("storageAccountName", "poolstorage01"));
        add("custom-script-storage-credentials", "a key and a managed identity", VMSS,
                EXTENSION + ".protectedSettings.managedIdentity", g -> {
                    protectedSettings(g).put("storageAccountName", "poolstorage01");
                    protectedSettings(g).put("storageAccountKey", "a2V5");
                    protectedSettings(g).put("managedIdentity", map());
                });
    }

    static final String HEALTH = "virtualMachineProfile.extensionProfile.extensions[1]";

    private static Map<String, Object> healthSettings(TestGraph graph) {
        return graph.at(VMSS, HEALTH + ".settings");
    }

    private void health() {
        add("health-extension-identity", "Rich mode 2.0 spelt 2", VMSS, HEALTH + ".typeHandlerVersion",
                g -> graph(g, HEALTH).put("typeHandlerVersion", "2"));
        add("health-extension-identity", "another publisher", VMSS, HEALTH + ".publisher",
                g -> graph(g, HEALTH).put("publisher", "Microsoft.Azure.Extensions.Health"));
        add("health-extension-identity", "two health extensions", VMSS,
                "virtualMachineProfile.extensionProfile.extensions[2]",
                g -> g.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions")
                        .add(new java.util.LinkedHashMap<>(graph(g, HEALTH))));
        add("health-extension-probe", "protocol udp", VMSS, HEALTH + ".settings.protocol",
                g -> healthSettings(g).put("protocol", "udp"));
        add("health-extension-probe", "port 0", VMSS, HEALTH + ".settings.port",
                g -> healthSettings(g).put("port", 0L));
        add("health-extension-probe", "https without requestPath", VMSS, HEALTH + ".settings.requestPath",
                g -> healthSettings(g).remove("requestPath"));
        add("health-extension-probe", "tcp with a requestPath", VMSS, HEALTH + ".settings.requestPath",
                g -> healthSettings(g).put("protocol", "tcp"));
        add("health-extension-timing", "intervalInSeconds 4", VMSS, HEALTH + ".settings.intervalInSeconds",
                g -> healthSettings(g).put("intervalInSeconds", 4L));
        add("health-extension-timing", "intervalInSeconds 61", VMSS, HEALTH + ".settings.intervalInSeconds",
                g -> healthSettings(g).put("intervalInSeconds", 61L));
        add("health-extension-timing", "numberOfProbes 25", VMSS, HEALTH + ".settings.numberOfProbes",
                g -> healthSettings(g).put("numberOfProbes", 25L));
        add("health-extension-timing", "numberOfProbes 0", VMSS, HEALTH + ".settings.numberOfProbes",
                g -> healthSettings(g).put("numberOfProbes", 0L));
        add("health-one-source", "the extension and an LB health probe", VMSS,
                "virtualMachineProfile.networkProfile.healthProbe",
                g -> g.at(VMSS, "virtualMachineProfile.networkProfile").put("healthProbe",
                        ref(lbPart("probes", "jupyter-probe"))));
        add("health-one-source", "repairs without any health source", VMSS, "automaticRepairsPolicy.enabled",
                g -> g.listAt(VMSS, "virtualMachineProfile.extensionProfile.extensions").remove(1));
        for (String grace : new String[] {"PT9M", "PT91M", "PT2H", "thirty minutes"}) {
            add("automatic-repairs-policy", "gracePeriod " + grace, VMSS, "automaticRepairsPolicy.gracePeriod",
                    g -> g.inputs(VMSS).put("automaticRepairsPolicy", map("enabled", true, "gracePeriod", grace,
                            "repairAction", "Replace")));
        }
        add("automatic-repairs-policy", "repairAction Delete", VMSS, "automaticRepairsPolicy.repairAction",
                g -> g.at(VMSS, "automaticRepairsPolicy").put("repairAction", "Delete"));
    }

    static final String ENTRA = "virtualMachineProfile.extensionProfile.extensions[2]";

    private void entra(String ruleId, String description, String resource, String property,
                       Consumer<TestGraph> change) {
        add(ruleId, description, resource, property, Set.of(ruleId), Pools::withEntra, change);
    }

    private void session(String ruleId, String description, String resource, String property,
                         Consumer<TestGraph> change) {
        add(ruleId, description, resource, property, Set.of(ruleId), Pools::withSessionRole, change);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sessionActions(TestGraph graph) {
        return (List<Object>) ((Map<String, Object>) ((List<Object>) graph.inputs(Pools.SESSION_ROLE)
                .get("permissions")).get(0)).get("actions");
    }

    private void sessionRole() {
        session("policy-session-role-actions-exact", "one more action (the scale set's own write)",
                Pools.SESSION_ROLE, "permissions",
                g -> sessionActions(g).add("Microsoft.Compute/virtualMachineScaleSets/write"));
        session("policy-session-role-actions-exact", "the write action missing", Pools.SESSION_ROLE, "permissions",
                g -> sessionActions(g).remove(1));
        session("policy-session-role-actions-exact", "a wildcard for the exact actions", Pools.SESSION_ROLE,
                "permissions", g -> {
                    sessionActions(g).clear();
                    sessionActions(g).add("Microsoft.Compute/virtualMachineScaleSets/*");
                });
        session("policy-session-role-actions-exact", "data actions besides", Pools.SESSION_ROLE, "permissions",
                g -> ((Map<String, Object>) ((List<Object>) g.inputs(Pools.SESSION_ROLE).get("permissions")).get(0))
                        .put("dataActions", list("Microsoft.Compute/virtualMachines/login/action")));
        session("session-role-assigned-at-scale-set", "assigned at the resource group", Pools.SESSION_ASSIGNMENT,
                "scope", g -> g.inputs(Pools.SESSION_ASSIGNMENT).put("scope", Pools.RG_SCOPE));
        session("session-role-assigned-at-scale-set", "assignable only in another resource group",
                Pools.SESSION_ASSIGNMENT, "scope", g -> g.inputs(Pools.SESSION_ROLE).put("assignableScopes",
                        list("/subscriptions/" + Pools.SUBSCRIPTION_ID + "/resourceGroups/other-rg")));
    }

    private void identity() {
        entra("role-assignment-name-guid", "a readable name", "login-admin", "roleAssignmentName",
                g -> g.inputs("login-admin").put("roleAssignmentName", "dsvm-admin-login"));
        entra("role-assignment-ids", "a group name instead of its object id", "login-admin", "principalId",
                g -> g.inputs("login-admin").put("principalId", "data-science-admins"));
        entra("role-assignment-ids", "the role's display name as its id", "login-user", "roleDefinitionId",
                g -> g.inputs("login-user").put("roleDefinitionId", "Virtual Machine User Login"));
        entra("role-assignment-ids", "a resource group name as the scope", "login-user", "scope",
                g -> g.inputs("login-user").put("scope", Pools.RG));
        entra("role-assignment-unique", "the admin role twice for one group (other name, role id without"
                + " subscription)", "login-again", "principalId", g -> g.add("azure-native:authorization:RoleAssignment",
                "login-again", map("scope", Pools.RG_SCOPE.toUpperCase(), "roleDefinitionId",
                        "/providers/Microsoft.Authorization/roleDefinitions/1c0163c0-47e6-4577-8991-ea5c82e286e4",
                        "principalId", Pools.ADMIN_GROUP,
                        "roleAssignmentName", "3f9e2d1c-0b8a-5c7d-9e6f-5a4b3c2d1e0f")));
        entra("role-assignment-existing-principal-checked", "a group's assignment with principalType Group",
                "login-user", "principalType", g -> g.inputs("login-user").put("principalType", "Group"));
        entra("role-assignment-existing-principal-checked", "a user's assignment with principalType User",
                "login-user", "principalType", g -> g.inputs("login-user").put("principalType", "User"));
        entra("entra-login-after-provisioning", "the login extension without an order", VMSS,
                ENTRA + ".provisionAfterExtensions", g -> graph(g, ENTRA).remove("provisionAfterExtensions"));
        entra("entra-login-after-provisioning", "an order naming no extension of the scale set", VMSS,
                ENTRA + ".provisionAfterExtensions",
                g -> graph(g, ENTRA).put("provisionAfterExtensions", list("provision", "mount")));
        entra("entra-ssh-login-extension", "no system-assigned identity", VMSS, "identity.type",
                g -> g.inputs(VMSS).put("identity", map("type", "UserAssigned")));
        entra("entra-ssh-login-extension", "no identity at all", VMSS, "identity.type",
                g -> g.inputs(VMSS).remove("identity"));
        entra("entra-ssh-login-extension", "another publisher", VMSS, ENTRA + ".publisher",
                g -> graph(g, ENTRA).put("publisher", "Microsoft.Azure.Extensions"));
        entra("entra-ssh-login-extension", "version 2.0", VMSS, ENTRA + ".typeHandlerVersion",
                g -> graph(g, ENTRA).put("typeHandlerVersion", "2.0"));
    }

    private void vault(String ruleId, String description, String resource, String property,
                       Consumer<TestGraph> change) {
        add(ruleId, description, resource, property, Set.of(ruleId), Pools::withKeyVault, change);
    }

    private void keyVault() {
        for (String name : new String[] {"1poolkv", "pool--kv", "kv", "pool-kv-", "a-very-long-key-vault-name-1"}) {
            vault("key-vault-name", "vault name " + name, Pools.VAULT, "vaultName", g -> {
                g.inputs(Pools.VAULT).put("vaultName", name);
                g.inputs("pool-storage-key").put("vaultName", name);
                g.inputs("kv-secrets-user").put("scope", Pools.RG_SCOPE + "/providers/Microsoft.KeyVault/vaults/" + name);
            });
        }
        vault("key-vault-properties", "no tenant", Pools.VAULT, "properties.tenantId",
                g -> g.at(Pools.VAULT, "properties").remove("tenantId"));
        vault("key-vault-properties", "sku family B", Pools.VAULT, "properties.sku",
                g -> g.at(Pools.VAULT, "properties.sku").put("family", "B"));
        vault("key-vault-properties", "soft delete for 120 days", Pools.VAULT, "properties.softDeleteRetentionInDays",
                g -> g.at(Pools.VAULT, "properties").put("softDeleteRetentionInDays", 120L));
        vault("key-vault-properties", "purge protection false", Pools.VAULT, "properties.enablePurgeProtection",
                g -> g.at(Pools.VAULT, "properties").put("enablePurgeProtection", false));
        vault("key-vault-rbac-for-roles", "access policies with a role assignment", Pools.VAULT,
                "properties.enableRbacAuthorization",
                g -> g.at(Pools.VAULT, "properties").put("enableRbacAuthorization", false));
        vault("key-vault-rbac-for-roles", "the model left to its default (access policies)", Pools.VAULT,
                "properties.enableRbacAuthorization",
                g -> g.at(Pools.VAULT, "properties").remove("enableRbacAuthorization"));
        vault("key-vault-secret-in-declared-vault", "a secret in another vault", "pool-storage-key", "vaultName",
                g -> g.inputs("pool-storage-key").put("vaultName", "othervault"));
        vault("key-vault-secret-in-declared-vault", "a secret name with an underscore", "pool-storage-key",
                "secretName", g -> g.inputs("pool-storage-key").put("secretName", "storage_key"));
    }

    static final String LINUX = "virtualMachineProfile.osProfile.linuxConfiguration";

    private void hardening() {
        add("key-vault-network-admits-the-pool", "the vault admits another subnet only", Pools.VAULT,
                "properties.networkAcls.virtualNetworkRules", Set.of("key-vault-network-admits-the-pool"),
                Pools::withVaultNetwork, g -> {
                    g.add(PrivateSubnet.TYPE, "other-subnet", map("resourceGroupName", Pools.RG,
                            "virtualNetworkName", "pool-vnet", "subnetName", "other", "addressPrefix", "10.0.1.0/24",
                            "defaultOutboundAccess", false,
                            "serviceEndpoints", list(map("service", "Microsoft.KeyVault"))));
                    g.at(Pools.VAULT, "properties.networkAcls.virtualNetworkRules[0]")
                            .put("id", mockId(PrivateSubnet.TYPE, "other-subnet"));
                });
        add("key-vault-network-admits-the-pool", "the vault denies by default and admits no subnet", Pools.VAULT,
                "properties.networkAcls.virtualNetworkRules", Set.of("key-vault-network-admits-the-pool"),
                Pools::withVaultNetwork, g -> g.at(Pools.VAULT, "properties.networkAcls").remove("virtualNetworkRules"));
        add("key-vault-subnet-service-endpoint", "the admitted subnet has the storage endpoint only", Pools.SUBNET,
                "serviceEndpoints", Set.of("key-vault-subnet-service-endpoint"), Pools::withVaultNetwork,
                g -> g.inputs(Pools.SUBNET).put("serviceEndpoints", list(map("service", "Microsoft.Storage"))));
        add("ssh-password-off-needs-a-key", "password login off and no key", VMSS,
                LINUX + ".disablePasswordAuthentication", g -> g.at(VMSS, "virtualMachineProfile").put("osProfile",
                        map("adminUsername", "dsadmin", "linuxConfiguration", map("disablePasswordAuthentication", true,
                                "ssh", map("publicKeys", list())))));
        add("policy-nsg-denies-lateral-logins", "no outbound deny rule", NSG, "securityRules",
                g -> ((List<?>) g.inputs(NSG).get("securityRules")).remove(4));
        add("policy-nsg-denies-lateral-logins", "an earlier outbound allow of SSH to the network", NSG,
                "securityRules", g -> {
                    @SuppressWarnings("unchecked")
                    var rules = (List<Object>) g.inputs(NSG).get("securityRules");
                    rules.add(map("name", "allow-ssh-out", "priority", 150L, "direction", "Outbound",
                            "access", "Allow", "protocol", "Tcp", "sourceAddressPrefix", "*",
                            "destinationAddressPrefix", "10.0.0.0/16", "sourcePortRange", "*",
                            "destinationPortRange", "20-25"));
                });
        add("policy-nsg-denies-lateral-logins", "the deny names one address, not the network", NSG,
                "securityRules", g -> g.at(NSG, "securityRules[4]").put("destinationAddressPrefix", "10.0.0.4"));
    }

    private static Map<String, Object> graph(TestGraph graph, String path) {
        return graph.at(VMSS, path);
    }

    private void privateSubnet() {
        add("policy-private-subnet", "the subnet leaves defaultOutboundAccess unset (Azure's default: on)",
                Pools.SUBNET, "defaultOutboundAccess", g -> g.inputs(Pools.SUBNET).remove("defaultOutboundAccess"));
        add("policy-private-subnet", "the subnet sets defaultOutboundAccess: true", Pools.SUBNET,
                "defaultOutboundAccess", g -> g.inputs(Pools.SUBNET).put("defaultOutboundAccess", true));
        add("private-subnet-has-explicit-outbound", "a private subnet and no outbound rule, NAT gateway or public IP",
                VMSS, "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0]",
                g -> g.inputs(LB).remove("outboundRules"));
    }

    private void autoscale() {
        add("predictive-needs-cpu-scale-out", "forecasting without any rule", AUTOSCALE,
                "predictiveAutoscalePolicy.scaleMode", g -> g.at(AUTOSCALE, "profiles[0]").put("rules", list()));
        add("predictive-needs-cpu-scale-out", "the only scale-out rule sums the CPU instead of averaging it", AUTOSCALE,
                "predictiveAutoscalePolicy.scaleMode",
                g -> g.at(AUTOSCALE, "profiles[0].rules[0].metricTrigger").put("timeAggregation", "Total"));
        add("autoscale-profile-limits", "21 profiles", AUTOSCALE, "profiles", g -> {
            List<Object> profiles = g.listAt(AUTOSCALE, "profiles");
            while (profiles.size() < 21) {
                profiles.add(map("name", "extra-" + profiles.size(), "capacity", map("minimum", "0", "default", "0",
                        "maximum", "0"), "rules", list()));
            }
        });
        add("autoscale-profile-limits", "11 rules in a profile", AUTOSCALE, "profiles[0].rules", g -> {
            List<Object> rules = g.listAt(AUTOSCALE, "profiles[0].rules");
            while (rules.size() < 11) {
                rules.add(rules.get(0));
            }
        });
        add("autoscale-capacity", "minimum above default", AUTOSCALE, "profiles[0].capacity",
                g -> g.at(AUTOSCALE, "profiles[0].capacity").put("minimum", "2"));
        add("autoscale-capacity", "a maximum that is no number", AUTOSCALE, "profiles[1].capacity.maximum",
                g -> g.at(AUTOSCALE, "profiles[1].capacity").put("maximum", "ten"));
        add("autoscale-capacity", "a negative minimum", AUTOSCALE, "profiles[1].capacity",
                g -> g.at(AUTOSCALE, "profiles[1].capacity").put("minimum", "-1"));
        add("autoscale-time-zone", "an IANA name", AUTOSCALE, "profiles[0].recurrence.schedule.timeZone",
                g -> g.at(AUTOSCALE, "profiles[0].recurrence.schedule").put("timeZone", "Europe/Berlin"));
        add("autoscale-time-zone", "a fixed date on Mars time", AUTOSCALE, "profiles[2].fixedDate.timeZone",
                g -> g.at(AUTOSCALE, "profiles[2].fixedDate").put("timeZone", "Mars Standard Time"));
        add("autoscale-recurrence", "a daily recurrence", AUTOSCALE, "profiles[0].recurrence.frequency",
                g -> g.at(AUTOSCALE, "profiles[0].recurrence").put("frequency", "Day"));
        add("autoscale-recurrence", "hour 24", AUTOSCALE, "profiles[0].recurrence.schedule.hours[0]",
                g -> g.at(AUTOSCALE, "profiles[0].recurrence.schedule").put("hours", list(24L)));
        add("autoscale-recurrence", "minute 60", AUTOSCALE, "profiles[1].recurrence.schedule.minutes[0]",
                g -> g.at(AUTOSCALE, "profiles[1].recurrence.schedule").put("minutes", list(60L)));
        add("autoscale-recurrence", "no days", AUTOSCALE, "profiles[0].recurrence.schedule.days",
                g -> g.at(AUTOSCALE, "profiles[0].recurrence.schedule").put("days", list()));
        add("autoscale-recurrence", "an abbreviated day", AUTOSCALE, "profiles[0].recurrence.schedule.days[0]",
                g -> g.at(AUTOSCALE, "profiles[0].recurrence.schedule").put("days", list("Mon")));
        add("autoscale-fixed-date", "an end before the start", AUTOSCALE, "profiles[2].fixedDate.end",
                g -> g.at(AUTOSCALE, "profiles[2].fixedDate").put("end", "2026-12-23T00:00:00"));
        add("autoscale-fixed-date", "a start that is no date", AUTOSCALE, "profiles[2].fixedDate.start",
                g -> g.at(AUTOSCALE, "profiles[2].fixedDate").put("start", "Christmas"));
        add("autoscale-durations", "cooldown P8D", AUTOSCALE, "profiles[0].rules[0].scaleAction.cooldown",
                g -> g.at(AUTOSCALE, "profiles[0].rules[0].scaleAction").put("cooldown", "P8D"));
        add("autoscale-durations", "cooldown PT30S", AUTOSCALE, "profiles[0].rules[0].scaleAction.cooldown",
                g -> g.at(AUTOSCALE, "profiles[0].rules[0].scaleAction").put("cooldown", "PT30S"));
        add("autoscale-durations", "timeGrain PT13H", AUTOSCALE, "profiles[0].rules[0].metricTrigger.timeGrain",
                g -> g.at(AUTOSCALE, "profiles[0].rules[0].metricTrigger").put("timeGrain", "PT13H"));
        add("autoscale-durations", "timeWindow PT4M", AUTOSCALE, "profiles[0].rules[0].metricTrigger.timeWindow",
                g -> g.at(AUTOSCALE, "profiles[0].rules[0].metricTrigger").put("timeWindow", "PT4M"));
        add("autoscale-durations", "look-ahead PT61M", AUTOSCALE, "predictiveAutoscalePolicy.scaleLookAheadTime",
                g -> g.at(AUTOSCALE, "predictiveAutoscalePolicy").put("scaleLookAheadTime", "PT61M"));
        add("autoscale-one-setting-per-target", "a second setting for the scale set", "pool-autoscale-2",
                "targetResourceUri", g -> g.add("azure-native:insights:AutoscaleSetting", "pool-autoscale-2",
                        map("targetResourceUri", mockId(Pools.VMSS_TYPE, VMSS), "profiles", list())));
    }

    private void storage() {
        add("nfs-share-premium-filestorage", "an NFS share on a standard FileStorage account", STORAGE, "sku.name",
                Set.of("nfs-share-premium-filestorage"), Pools::nfs,
                g -> g.inputs(STORAGE).put("sku", map("name", "Standard_LRS")));
        add("nfs-share-premium-filestorage", "an NFS share on StorageV2 (plain HTTP is then against policy)",
                STORAGE, "kind", Set.of("nfs-share-premium-filestorage", "policy-storage-secure-defaults"),
                Pools::nfs, g -> g.inputs(STORAGE).put("kind", "StorageV2"));
        add("nfs-share-premium-filestorage", "an NFS share whose account is not declared (the declared one now"
                        + " holds no NFS share, so plain HTTP is against policy)", SHARE, "accountName",
                Set.of("nfs-share-premium-filestorage", "policy-storage-secure-defaults"), Pools::nfs,
                g -> g.inputs(SHARE).put("accountName", "elsewhere01"));
        add("nfs-account-secure-transfer-off", "secure transfer required on the NFS account", STORAGE,
                "enableHttpsTrafficOnly", Set.of("nfs-account-secure-transfer-off"), Pools::nfs,
                g -> g.inputs(STORAGE).put("enableHttpsTrafficOnly", true));
        add("nfs-account-secure-transfer-off", "secure transfer left at its default", STORAGE,
                "enableHttpsTrafficOnly", Set.of("nfs-account-secure-transfer-off"), Pools::nfs,
                g -> g.inputs(STORAGE).remove("enableHttpsTrafficOnly"));
        add("policy-storage-secure-defaults", "TLS 1.0", STORAGE, "minimumTlsVersion",
                g -> g.inputs(STORAGE).put("minimumTlsVersion", "TLS1_0"));
        add("policy-storage-secure-defaults", "public blob access not forbidden", STORAGE, "allowBlobPublicAccess",
                g -> g.inputs(STORAGE).remove("allowBlobPublicAccess"));
        add("policy-storage-secure-defaults", "plain HTTP on an SMB account", STORAGE, "enableHttpsTrafficOnly",
                g -> g.inputs(STORAGE).put("enableHttpsTrafficOnly", false));
    }
}
