package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.plans.AvailabilityZones;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Availability zones: where they may be declared, on what, and how they combine. */
final class ZoneRules {
    static final String ZONE_BALANCE = "zoneBalance";

    private ZoneRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("zones-only-in-zonal-regions",
                        "Resources declare zones only in a region with availability zones (the project's dated"
                                + " table, " + AvailabilityZones.SOURCE + "), each zone 1, 2 or 3 once",
                        AvailabilityZones.SOURCE + "; Azure update \"Upcoming changes to Standard Public IPs and"
                                + " Standard Load Balancers\" (2020-08-31: zone-redundant resources only in regions"
                                + " with zones); Azure/terraform-azurerm-loadbalancer issue 38; aztfmod/"
                                + "terraform-azurerm-caf issue 1744",
                        "LocationNotSupportAvailabilityZones", Basis.CONFIRMED, ZoneRules::zonalRegions),
                new AzureRule("zone-balance-needs-several-zones",
                        "A scale set sets zoneBalance only when its zones list holds more than one zone",
                        "REST spec compute virtualMachineScaleSet.json (VirtualMachineScaleSetProperties"
                                + ".zoneBalance: \"can only be set if the zones property of the scale set contains"
                                + " more than one zone\")",
                        "unconfirmed (InvalidParameter from Microsoft.Compute)", Basis.CONFIRMED,
                        ZoneRules::zoneBalance),
                new AzureRule("fault-domains-with-zones",
                        "A Uniform scale set's platformFaultDomainCount is 1 or 5 when it has zones, 1-5 without",
                        "Learn \"Choosing the right number of fault domains for Virtual Machine Scale Set\""
                                + " (Uniform, zonal or zone-spanning: 1, 5; regional: 1-5)",
                        "unconfirmed (InvalidParameter from Microsoft.Compute)", Basis.CONFIRMED,
                        ZoneRules::faultDomains),
                new AzureRule("lb-public-frontend-no-zones",
                        "A load balancer frontend with a public IP address or prefix sets no zones: it follows its"
                                + " address's (zone-redundant addresses give a zone-redundant frontend)",
                        "PSRule.Rules.Azure issue 2814 (frontend zones only valid on an internal load balancer);"
                                + " REST spec network loadBalancer.json (FrontendIPConfiguration.zones: \"the IP"
                                + " allocated for the resource\")",
                        "unconfirmed (a 400 from the network provider)", Basis.CONFIRMED,
                        ZoneRules::publicFrontends),
                new AzureRule("nat-gateway-address-zones",
                        "A NAT gateway in one zone uses public IP addresses of that zone or zone-redundant ones;"
                                + " a NAT gateway without a zone may use any",
                        "Learn \"NAT gateway and availability zones\" (a zonal NAT gateway: same zone or"
                                + " zone-redundant addresses; no-zone: zonal, no-zone or zone-redundant)",
                        "unconfirmed (a 400 from the network provider)", Basis.CONFIRMED,
                        ZoneRules::natGatewayAddresses));
    }

    private static List<String> zones(Map<String, Object> inputs) {
        return Values.list(inputs, "zones").stream().map(zone -> String.valueOf(Values.reveal(zone))).toList();
    }

    private static void zonalRegions(ResourceGraph graph, Findings findings) {
        for (Registration resource : graph.registrations()) {
            if (!resource.custom() || !resource.inputs().containsKey("zones")) {
                continue;
            }
            List<String> zones = zones(resource.inputs());
            Optional<String> location = Values.string(resource.inputs(), "location");
            boolean known = zones.stream().allMatch(AvailabilityZones.ALL::contains)
                    && new HashSet<>(zones).size() == zones.size();
            if (!known) {
                findings.add(resource, "zones", "zones " + zones + " are not zone numbers 1, 2 and 3, each once",
                        "list zones as \"1\", \"2\", \"3\"");
            } else if (!zones.isEmpty() && location.flatMap(AvailabilityZones::hasZones).equals(Optional.of(false))) {
                findings.add(resource, "zones", "zones " + zones + " in region " + location.get()
                                + ", which has no availability zones",
                        "leave zones out, or deploy to a region with zones such as " + AvailabilityZones.examples());
            }
        }
    }

    private static void zoneBalance(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            if (scaleSet.inputs().containsKey(ZONE_BALANCE) && zones(scaleSet.inputs()).size() < 2) {
                findings.add(scaleSet, ZONE_BALANCE, "zoneBalance is set on a scale set with "
                                + zones(scaleSet.inputs()).size() + " zone(s)",
                        "leave zoneBalance out unless zones lists two or three zones");
            }
        }
    }

    private static void faultDomains(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            boolean flexible = Values.equalsIgnoreCase(Values.string(scaleSet.inputs(), "orchestrationMode"),
                    "Flexible");
            Optional<Long> count = Values.whole(scaleSet.inputs(), "platformFaultDomainCount");
            if (flexible || count.isEmpty()) {
                continue;
            }
            boolean zonal = !zones(scaleSet.inputs()).isEmpty();
            boolean allowed = zonal ? count.get() == 1 || count.get() == 5 : count.get() >= 1 && count.get() <= 5;
            if (!allowed) {
                findings.add(scaleSet, "platformFaultDomainCount", "platformFaultDomainCount " + count.get()
                                + " on a " + (zonal ? "zonal" : "regional") + " Uniform scale set",
                        zonal ? "use 1 (max spreading) or 5, or leave it out" : "use 1-5, or leave it out");
            }
        }
    }

    private static void publicFrontends(ResourceGraph graph, Findings findings) {
        for (Registration lb : graph.ofType(ResourceGraph.LOAD_BALANCER)) {
            List<Object> frontends = Values.list(lb.inputs(), "frontendIPConfigurations");
            for (int index = 0; index < frontends.size(); index++) {
                Map<String, Object> frontend = Values.map(frontends.get(index));
                boolean isPublic = frontend.containsKey("publicIPAddress") || frontend.containsKey("publicIPPrefix");
                if (isPublic && frontend.containsKey("zones")) {
                    findings.add(lb, "frontendIPConfigurations[" + index + "].zones", "the public frontend "
                                    + Values.nameOf(frontend, index) + " sets zones " + zones(frontend),
                            "leave the frontend's zones out and set zones on its public IP address");
                }
            }
        }
    }

    private static void natGatewayAddresses(ResourceGraph graph, Findings findings) {
        for (Registration gateway : graph.ofType(ResourceGraph.NAT_GATEWAY)) {
            List<String> gatewayZones = zones(gateway.inputs());
            if (gatewayZones.isEmpty()) {
                continue;
            }
            List<Object> addresses = Values.list(gateway.inputs(), "publicIpAddresses");
            for (int index = 0; index < addresses.size(); index++) {
                Optional<SubResource> target = graph.resolveReference(addresses.get(index));
                if (target.isEmpty() || !target.get().isWholeResource()) {
                    continue;
                }
                List<String> addressZones = zones(target.get().resource().inputs());
                boolean redundant = addressZones.size() > 1;
                if (!redundant && !addressZones.equals(gatewayZones)) {
                    findings.add(gateway, "publicIpAddresses[" + index + "]", "the NAT gateway is in zone "
                                    + gatewayZones + " but its address " + target.get().resource().name() + " is "
                                    + (addressZones.isEmpty() ? "in no zone" : "in zone " + addressZones),
                            "use a zone-redundant address (zones 1, 2, 3) or one in the gateway's zone, or leave"
                                    + " the gateway's zones out");
                }
            }
        }
    }
}
