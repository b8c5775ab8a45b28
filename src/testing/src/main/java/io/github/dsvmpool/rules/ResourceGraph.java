package io.github.dsvmpool.rules;

import io.github.dsvmpool.network.PrivateSubnet;
import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registered resources, indexed for the rules: resources by type and by id, references resolved in both
 * forms the program uses (the mock engine's id of a registration, possibly with a {@code /<collection>/<name>}
 * suffix, and the ARM id the program builds itself, such as a load balancer's own parts before it exists), and
 * each scale set's maximum size.
 */
final class ResourceGraph {
    static final String LOAD_BALANCER = "azure-native:network:LoadBalancer";
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";
    static final String PUBLIC_IP_PREFIX = "azure-native:network:PublicIPPrefix";
    static final String NAT_GATEWAY = "azure-native:network:NatGateway";
    static final String NSG = "azure-native:network:NetworkSecurityGroup";
    static final String SECURITY_RULE = "azure-native:network:SecurityRule";
    /** The pool's subnet type, decided in {@link PrivateSubnet}; {@link #SUBNETS} holds its previous one too. */
    static final String SUBNET = PrivateSubnet.TYPE;
    static final List<String> SUBNETS = PrivateSubnet.TYPES;
    static final String VIRTUAL_NETWORK = "azure-native:network:VirtualNetwork";
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String AUTOSCALE = "azure-native:insights:AutoscaleSetting";
    static final String STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
    static final String FILE_SHARE = "azure-native:storage:FileShare";

    /** ARM {@code <provider>/<type>} to the azure-native type and the input that holds the Azure name. */
    private static final Map<String, String[]> ARM_TYPES = Map.of(
            "microsoft.network/loadbalancers", new String[] {LOAD_BALANCER, "loadBalancerName"},
            "microsoft.network/publicipaddresses", new String[] {PUBLIC_IP, "publicIpAddressName"},
            "microsoft.network/publicipprefixes", new String[] {PUBLIC_IP_PREFIX, "publicIpPrefixName"},
            "microsoft.network/natgateways", new String[] {NAT_GATEWAY, "natGatewayName"},
            "microsoft.network/networksecuritygroups", new String[] {NSG, "networkSecurityGroupName"},
            "microsoft.network/virtualnetworks", new String[] {VIRTUAL_NETWORK, "virtualNetworkName"},
            "microsoft.compute/virtualmachinescalesets", new String[] {SCALE_SET, "vmScaleSetName"},
            "microsoft.storage/storageaccounts", new String[] {STORAGE_ACCOUNT, "accountName"});

    private static final Pattern MOCK_ID = Pattern.compile("/subscriptions/[^/]+/mock/", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARM_ID = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/([^/]+)/([^/]+)/([^/]+)(?:/([^/]+)/([^/]+))?",
            Pattern.CASE_INSENSITIVE);

    /** A scale set's network interface IP configuration, where it joins backend pools and NAT pools. */
    record IpConfig(Registration scaleSet, String path, Map<String, Object> inputs) {
        String label() {
            return scaleSet.name() + " " + Values.stringOr(inputs, "name", path);
        }
    }

    private final List<Registration> registrations;
    private final Map<String, Registration> byId = new LinkedHashMap<>();

    private ResourceGraph(List<Registration> registrations) {
        this.registrations = List.copyOf(registrations);
        for (Registration registration : this.registrations) {
            if (registration.custom() && registration.id() != null && !registration.id().isEmpty()) {
                byId.putIfAbsent(Values.lower(registration.id()), registration);
            }
        }
    }

    static ResourceGraph of(List<Registration> registrations) {
        return new ResourceGraph(registrations);
    }

    List<Registration> registrations() {
        return registrations;
    }

    List<Registration> ofType(String type) {
        return registrations.stream().filter(r -> r.custom() && r.type().equals(type)).toList();
    }

    // ---- references ------------------------------------------------------------------------------------

    /** The id in a {@code {"id": "..."}} value, if it is one. */
    static Optional<String> idOf(Object reference) {
        return Values.string(Values.map(reference), "id");
    }

    /** What the {@code {"id": ...}} value refers to; empty when it is no reference or does not resolve. */
    Optional<SubResource> resolveReference(Object reference) {
        return idOf(reference).flatMap(this::resolve);
    }

    /** What an id refers to in this graph, in either form. */
    Optional<SubResource> resolve(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String lower = Values.lower(id);
        Registration exact = byId.get(lower);
        if (exact != null) {
            return Optional.of(whole(exact));
        }
        for (Map.Entry<String, Registration> entry : byId.entrySet()) {
            if (lower.startsWith(entry.getKey() + "/")) {
                String[] rest = id.substring(entry.getKey().length() + 1).split("/");
                if (rest.length == 2) {
                    return element(entry.getValue(), rest[0], rest[1]);
                }
                return Optional.empty();
            }
        }
        return resolveArm(id);
    }

    /**
     * True for the ids that must resolve in this graph: the mock engine's ids (they only name registrations) and
     * ARM ids of the resource types this project declares. Other ids (a subscription, a resource group, a role
     * definition, a resource type the project never declares) name things outside the stack.
     */
    static boolean mustResolve(String id) {
        if (id == null) {
            return false;
        }
        if (MOCK_ID.matcher(id).lookingAt()) {
            return true;
        }
        Matcher arm = ARM_ID.matcher(id);
        return arm.matches() && ARM_TYPES.containsKey(Values.lower(arm.group(3) + "/" + arm.group(4)));
    }

    private Optional<SubResource> resolveArm(String id) {
        Matcher arm = ARM_ID.matcher(id);
        if (!arm.matches()) {
            return Optional.empty();
        }
        String resourceGroup = arm.group(2);
        String armType = Values.lower(arm.group(3) + "/" + arm.group(4));
        String name = arm.group(5);
        if (armType.equals("microsoft.network/virtualnetworks") && arm.group(6) != null
                && arm.group(6).equalsIgnoreCase("subnets")) {
            for (Registration subnet : registrations.stream().filter(r -> r.custom() && SUBNETS.contains(r.type()))
                    .toList()) {
                if (sameName(subnet, "virtualNetworkName", name) && sameName(subnet, "subnetName", arm.group(7))
                        && inGroup(subnet, resourceGroup)) {
                    return Optional.of(whole(subnet));
                }
            }
        }
        String[] declared = ARM_TYPES.get(armType);
        if (declared == null) {
            return Optional.empty();
        }
        for (Registration candidate : ofType(declared[0])) {
            if ((sameName(candidate, declared[1], name) || autonamed(candidate, declared[1], name))
                    && inGroup(candidate, resourceGroup)) {
                return arm.group(6) == null ? Optional.of(whole(candidate))
                        : element(candidate, arm.group(6), arm.group(7));
            }
        }
        return Optional.empty();
    }

    private static boolean sameName(Registration registration, String input, String name) {
        return Values.string(registration.inputs(), input).map(value -> value.equalsIgnoreCase(name)).orElse(false);
    }

    /**
     * A resource without a name input is auto-named; the program then builds its ARM id from the resource's
     * {@code name} output, which the mock engine answers with the logical name (RecordingMocks).
     */
    private static boolean autonamed(Registration registration, String input, String name) {
        return Values.string(registration.inputs(), input).isEmpty() && registration.name().equalsIgnoreCase(name);
    }

    private static boolean inGroup(Registration registration, String resourceGroup) {
        return Values.string(registration.inputs(), "resourceGroupName")
                .map(value -> value.equalsIgnoreCase(resourceGroup)).orElse(true);
    }

    private static SubResource whole(Registration registration) {
        return new SubResource(registration, "", registration.name(), registration.inputs(), -1);
    }

    /** The element named {@code name} of the resource's inline collection (case-insensitive, as Azure). */
    Optional<SubResource> element(Registration resource, String collection, String name) {
        for (Map.Entry<String, Object> entry : resource.inputs().entrySet()) {
            if (!entry.getKey().equalsIgnoreCase(collection)) {
                continue;
            }
            List<Object> items = Values.list(entry.getValue());
            for (int index = 0; index < items.size(); index++) {
                Map<String, Object> item = Values.map(items.get(index));
                if (Values.string(item, "name").map(n -> n.equalsIgnoreCase(name)).orElse(false)) {
                    return Optional.of(new SubResource(resource, entry.getKey(), Values.nameOf(item, index), item,
                            index));
                }
            }
        }
        return Optional.empty();
    }

    // ---- scale sets ------------------------------------------------------------------------------------

    /** Every scale set's IP configurations, with their property paths. */
    List<IpConfig> ipConfigs() {
        List<IpConfig> configs = new ArrayList<>();
        for (Registration scaleSet : ofType(SCALE_SET)) {
            String base = "virtualMachineProfile.networkProfile.networkInterfaceConfigurations";
            List<Object> nics = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "networkProfile"), "networkInterfaceConfigurations");
            for (int nic = 0; nic < nics.size(); nic++) {
                List<Object> ips = Values.list(Values.map(nics.get(nic)), "ipConfigurations");
                for (int ip = 0; ip < ips.size(); ip++) {
                    configs.add(new IpConfig(scaleSet, base + "[" + nic + "].ipConfigurations[" + ip + "]",
                            Values.map(ips.get(ip))));
                }
            }
        }
        return configs;
    }

    /** The backend pools (or NAT pools, with {@code loadBalancerInboundNatPools}) an IP configuration joins. */
    Set<SubResource.Key> joined(IpConfig config, String listName) {
        Set<SubResource.Key> keys = new LinkedHashSet<>();
        for (Object reference : Values.list(config.inputs(), listName)) {
            resolveReference(reference).filter(target -> !target.isWholeResource()).ifPresent(t -> keys.add(t.key()));
        }
        return keys;
    }

    /** The scale sets with an IP configuration in the backend pool (or NAT pool) {@code pool}. */
    List<Registration> members(SubResource.Key pool) {
        Set<Registration> members = new LinkedHashSet<>();
        for (IpConfig config : ipConfigs()) {
            if (joined(config, "loadBalancerBackendAddressPools").contains(pool)
                    || joined(config, "loadBalancerInboundNatPools").contains(pool)) {
                members.add(config.scaleSet());
            }
        }
        return List.copyOf(members);
    }

    /**
     * The most instances the scale set can have: the largest of its {@code sku.capacity} and the
     * {@code capacity.maximum} of every autoscale profile of a setting whose {@code targetResourceUri} is it.
     */
    long maximumSize(Registration scaleSet) {
        long largest = Values.whole(Values.map(scaleSet.inputs(), "sku"), "capacity").orElse(0L);
        for (Registration setting : autoscaleSettingsOf(scaleSet)) {
            for (Object profile : Values.list(setting.inputs(), "profiles")) {
                long maximum = Values.whole(Values.map(Values.map(profile), "capacity"), "maximum").orElse(0L);
                largest = Math.max(largest, maximum);
            }
        }
        return largest;
    }

    /** The autoscale settings whose target is the scale set. */
    List<Registration> autoscaleSettingsOf(Registration scaleSet) {
        List<Registration> settings = new ArrayList<>();
        for (Registration setting : ofType(AUTOSCALE)) {
            Values.string(setting.inputs(), "targetResourceUri").flatMap(this::resolve)
                    .filter(target -> target.isWholeResource() && target.resource() == scaleSet)
                    .ifPresent(target -> settings.add(setting));
        }
        return settings;
    }

    /** Explains how a scale set's maximum is reached, for messages. */
    String maximumExplained(Registration scaleSet) {
        return scaleSet.name() + " (up to " + maximumSize(scaleSet) + " instances)";
    }

    // ---- public addresses ------------------------------------------------------------------------------

    /**
     * How many public addresses a public IP (1) or an IPv4 prefix (2^(32 - prefixLength): /28 = 16 ... /31 = 2,
     * Learn "Public IP address prefix") gives; empty for anything else or a prefix without a usable length.
     */
    static Optional<Long> addressCount(Registration resource) {
        if (resource.type().equals(PUBLIC_IP)) {
            return Optional.of(1L);
        }
        if (!resource.type().equals(PUBLIC_IP_PREFIX)) {
            return Optional.empty();
        }
        boolean ipv6 = Values.equalsIgnoreCase(Values.string(resource.inputs(), "publicIPAddressVersion"), "IPv6");
        int bits = ipv6 ? 128 : 32;
        return Values.whole(resource.inputs(), "prefixLength").filter(length -> length >= 0 && length <= bits)
                .map(length -> bits - length >= 62 ? Long.MAX_VALUE / 2 : 1L << (bits - length));
    }

    static Optional<String> skuName(Registration resource) {
        return Values.string(Values.map(resource.inputs(), "sku"), "name");
    }
}
