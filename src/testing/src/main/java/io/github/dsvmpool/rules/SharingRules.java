package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What pools sharing a resource group or a subnet add: the load balancer's own Azure name (unique per resource
 * group, so it carries a hash) and network security groups on the scale set's network interfaces.
 */
final class SharingRules {
    /** Learn "Naming rules and restrictions for Azure resources", Microsoft.Network/loadBalancers. */
    static final Pattern LOAD_BALANCER_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?");
    static final String NIC_CONFIGURATIONS = "virtualMachineProfile.networkProfile.networkInterfaceConfigurations";

    private SharingRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("lb-name-valid",
                        "A load balancer's name (loadBalancerName) has 1-80 characters: letters, digits,"
                                + " underscores, periods and hyphens, starting with a letter or digit and ending"
                                + " with a letter, digit or underscore",
                        "Learn \"Naming rules and restrictions for Azure resources\" (Microsoft.Network,"
                                + " loadBalancers)",
                        "InvalidResourceName", Basis.CONFIRMED, SharingRules::loadBalancerName),
                new AzureRule("nsg-same-region-as-interface",
                        "A network security group on a scale set's network interface configuration is in the"
                                + " scale set's region",
                        "Learn \"Create, change, or delete a network security group\" (an NSG is associated with"
                                + " subnets and network interfaces in its own region); the exact refusal is not"
                                + " documented, so a check across regions counts as refused",
                        "unconfirmed (InvalidResourceReference)", Basis.INFERRED, SharingRules::interfaceNsgRegion));
    }

    private static void loadBalancerName(ResourceGraph graph, Findings findings) {
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            Optional<String> name = Values.string(lb.inputs(), "loadBalancerName");
            if (name.isPresent() && !LOAD_BALANCER_NAME.matcher(name.get()).matches()) {
                findings.add(lb, "loadBalancerName", "the name '" + name.get() + "' is not a valid load"
                                + " balancer name",
                        "use 1-80 letters, digits, '_', '.', '-', starting with a letter or digit and ending with a"
                                + " letter, digit or '_'");
            }
        }
    }

    private static void interfaceNsgRegion(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Optional<String> region = Values.string(scaleSet.inputs(), "location");
            List<Object> nics = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "networkProfile"), "networkInterfaceConfigurations");
            for (int index = 0; index < nics.size(); index++) {
                Map<String, Object> nic = Values.map(nics.get(index));
                Optional<String> nsgId = Values.string(Values.map(nic, "networkSecurityGroup"), "id");
                Optional<String> nsgRegion = nsgId.flatMap(graph::resolve)
                        .flatMap(target -> Values.string(target.resource().inputs(), "location"));
                if (region.isPresent() && nsgRegion.isPresent()
                        && !Values.lower(region.get()).equals(Values.lower(nsgRegion.get()))) {
                    findings.add(scaleSet, NIC_CONFIGURATIONS + "[" + index + "].networkSecurityGroup.id",
                            "the interfaces' NSG is in " + nsgRegion.get() + ", the scale set in " + region.get(),
                            "declare the NSG in the scale set's region");
                }
            }
        }
    }
}
