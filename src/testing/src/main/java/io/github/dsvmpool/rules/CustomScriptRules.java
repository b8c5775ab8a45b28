package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Linux CustomScript extension (Microsoft.Azure.Extensions/CustomScript 2.x) validates its settings before it
 * runs and fails the extension (the scale set's provisioning) when they break its rules. These checks look inside
 * protected settings for key names and sizes only; no message quotes a setting's value.
 */
final class CustomScriptRules {
    static final Set<String> PUBLIC_KEYS = Set.of("commandToExecute", "script", "fileUris", "timestamp",
            "skipDos2Unix");
    static final Set<String> PROTECTED_KEYS = Set.of("commandToExecute", "script", "fileUris",
            "storageAccountName", "storageAccountKey", "managedIdentity");
    static final int LARGEST_INLINE_SCRIPT = 256 * 1024;
    static final String SOURCE = "Azure/custom-script-extension-linux main/handlersettings.go and main/schema.go;"
            + " Learn \"Use the Azure Custom Script Extension Version 2 with Linux virtual machines\"";
    static final String ERROR = "VMExtensionProvisioningError (the extension refuses its settings)";

    /** One CustomScript extension: inline in a scale set's extension profile, or a resource of its own. */
    record Extension(Registration owner, String path, Map<String, Object> inputs) {
        String at(String property) {
            return path.isEmpty() ? property : path + "." + property;
        }

        Map<String, Object> settings() {
            return Values.map(inputs, "settings");
        }

        Map<String, Object> protectedSettings() {
            return Values.map(inputs, "protectedSettings");
        }

        String label() {
            return "extension " + Values.stringOr(inputs, "name", path.isEmpty() ? owner.name() : path);
        }

        boolean anywhere(String key) {
            return Values.has(settings(), key) || Values.has(protectedSettings(), key);
        }
    }

    private CustomScriptRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("custom-script-setting-keys",
                        "CustomScript settings hold only commandToExecute, script, fileUris, timestamp,"
                                + " skipDos2Unix; protectedSettings only commandToExecute, script, fileUris,"
                                + " storageAccountName, storageAccountKey, managedIdentity",
                        SOURCE, ERROR, Basis.CONFIRMED, CustomScriptRules::knownKeys),
                new AzureRule("custom-script-command-or-script",
                        "A CustomScript extension has exactly one of commandToExecute and script, across settings"
                                + " and protectedSettings",
                        SOURCE, ERROR, Basis.CONFIRMED, CustomScriptRules::commandOrScript),
                new AzureRule("custom-script-key-once",
                        "No CustomScript key is set in both settings and protectedSettings",
                        SOURCE, ERROR, Basis.CONFIRMED, CustomScriptRules::keyOnce),
                new AzureRule("custom-script-inline-size",
                        "An inline CustomScript script (base64, as given) is at most 256 KB",
                        SOURCE, ERROR, Basis.CONFIRMED, CustomScriptRules::inlineSize),
                new AzureRule("custom-script-storage-credentials",
                        "CustomScript protected storageAccountName and storageAccountKey come together, never with"
                                + " managedIdentity, and a managedIdentity names a clientId or an objectId, not both",
                        SOURCE, ERROR, Basis.CONFIRMED, CustomScriptRules::storageCredentials));
    }

    static List<Extension> extensions(ResourceGraph graph) {
        List<Extension> found = new ArrayList<>();
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "extensionProfile"), "extensions");
            for (int index = 0; index < extensions.size(); index++) {
                Map<String, Object> inputs = Values.map(extensions.get(index));
                if (isCustomScript(inputs)) {
                    found.add(new Extension(scaleSet,
                            "virtualMachineProfile.extensionProfile.extensions[" + index + "]", inputs));
                }
            }
        }
        for (Registration registration : graph.registrations()) {
            if (registration.custom() && (registration.type().equals("azure-native:compute:VirtualMachineScaleSetExtension")
                    || registration.type().equals("azure-native:compute:VirtualMachineExtension"))
                    && isCustomScript(registration.inputs())) {
                found.add(new Extension(registration, "", registration.inputs()));
            }
        }
        return found;
    }

    private static boolean isCustomScript(Map<String, Object> inputs) {
        return Values.equalsIgnoreCase(Values.string(inputs, "publisher"), "Microsoft.Azure.Extensions")
                && Values.equalsIgnoreCase(Values.string(inputs, "type"), "CustomScript");
    }

    private static void knownKeys(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            for (String key : extension.settings().keySet()) {
                if (!PUBLIC_KEYS.contains(key)) {
                    findings.add(extension.owner(), extension.at("settings." + key), extension.label()
                                    + " has the public setting '" + key + "', which the extension does not accept",
                            PROTECTED_KEYS.contains(key) ? "move '" + key + "' to protectedSettings"
                                    : "remove it; public settings take " + String.join(", ", sorted(PUBLIC_KEYS)));
                }
            }
            for (String key : extension.protectedSettings().keySet()) {
                if (!PROTECTED_KEYS.contains(key)) {
                    findings.add(extension.owner(), extension.at("protectedSettings." + key), extension.label()
                                    + " has the protected setting '" + key + "', which the extension does not accept",
                            PUBLIC_KEYS.contains(key) ? "move '" + key + "' to settings"
                                    : "remove it; protected settings take " + String.join(", ", sorted(PROTECTED_KEYS)));
                }
            }
        }
    }

    private static void commandOrScript(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            boolean command = extension.anywhere("commandToExecute");
            boolean script = extension.anywhere("script");
            if (command && script) {
                findings.add(extension.owner(), extension.at(Values.has(extension.settings(), "script")
                                ? "settings.script" : "protectedSettings.script"),
                        extension.label() + " sets both commandToExecute and script",
                        "keep one: script for an inline script, or commandToExecute to run a command");
            } else if (!command && !script) {
                findings.add(extension.owner(), extension.at("protectedSettings"), extension.label()
                        + " sets neither commandToExecute nor script", "give it the command or the script to run");
            }
        }
    }

    private static void keyOnce(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            for (String key : extension.settings().keySet()) {
                if (extension.protectedSettings().containsKey(key)) {
                    findings.add(extension.owner(), extension.at("settings." + key), extension.label() + " sets '"
                                    + key + "' in both settings and protectedSettings",
                            "keep it in one place (protectedSettings when it carries anything secret)");
                }
            }
        }
    }

    private static void inlineSize(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            for (String place : new String[] {"settings", "protectedSettings"}) {
                Values.string(Values.map(extension.inputs(), place), "script")
                        .filter(script -> script.length() > LARGEST_INLINE_SCRIPT)
                        .ifPresent(script -> findings.add(extension.owner(), extension.at(place + ".script"),
                                extension.label() + " has an inline script of " + script.length()
                                        + " characters, more than 256 KB (" + LARGEST_INLINE_SCRIPT + ")",
                                "gzip the script before base64, or download it with fileUris and run it with"
                                        + " commandToExecute"));
            }
        }
    }

    private static void storageCredentials(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            Map<String, Object> hidden = extension.protectedSettings();
            boolean name = Values.has(hidden, "storageAccountName");
            boolean key = Values.has(hidden, "storageAccountKey");
            boolean identity = Values.has(hidden, "managedIdentity");
            if (name != key) {
                findings.add(extension.owner(), extension.at("protectedSettings." + (name ? "storageAccountKey"
                                : "storageAccountName")), extension.label() + " gives "
                                + (name ? "storageAccountName without storageAccountKey" : "storageAccountKey without"
                                + " storageAccountName"),
                        "give both, or neither (and a managedIdentity instead)");
            }
            if ((name || key) && identity) {
                findings.add(extension.owner(), extension.at("protectedSettings.managedIdentity"), extension.label()
                        + " gives a storage account key and a managedIdentity", "use one way to reach fileUris");
            }
            Map<String, Object> mi = Values.map(hidden, "managedIdentity");
            if (Values.has(mi, "clientId") && Values.has(mi, "objectId")) {
                findings.add(extension.owner(), extension.at("protectedSettings.managedIdentity"), extension.label()
                        + "'s managedIdentity names both a clientId and an objectId", "keep one of them");
            }
        }
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
