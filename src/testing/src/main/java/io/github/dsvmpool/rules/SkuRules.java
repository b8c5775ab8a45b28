package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.plans.VmSizes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SKUs of the network resources (Standard everywhere, matching between a load balancer and its addresses) and the
 * scale set's size against its disks.
 */
final class SkuRules {

    private SkuRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("lb-standard-sku",
                        "Every load balancer has sku.name Standard (Basic, also the default when sku is left out,"
                                + " was retired on 30 September 2025)",
                        "Learn \"Azure Load Balancer SKUs\" and \"Upgrade from Basic Load Balancer\" (Basic retired"
                                + " 30 September 2025)",
                        "unconfirmed (Basic load balancers can no longer be created)", Basis.CONFIRMED,
                        SkuRules::loadBalancerStandard),
                new AzureRule("public-ip-standard-static",
                        "Every public IP address has sku.name Standard and publicIPAllocationMethod Static",
                        "Learn \"Public IP addresses\" (Basic retired 30 September 2025; Standard is static only);"
                                + " MicrosoftDocs/azure-docs issue 42889; pulumi/pulumi-azure-native issue 1597",
                        "StandardSkuPublicIPAddressesMustBeStatic", Basis.CONFIRMED, SkuRules::publicIpStandardStatic),
                new AzureRule("public-ip-prefix-standard",
                        "Every public IP prefix has sku.name Standard and an IPv4 prefixLength of 28-31 (IPv6"
                                + " 124-127)",
                        "Learn \"Public IP address prefix\" (sizes /28 to /31); MicrosoftDocs/azure-docs PR 31127",
                        "unconfirmed (a 400 naming the allowed prefix lengths)", Basis.CONFIRMED,
                        SkuRules::prefixStandard),
                new AzureRule("lb-public-ip-same-sku",
                        "A load balancer and the public IP addresses and prefixes of its frontends have the same SKU",
                        "Learn \"Troubleshoot common deployment errors with Azure Load Balancer\"",
                        "DifferentSkuLoadBalancersAndPublicIPAddressNotAllowed", Basis.CONFIRMED,
                        SkuRules::sameSku),
                new AzureRule("nat-gateway-standard",
                        "Every NAT gateway has sku.name Standard, and its public IP addresses and prefixes give at"
                                + " most 16 addresses in all (a prefix counts 2^(32 - prefixLength))",
                        "Learn \"What is Azure NAT Gateway?\" (up to 16 public IP addresses, addresses or prefixes)",
                        "unconfirmed (a 400 from the network provider)", Basis.CONFIRMED,
                        SkuRules::natGateway),
                new AzureRule("scale-set-premium-disk-size",
                        "A scale set's premium OS and data disks (Premium_LRS, Premium_ZRS) need a VM size with"
                                + " Premium Storage support: by the project's size list (Learn's series pages,"
                                + " 'Feature support'), else by the naming convention's lowercase s",
                        "Learn \"Azure VM sizes naming conventions\" (s = Premium Storage capable) and the series"
                                + " pages (e.g. \"Dv3 sizes series\": Premium Storage Not Supported);"
                                + " MicrosoftLearning/20533 issue 345; Azure/azure-xplat-cli issue 3008",
                        "InvalidParameter (storage account type 'Premium_LRS' is not supported for VM size ...)",
                        Basis.CONFIRMED, SkuRules::premiumDiskSize));
    }

    /** Sizes neither listed nor named by the convention are left alone: nothing is known of them offline. */
    private static void premiumDiskSize(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Optional<String> size = ResourceGraph.skuName(scaleSet);
            Optional<VmSizes.PremiumSupport> support = size.flatMap(VmSizes::premiumStorage);
            if (support.isEmpty() || support.get().supported()) {
                continue;
            }
            Map<String, Object> storage = Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "storageProfile");
            Map<String, Object> osDisk = Values.map(storage, "osDisk");
            premiumDisk(scaleSet, size.get(), support.get(), "virtualMachineProfile.storageProfile.osDisk", osDisk,
                    findings);
            List<Object> dataDisks = Values.list(storage, "dataDisks");
            for (int index = 0; index < dataDisks.size(); index++) {
                premiumDisk(scaleSet, size.get(), support.get(), "virtualMachineProfile.storageProfile.dataDisks["
                        + index + "]", Values.map(dataDisks.get(index)), findings);
            }
        }
    }

    private static void premiumDisk(Registration scaleSet, String size, VmSizes.PremiumSupport support, String path,
                                    Map<String, Object> disk, Findings findings) {
        Optional<String> type = Values.string(Values.map(disk, "managedDisk"), "storageAccountType");
        if (type.isPresent() && VmSizes.isPremiumDisk(type.get())) {
            findings.add(scaleSet, path + ".managedDisk.storageAccountType", "a " + type.get() + " disk on "
                            + size + ", which has no Premium Storage (by " + support.basis() + ")",
                    "use StandardSSD_LRS, or a premium-capable size such as " + VmSizes.examples());
        }
    }

    private static boolean standard(Optional<String> sku) {
        return Values.equalsIgnoreCase(sku, "Standard");
    }

    private static void loadBalancerStandard(ResourceGraph graph, Findings findings) {
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            Optional<String> sku = ResourceGraph.skuName(lb);
            if (!standard(sku)) {
                findings.add(lb, "sku.name", "the load balancer's SKU is " + sku.orElse("not set (Basic)"),
                        "set sku: {name: Standard, tier: Regional}");
            }
        }
    }

    private static void publicIpStandardStatic(ResourceGraph graph, Findings findings) {
        for (Registration ip : graph.ofType(ResourceGraph.PUBLIC_IP)) {
            Optional<String> sku = ResourceGraph.skuName(ip);
            if (!standard(sku)) {
                findings.add(ip, "sku.name", "the public IP's SKU is " + sku.orElse("not set (Basic)"),
                        "set sku: {name: Standard, tier: Regional}");
            }
            Optional<String> method = Values.string(ip.inputs(), "publicIPAllocationMethod");
            if (!Values.equalsIgnoreCase(method, "Static")) {
                findings.add(ip, "publicIPAllocationMethod", "the public IP's allocation method is "
                        + method.orElse("not set (Dynamic)"), "set publicIPAllocationMethod: Static");
            }
        }
    }

    private static void prefixStandard(ResourceGraph graph, Findings findings) {
        for (Registration prefix : graph.ofType(ResourceGraph.PUBLIC_IP_PREFIX)) {
            Optional<String> sku = ResourceGraph.skuName(prefix);
            if (sku.isPresent() && !standard(sku)) {
                findings.add(prefix, "sku.name", "the public IP prefix's SKU is " + sku.get(),
                        "set sku: {name: Standard}");
            }
            boolean ipv6 = Values.equalsIgnoreCase(Values.string(prefix.inputs(), "publicIPAddressVersion"), "IPv6");
            long lowest = ipv6 ? 124 : 28;
            long highest = ipv6 ? 127 : 31;
            Optional<Long> length = Values.whole(prefix.inputs(), "prefixLength");
            if (length.isEmpty() || length.get() < lowest || length.get() > highest) {
                findings.add(prefix, "prefixLength", "the prefix length is " + length.map(String::valueOf)
                                .orElse("not set") + ", outside " + lowest + "-" + highest,
                        "choose a prefixLength between " + lowest + " (16 addresses) and "
                                + highest + " (2 addresses)");
            }
        }
    }

    private static void sameSku(ResourceGraph graph, Findings findings) {
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            String lbSku = ResourceGraph.skuName(lb).orElse("Basic");
            List<Object> frontends = Values.list(lb.inputs(), "frontendIPConfigurations");
            for (int index = 0; index < frontends.size(); index++) {
                Map<String, Object> frontend = Values.map(frontends.get(index));
                for (String field : new String[] {"publicIPAddress", "publicIPPrefix"}) {
                    Optional<SubResource> target = graph.resolveReference(frontend.get(field));
                    if (target.isEmpty() || !target.get().isWholeResource()) {
                        continue;
                    }
                    Registration address = target.get().resource();
                    String defaultSku = address.type().equals(ResourceGraph.PUBLIC_IP_PREFIX) ? "Standard" : "Basic";
                    String addressSku = ResourceGraph.skuName(address).orElse(defaultSku);
                    if (!addressSku.equalsIgnoreCase(lbSku)) {
                        findings.add(lb, "frontendIPConfigurations[" + index + "]." + field,
                                "the load balancer is " + lbSku + " but its frontend "
                                        + Values.nameOf(frontend, index) + " uses " + address.name() + ", which is "
                                        + addressSku,
                                "use Standard for both the load balancer and its public addresses");
                    }
                }
            }
        }
    }

    private static void natGateway(ResourceGraph graph, Findings findings) {
        for (Registration gateway : graph.ofType(ResourceGraph.NAT_GATEWAY)) {
            Optional<String> sku = ResourceGraph.skuName(gateway);
            if (!standard(sku)) {
                findings.add(gateway, "sku.name", "the NAT gateway's SKU is " + sku.orElse("not set"),
                        "set sku: {name: Standard}");
            }
            long addresses = 0;
            for (String field : new String[] {"publicIpAddresses", "publicIpPrefixes"}) {
                for (Object reference : Values.list(gateway.inputs(), field)) {
                    addresses += graph.resolveReference(reference).filter(SubResource::isWholeResource)
                            .flatMap(target -> ResourceGraph.addressCount(target.resource())).orElse(0L);
                }
            }
            if (addresses > 16) {
                findings.add(gateway, "publicIpAddresses", "the NAT gateway's public IPs and prefixes give "
                                + addresses + " addresses, more than 16",
                        "attach at most 16 addresses in all (e.g. one /28 prefix), or split the subnets between"
                                + " NAT gateways");
            }
        }
    }
}
