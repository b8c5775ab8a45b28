package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Application Health extension and automatic instance repairs of a scale set. Sources: Learn "Using
 * Application Health extension with Virtual Machine Scale Sets" (settings, Binary 1.0 / Rich 2.0),
 * Azure/applicationhealth-extension-linux {@code main/handlersettings.go} and {@code main/schema.go} (the
 * settings schema: intervalInSeconds 5-60, numberOfProbes 1-24), Learn "Automatic instance repairs for Azure
 * Virtual Machine Scale Sets" and the REST type AutomaticRepairsPolicy (gracePeriod PT10M-PT90M, repairAction
 * Replace | Restart | Reimage, one health source at a time).
 */
final class HealthRules {
    static final String PUBLISHER = "Microsoft.ManagedServices";
    static final Set<String> TYPES = Set.of("applicationhealthlinux", "applicationhealthwindows");
    static final Set<String> VERSIONS = Set.of("1.0", "2.0");
    static final Set<String> PROTOCOLS = Set.of("http", "https", "tcp");
    static final String EXTENSION_SOURCE = "Learn \"Using Application Health extension with Virtual Machine Scale"
            + " Sets\"; Azure/applicationhealth-extension-linux main/schema.go";
    static final String REPAIRS_SOURCE = "Learn \"Automatic instance repairs for Azure Virtual Machine Scale Sets\";"
            + " REST spec computeRP virtualMachineScaleSet.json AutomaticRepairsPolicy";
    static final String EXTENSION_ERROR = "VMExtensionProvisioningError (the extension refuses its settings)";

    /** One health extension: inline in a scale set's extension profile. */
    record Extension(Registration owner, String path, Map<String, Object> inputs) {
        String at(String property) {
            return path + "." + property;
        }

        Map<String, Object> settings() {
            return Values.map(inputs, "settings");
        }

        String label() {
            return "health extension " + Values.stringOr(inputs, "name", path);
        }
    }

