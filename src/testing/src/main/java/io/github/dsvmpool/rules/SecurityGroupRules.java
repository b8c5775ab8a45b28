package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Network security group rules: which fields take service tags, priorities, descriptions, address families. */
final class SecurityGroupRules {
    static final String NSG_SOURCE = "REST spec networkSecurityGroup.json (SecurityRulePropertiesFormat); Learn"
            + " \"Network security groups\" (security rules, augmented security rules)";
    private static final String[][] PAIRS = {
            {"sourceAddressPrefix", "sourceAddressPrefixes"},
            {"destinationAddressPrefix", "destinationAddressPrefixes"},
            {"sourcePortRange", "sourcePortRanges"},
            {"destinationPortRange", "destinationPortRanges"}};

    /** One security rule, inline in its NSG or a SecurityRule resource of its own. */
    record SecurityRule(Registration owner, String path, Map<String, Object> inputs, String group) {
        String at(String property) {
            return path.isEmpty() ? property : path + "." + property;
        }

        String label() {
            return Values.stringOr(inputs, "name", Values.stringOr(inputs, "securityRuleName", path));
        }
    }

    private SecurityGroupRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("nsg-tags-only-in-singular-prefix",
                        "Service tags (Internet, AzureLoadBalancer, VirtualNetwork, any tag) and * go only in the"
                                + " singular sourceAddressPrefix/destinationAddressPrefix; the plural"
                                + " sourceAddressPrefixes/destinationAddressPrefixes take IP addresses and CIDR"
                                + " ranges only",
                        NSG_SOURCE + "; terraform-provider-azurerm issue 5617; ansible-collections/azure issue 639"
                                + " and PR 640",
                        "SecurityRuleParameterContainsUnsupportedValue", Basis.CONFIRMED,
                        SecurityGroupRules::pluralTakesAddressesOnly),
                new AzureRule("nsg-singular-or-plural",
                        "A security rule sets either the singular or the plural form of each of sourceAddressPrefix,"
                                + " destinationAddressPrefix, sourcePortRange, destinationPortRange, never both",
                        NSG_SOURCE + " (each pair is documented as alternatives); which one Azure keeps when both"
                                + " are set is not documented",
                        "unconfirmed (a 400 from the network provider, or one value silently ignored)",
                        Basis.INFERRED, SecurityGroupRules::notBothForms),
                new AzureRule("nsg-priority-range",
                        "Security rule priorities are between 100 and 4096",
                        NSG_SOURCE + "; pulumi/pulumi-azure-native issue 2221",
                        "SecurityRuleInvalidPriority", Basis.CONFIRMED, SecurityGroupRules::priorityInRange),
                new AzureRule("nsg-priority-unique-per-direction",
                        "No two security rules of one NSG have the same priority and direction",
                        NSG_SOURCE + "; terraform-provider-azurerm issues 11137 and 27046",
                        "SecurityRuleConflict", Basis.CONFIRMED, SecurityGroupRules::priorityUnique),
                new AzureRule("nsg-description-length",
                        "A security rule's description is at most 140 characters",
                        NSG_SOURCE + " (description: \"Restricted to 140 chars\"); MicrosoftDocs/azure-docs PR 53699",
                        "unconfirmed (a 400 validation error)", Basis.CONFIRMED, SecurityGroupRules::shortDescription),
                new AzureRule("nsg-one-address-family",
                        "The IP addresses and ranges of one security rule are all IPv4 or all IPv6",
                        "terraform-provider-azurerm issue 12534 (the error quoted from Azure)",
                        "ResourceCannotContainAddressPrefixesFromDifferentAddressFamilies", Basis.CONFIRMED,
                        SecurityGroupRules::oneFamily));
    }

    /** Every security rule of the graph: inline in NSGs, and SecurityRule resources. */
    static List<SecurityRule> securityRules(ResourceGraph graph) {
        List<SecurityRule> rules = new ArrayList<>();
        for (Registration nsg : graph.ofType(ResourceGraph.NSG)) {
            List<Object> inline = Values.list(nsg.inputs(), "securityRules");
            String group = groupOf(nsg, "networkSecurityGroupName");
            for (int index = 0; index < inline.size(); index++) {
                rules.add(new SecurityRule(nsg, "securityRules[" + index + "]", Values.map(inline.get(index)), group));
            }
        }
        for (Registration rule : graph.ofType(ResourceGraph.SECURITY_RULE)) {
            rules.add(new SecurityRule(rule, "", rule.inputs(), groupOf(rule, "networkSecurityGroupName")));
        }
        return rules;
    }

    /** The NSG a rule belongs to: its resource group and Azure name (or its Pulumi URN when unnamed). */
    private static String groupOf(Registration registration, String nameInput) {
        Optional<String> name = Values.string(registration.inputs(), nameInput);
        if (name.isEmpty()) {
            return registration.urn();
        }
        return Values.lower(Values.stringOr(registration.inputs(), "resourceGroupName", "")) + "/"
                + Values.lower(name.get());
    }

    private static void pluralTakesAddressesOnly(ResourceGraph graph, Findings findings) {
        for (SecurityRule rule : securityRules(graph)) {
            for (String[] pair : new String[][] {PAIRS[0], PAIRS[1]}) {
                List<Object> items = Values.list(rule.inputs(), pair[1]);
                for (int index = 0; index < items.size(); index++) {
                    Object item = Values.reveal(items.get(index));
                    String text = String.valueOf(item);
                    if (!(item instanceof String) || !Addresses.isAddressOrRange(text)) {
                        boolean tagLike = item instanceof String && !text.isBlank();
                        findings.add(rule.owner(), rule.at(pair[1] + "[" + index + "]"),
                                "security rule " + rule.label() + " lists '" + text + "' in " + pair[1]
                                        + ", which takes IP addresses and CIDR ranges only"
                                        + (tagLike ? " (a service tag or * belongs in " + pair[0] + ")" : ""),
                                tagLike ? "set " + pair[0] + ": '" + text + "' instead (one tag per rule: split the"
                                        + " rule if it also needs addresses)"
                                        : "give an IPv4/IPv6 address or CIDR range");
                    }
                }
            }
        }
    }

    private static void notBothForms(ResourceGraph graph, Findings findings) {
        for (SecurityRule rule : securityRules(graph)) {
            for (String[] pair : PAIRS) {
                boolean singular = Values.string(rule.inputs(), pair[0]).filter(s -> !s.isEmpty()).isPresent();
                boolean plural = !Values.list(rule.inputs(), pair[1]).isEmpty();
                if (singular && plural) {
                    findings.add(rule.owner(), rule.at(pair[1]),
                            "security rule " + rule.label() + " sets both " + pair[0] + " and " + pair[1],
                            "keep one: " + pair[0] + " for a single value, tag or *, " + pair[1]
                                    + " for several addresses or ranges");
                }
            }
        }
    }

    private static void priorityInRange(ResourceGraph graph, Findings findings) {
        for (SecurityRule rule : securityRules(graph)) {
            Optional<Long> priority = Values.whole(rule.inputs(), "priority");
            if (priority.isEmpty() || priority.get() < 100 || priority.get() > 4096) {
                findings.add(rule.owner(), rule.at("priority"), "security rule " + rule.label() + " has priority "
                                + priority.map(String::valueOf).orElse("(none)") + ", outside 100-4096",
                        "give it a priority between 100 and 4096 (Azure's defaults take 65000 and up)");
            }
        }
    }

    private static void priorityUnique(ResourceGraph graph, Findings findings) {
        Map<String, SecurityRule> seen = new LinkedHashMap<>();
        for (SecurityRule rule : securityRules(graph)) {
            Optional<Long> priority = Values.whole(rule.inputs(), "priority");
            if (priority.isEmpty()) {
                continue;
            }
            String direction = Values.lower(Values.stringOr(rule.inputs(), "direction", "?"));
            String key = rule.group() + "|" + direction + "|" + priority.get();
            SecurityRule first = seen.putIfAbsent(key, rule);
            if (first != null) {
                findings.add(rule.owner(), rule.at("priority"), "security rules " + first.label() + " and "
                                + rule.label() + " of the same NSG both have priority " + priority.get() + " and direction "
                                + Values.stringOr(rule.inputs(), "direction", "(none)"),
                        "give each rule of a direction its own priority");
            }
        }
    }

    private static void shortDescription(ResourceGraph graph, Findings findings) {
        for (SecurityRule rule : securityRules(graph)) {
            Values.string(rule.inputs(), "description").filter(text -> text.length() > 140).ifPresent(text ->
                    findings.add(rule.owner(), rule.at("description"), "security rule " + rule.label()
                                    + " has a description of " + text.length() + " characters",
                            "shorten the description to at most 140 characters"));
        }
    }

    private static void oneFamily(ResourceGraph graph, Findings findings) {
        for (SecurityRule rule : securityRules(graph)) {
            TreeSet<Integer> families = new TreeSet<>();
            for (String field : new String[] {"sourceAddressPrefix", "destinationAddressPrefix"}) {
                Values.string(rule.inputs(), field).map(Addresses::family).filter(f -> f != 0).ifPresent(families::add);
            }
            for (String field : new String[] {"sourceAddressPrefixes", "destinationAddressPrefixes"}) {
                for (Object item : Values.list(rule.inputs(), field)) {
                    int family = Addresses.family(String.valueOf(Values.reveal(item)));
                    if (family != 0) {
                        families.add(family);
                    }
                }
            }
            if (families.size() > 1) {
                findings.add(rule.owner(), rule.path().isEmpty() ? "sourceAddressPrefixes" : rule.path(),
                        "security rule " + rule.label() + " mixes IPv4 and IPv6 addresses",
                        "split it into one rule for IPv4 and one for IPv6");
            }
        }
    }
}
