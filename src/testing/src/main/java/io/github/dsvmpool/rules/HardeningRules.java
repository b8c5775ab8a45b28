package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 21's network and login hardening: the Key Vault's firewall and the subnet it admits, SSH without
 * passwords, and the NSG's outbound rules against lateral logins.
 */
final class HardeningRules {
    static final String KEY_VAULT_ENDPOINT = "Microsoft.KeyVault";
    private static final String LINUX = "virtualMachineProfile.osProfile.linuxConfiguration";
    /** SSH and RDP: the logins a VM of the pool must not open into the network. */
    private static final int[] LATERAL_PORTS = {22, 3389};

    private HardeningRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("key-vault-network-admits-the-pool",
                        "A vault whose networkAcls deny by default lists the subnet of every scale set in"
                                + " virtualNetworkRules (the VMs read the storage key from it)",
                        "Learn \"Configure Azure Key Vault firewalls and virtual networks\" (with the firewall on,"
                                + " only the listed networks and, with bypass, trusted services reach the vault)",
                        "none at deployment: the VMs' key reads are refused (403 ForbiddenByFirewall) and the mount"
                                + " fails (exit 17)", Basis.CONFIRMED, HardeningRules::vaultAdmitsThePool),
                new AzureRule("key-vault-subnet-service-endpoint",
                        "A subnet a vault admits by a virtual network rule carries the Microsoft.KeyVault service"
                                + " endpoint, unless the rule sets ignoreMissingVnetServiceEndpoint",
                        "REST spec keyvault.json (VirtualNetworkRule.ignoreMissingVnetServiceEndpoint: whether the"
                                + " check that the subnet has the service endpoint is skipped); Learn \"Virtual"
                                + " network service endpoints for Azure Key Vault\"",
                        "unconfirmed code (a 400 naming the subnet's missing service endpoint)", Basis.CONFIRMED,
                        HardeningRules::subnetCarriesTheEndpoint),
                new AzureRule("ssh-password-off-needs-a-key",
                        "A Linux scale set with disablePasswordAuthentication: true has at least one SSH public key",
                        "Azure's error as terraform-provider-azurerm quotes it (linux_virtual_machine_scale_set"
                                + " and linux_virtual_machine resources)",
                        "InvalidParameter (\"Authentication using either SSH or by user name and password must be"
                                + " enabled in Linux profile.\")", Basis.CONFIRMED, HardeningRules::passwordOffHasKey),
                new AzureRule("policy-nsg-denies-lateral-logins",
                        "Project security policy (not Azure's): every NSG guarding a scale set denies outbound SSH"
                                + " (22) and RDP (3389) to VirtualNetwork, with no earlier outbound rule allowing them",
                        "this project's security policy (issue 21); Learn \"Network security groups\" (rules are"
                                + " processed by priority, the first match decides; defaults 65000 AllowVnetOutBound)",
                        "n/a (project policy; Azure accepts the open network)", Basis.PROJECT_POLICY,
                        HardeningRules::lateralLoginsDenied));
    }

    // ---- Key Vault ------------------------------------------------------------------------------------

    private static Map<String, Object> networkAcls(Registration vault) {
        return Values.map(Values.map(vault.inputs(), "properties"), "networkAcls");
    }

    /** A subnet reference as something comparable: the declared subnet's URN, else the id in lower case. */
    private static String subnetKey(ResourceGraph graph, String id) {
        return graph.resolve(id).filter(SubResource::isWholeResource).map(target -> target.resource().urn())
                .orElse(Values.lower(id));
    }

    private static void vaultAdmitsThePool(ResourceGraph graph, Findings findings) {
        for (Registration vault : graph.ofType(KeyVaultRules.VAULT)) {
            Map<String, Object> acls = networkAcls(vault);
            if (!Values.equalsIgnoreCase(Values.string(acls, "defaultAction"), "Deny")) {
                continue;
            }
            Set<String> admitted = new LinkedHashSet<>();
            for (Object rule : Values.list(acls, "virtualNetworkRules")) {
                Values.string(Values.map(rule), "id").ifPresent(id -> admitted.add(subnetKey(graph, id)));
            }
            for (ResourceGraph.IpConfig config : graph.ipConfigs()) {
                Optional<String> subnet = ResourceGraph.idOf(config.inputs().get("subnet"));
                if (subnet.isPresent() && !admitted.contains(subnetKey(graph, subnet.get()))) {
                    findings.add(vault, "properties.networkAcls.virtualNetworkRules", "the vault denies every"
                                    + " network by default but does not admit the subnet of " + config.label(),
                            "add the scale set's subnet to virtualNetworkRules (the subnet needs the"
                                    + " Microsoft.KeyVault service endpoint)");
                }
            }
        }
    }

    private static void subnetCarriesTheEndpoint(ResourceGraph graph, Findings findings) {
        for (Registration vault : graph.ofType(KeyVaultRules.VAULT)) {
            List<Object> rules = Values.list(networkAcls(vault), "virtualNetworkRules");
            for (int index = 0; index < rules.size(); index++) {
                Map<String, Object> rule = Values.map(rules.get(index));
                if (Values.isTrue(rule, "ignoreMissingVnetServiceEndpoint")) {
                    continue;
                }
                Optional<Registration> subnet = Values.string(rule, "id").flatMap(graph::resolve)
                        .filter(SubResource::isWholeResource).map(SubResource::resource)
                        .filter(target -> ResourceGraph.SUBNETS.contains(target.type()));
                if (subnet.isPresent() && !hasEndpoint(subnet.get(), KEY_VAULT_ENDPOINT)) {
                    findings.add(subnet.get(), "serviceEndpoints", "the vault " + vault.name() + " admits this subnet"
                                    + " (virtualNetworkRules[" + index + "]) but the subnet has no "
                                    + KEY_VAULT_ENDPOINT + " service endpoint",
                            "add the service endpoint " + KEY_VAULT_ENDPOINT + " to the subnet");
                }
            }
        }
    }

    static boolean hasEndpoint(Registration subnet, String service) {
        return Values.list(subnet.inputs(), "serviceEndpoints").stream()
                .anyMatch(entry -> Values.equalsIgnoreCase(Values.string(Values.map(entry), "service"), service));
    }

    // ---- SSH login ------------------------------------------------------------------------------------

    private static void passwordOffHasKey(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Map<String, Object> linux = Values.map(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "osProfile"), "linuxConfiguration");
            if (Values.isTrue(linux, "disablePasswordAuthentication")
                    && Values.list(Values.map(linux, "ssh"), "publicKeys").isEmpty()) {
                findings.add(scaleSet, LINUX + ".disablePasswordAuthentication", "password authentication is off"
                        + " and the profile has no SSH public key", "give a key in ssh.publicKeys, or keep"
                        + " password authentication (disablePasswordAuthentication: false)");
            }
        }
    }

    // ---- NSG outbound ---------------------------------------------------------------------------------

    private static void lateralLoginsDenied(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            for (Registration nsg : guardingGroups(graph, scaleSet)) {
                List<Map<String, Object>> outbound = outboundRules(graph, nsg);
                for (int port : LATERAL_PORTS) {
                    Optional<Map<String, Object>> first = outbound.stream()
                            .filter(rule -> coversPort(rule, port) && tcp(rule) && reachesNetwork(rule)).findFirst();
                    boolean denied = first.filter(rule -> Values.equalsIgnoreCase(Values.string(rule, "access"),
                            "Deny") && deniesWholeNetwork(rule)).isPresent();
                    if (!denied) {
                        findings.add(nsg, "securityRules", "outbound TCP " + port + " from " + scaleSet.name()
                                        + " to VirtualNetwork is " + first.map(rule -> "allowed by "
                                        + Values.stringOr(rule, "name", "a rule")).orElse("allowed by Azure's default"
                                        + " AllowVnetOutBound"),
                                "add an outbound Deny to VirtualNetwork for 22 and 3389 before any outbound Allow that"
                                        + " reaches the network on those ports");
                    }
                }
            }
        }
    }

    /** The NSGs on the scale set's NICs and on the declared subnets they use. */
    private static Set<Registration> guardingGroups(ResourceGraph graph, Registration scaleSet) {
        Set<Registration> groups = new LinkedHashSet<>();
        List<Object> nics = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                "networkProfile"), "networkInterfaceConfigurations");
        for (Object nic : nics) {
            graph.resolveReference(Values.map(nic).get("networkSecurityGroup")).map(SubResource::resource)
                    .ifPresent(groups::add);
        }
        for (ResourceGraph.IpConfig config : graph.ipConfigs()) {
            if (config.scaleSet() != scaleSet) {
                continue;
            }
            graph.resolveReference(config.inputs().get("subnet")).map(SubResource::resource)
                    .flatMap(subnet -> graph.resolveReference(subnet.inputs().get("networkSecurityGroup")))
                    .map(SubResource::resource).ifPresent(groups::add);
        }
        groups.removeIf(group -> !group.type().equals(ResourceGraph.NSG));
        return groups;
    }

    private static List<Map<String, Object>> outboundRules(ResourceGraph graph, Registration nsg) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (SecurityGroupRules.SecurityRule rule : SecurityGroupRules.securityRules(graph)) {
            boolean ofThisGroup = rule.owner() == nsg || (rule.owner().type().equals(ResourceGraph.SECURITY_RULE)
                    && Values.string(rule.inputs(), "networkSecurityGroupName").equals(
                    Values.string(nsg.inputs(), "networkSecurityGroupName")));
            if (ofThisGroup && Values.equalsIgnoreCase(Values.string(rule.inputs(), "direction"), "Outbound")) {
                rules.add(rule.inputs());
            }
        }
        rules.sort(Comparator.comparingLong(rule -> Values.whole(rule, "priority").orElse(Long.MAX_VALUE)));
        return rules;
    }

    private static boolean tcp(Map<String, Object> rule) {
        String protocol = Values.stringOr(rule, "protocol", "*");
        return protocol.equals("*") || protocol.equalsIgnoreCase("Tcp");
    }

    private static boolean coversPort(Map<String, Object> rule, int port) {
        List<String> ranges = new ArrayList<>();
        Values.string(rule, "destinationPortRange").ifPresent(ranges::add);
        Values.list(rule, "destinationPortRanges").forEach(item -> ranges.add(String.valueOf(Values.reveal(item))));
        return ranges.stream().anyMatch(range -> {
            if (range.equals("*")) {
                return true;
            }
            String[] ends = range.split("-", 2);
            try {
                int low = Integer.parseInt(ends[0].trim());
                int high = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : low;
                return low <= port && port <= high;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        });
    }

    /** May reach (part of) the virtual network: *, the tag, or addresses (which may lie in it). */
    private static boolean reachesNetwork(Map<String, Object> rule) {
        return !Values.list(rule, "destinationAddressPrefixes").isEmpty() || deniesWholeNetwork(rule)
                || Values.string(rule, "destinationAddressPrefix").filter(Addresses::isAddressOrRange).isPresent();
    }

    private static boolean deniesWholeNetwork(Map<String, Object> rule) {
        String destination = Values.stringOr(rule, "destinationAddressPrefix", "");
        return destination.equals("*") || destination.equalsIgnoreCase("VirtualNetwork");
    }
}