    private HealthRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("health-extension-identity",
                        "An Application Health extension is publisher Microsoft.ManagedServices, type"
                                + " ApplicationHealthLinux (or ...Windows), typeHandlerVersion 1.0 (Binary) or 2.0"
                                + " (Rich), at most one per scale set",
                        EXTENSION_SOURCE, "VMExtensionHandlerNonTransientError / InvalidParameter (unconfirmed)",
                        Basis.CONFIRMED, HealthRules::identity),
                new AzureRule("health-extension-probe",
                        "Health extension settings: protocol http, https or tcp; port 1-65535; requestPath for"
                                + " http/https only",
                        EXTENSION_SOURCE, EXTENSION_ERROR, Basis.CONFIRMED, HealthRules::probe),
                new AzureRule("health-extension-timing",
                        "Health extension settings: intervalInSeconds 5-60, numberOfProbes 1-24",
                        EXTENSION_SOURCE, EXTENSION_ERROR, Basis.CONFIRMED, HealthRules::timing),
                new AzureRule("health-one-source",
                        "A scale set has at most one health source (the health extension or"
                                + " networkProfile.healthProbe), and exactly one when automatic repairs are enabled",
                        REPAIRS_SOURCE, "BadRequest / InvalidParameter (unconfirmed code)", Basis.CONFIRMED,
                        HealthRules::oneSource),
                new AzureRule("automatic-repairs-policy",
                        "automaticRepairsPolicy.gracePeriod is an ISO-8601 duration PT10M-PT90M and repairAction"
                                + " is Replace, Restart or Reimage",
                        REPAIRS_SOURCE, "InvalidParameter (unconfirmed code)", Basis.CONFIRMED,
                        HealthRules::repairsPolicy));
    }

    static boolean isHealthExtension(Map<String, Object> inputs) {
        return Values.string(inputs, "type").map(type -> TYPES.contains(Values.lower(type))).orElse(false)
                || Values.equalsIgnoreCase(Values.string(inputs, "publisher"), PUBLISHER)
                && Values.string(inputs, "type").map(t -> Values.lower(t).startsWith("applicationhealth")).orElse(false);
    }

    static List<Extension> extensions(Registration scaleSet) {
        List<Extension> found = new ArrayList<>();
        List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                "extensionProfile"), "extensions");
        for (int index = 0; index < extensions.size(); index++) {
            Map<String, Object> inputs = Values.map(extensions.get(index));
            if (isHealthExtension(inputs)) {
                found.add(new Extension(scaleSet, "virtualMachineProfile.extensionProfile.extensions[" + index + "]",
                        inputs));
            }
        }
        return found;
    }

    private static List<Extension> extensions(ResourceGraph graph) {
        List<Extension> found = new ArrayList<>();
        graph.ofType(ResourceGraph.SCALE_SET).forEach(scaleSet -> found.addAll(extensions(scaleSet)));
        return found;
    }

    private static void identity(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            List<Extension> extensions = extensions(scaleSet);
            if (extensions.size() > 1) {
                findings.add(scaleSet, extensions.get(1).path(), "the scale set has " + extensions.size()
                        + " Application Health extensions", "keep one health extension");
            }
            for (Extension extension : extensions) {
                if (!Values.equalsIgnoreCase(Values.string(extension.inputs(), "publisher"), PUBLISHER)) {
                    findings.add(scaleSet, extension.at("publisher"), extension.label() + " has publisher "
                            + Values.stringOr(extension.inputs(), "publisher", "(none)"), "set publisher " + PUBLISHER);
                }
                if (!Values.string(extension.inputs(), "type").map(t -> TYPES.contains(Values.lower(t)))
                        .orElse(false)) {
                    findings.add(scaleSet, extension.at("type"), extension.label() + " has type "
                                    + Values.stringOr(extension.inputs(), "type", "(none)"),
                            "set type ApplicationHealthLinux");
                }
                Optional<String> version = Values.string(extension.inputs(), "typeHandlerVersion");
                if (version.isEmpty() || !VERSIONS.contains(version.get())) {
                    findings.add(scaleSet, extension.at("typeHandlerVersion"), extension.label()
                                    + " has typeHandlerVersion " + version.orElse("(none)"),
                            "set 1.0 (Binary: HTTP 200 is healthy) or 2.0 (Rich: a JSON health state)");
                }
            }
        }
    }

    private static void probe(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            Map<String, Object> settings = extension.settings();
            Optional<String> protocol = Values.string(settings, "protocol").map(Values::lower);
            if (protocol.isEmpty() || !PROTOCOLS.contains(protocol.get())) {
                findings.add(extension.owner(), extension.at("settings.protocol"), extension.label()
                        + " probes with protocol " + protocol.orElse("(none)"), "set protocol http, https or tcp");
            }
            Optional<Long> port = Values.whole(settings, "port");
            if (port.isEmpty() || port.get() < 1 || port.get() > 65_535) {
                findings.add(extension.owner(), extension.at("settings.port"), extension.label() + " probes port "
                        + port.map(String::valueOf).orElse("(none)"), "set a port 1-65535");
            }
            boolean path = Values.has(settings, "requestPath");
            if (protocol.filter("tcp"::equals).isPresent() && path) {
                findings.add(extension.owner(), extension.at("settings.requestPath"), extension.label()
                        + " gives a requestPath to a tcp probe", "remove requestPath, or probe with http/https");
            }
            if (protocol.filter(p -> p.startsWith("http")).isPresent() && !path) {
                findings.add(extension.owner(), extension.at("settings.requestPath"), extension.label()
                        + " probes " + protocol.get() + " without a requestPath", "set requestPath, e.g. /hub/health");
            }
        }
    }

    private static void timing(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            Map<String, Object> settings = extension.settings();
            within(extension, settings, "intervalInSeconds", 5, 60, findings);
            within(extension, settings, "numberOfProbes", 1, 24, findings);
        }
    }

    private static void within(Extension extension, Map<String, Object> settings, String key, long lowest,
                               long highest, Findings findings) {
        if (!settings.containsKey(key)) {
            return;
        }
        Optional<Long> value = Values.whole(settings, key);
        if (value.isEmpty() || value.get() < lowest || value.get() > highest) {
            findings.add(extension.owner(), extension.at("settings." + key), extension.label() + " sets " + key
                    + " " + value.map(String::valueOf).orElse("(not a number)") + ", outside " + lowest + "-"
                    + highest, "set " + key + " between " + lowest + " and " + highest);
        }
    }

    private static Map<String, Object> repairsPolicy(Registration scaleSet) {
        return Values.map(scaleSet.inputs(), "automaticRepairsPolicy");
    }

    private static void oneSource(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            boolean extension = !extensions(scaleSet).isEmpty();
            boolean probe = Values.has(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "networkProfile"), "healthProbe");
            boolean repairs = Values.isTrue(repairsPolicy(scaleSet), "enabled");
            if (extension && probe) {
                findings.add(scaleSet, "virtualMachineProfile.networkProfile.healthProbe", "the scale set has both"
                                + " the Application Health extension and a load balancer health probe as health sources",
                        "keep one: remove networkProfile.healthProbe (LB rules keep their own probes)");
            } else if (repairs && !extension && !probe) {
                findings.add(scaleSet, "automaticRepairsPolicy.enabled", "automatic repairs are enabled without a"
                        + " health source", "add the Application Health extension, or disable automatic repairs");
            }
        }
    }

    private static void repairsPolicy(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Map<String, Object> policy = repairsPolicy(scaleSet);
            if (policy.containsKey("gracePeriod")) {
                Optional<String> grace = Values.string(policy, "gracePeriod");
                if (grace.isEmpty() || !Durations.within(grace.get(), 10, 90)) {
                    findings.add(scaleSet, "automaticRepairsPolicy.gracePeriod", "the repair grace period is "
                            + grace.orElse("(not a duration)") + ", outside PT10M-PT90M", "set it between PT10M and PT90M");
                }
            }
            if (policy.containsKey("repairAction")) {
                Optional<String> action = Values.string(policy, "repairAction");
                if (action.isEmpty() || !Set.of("Replace", "Restart", "Reimage").contains(action.get())) {
                    findings.add(scaleSet, "automaticRepairsPolicy.repairAction", "the repair action is "
                            + action.orElse("(none)"), "set Replace, Restart or Reimage");
                }
            }
        }
    }
}
