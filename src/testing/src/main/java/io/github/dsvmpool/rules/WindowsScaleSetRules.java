package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules of a Windows scale set and of the Windows Custom Script Extension ({@code Microsoft.Compute} /
 * {@code CustomScriptExtension}), registered in {@link AzureRules}. Linux graphs hold them trivially: they
 * look only at scale sets with {@code osProfile.windowsConfiguration} and at Windows script extensions. No message
 * quotes a setting's value.
 */
final class WindowsScaleSetRules {
    static final int COMPUTER_NAME_PREFIX_MAX = 9;
    static final Set<String> PUBLIC_KEYS = Set.of("commandToExecute", "fileUris", "timestamp");
    static final Set<String> PROTECTED_KEYS = Set.of("commandToExecute", "fileUris", "storageAccountName",
            "storageAccountKey", "managedIdentity");
    /** cmd.exe's longest command line. */
    static final int LONGEST_COMMAND = 8191;
    static final String SCRIPT_SOURCE = "Learn \"Custom Script Extension for Windows\" (settings, protected"
            + " settings, the cmd AutoRun tip)";
    static final String SCRIPT_ERROR = "VMExtensionProvisioningError (the extension refuses its settings or its"
            + " command fails)";

    /** One Windows script extension inline in a scale set's extension profile. */
    record Extension(Registration scaleSet, String path, Map<String, Object> inputs) {
        String at(String property) {
            return path + "." + property;
        }

        String label() {
            return "extension " + Values.stringOr(inputs, "name", path);
        }
    }

    private WindowsScaleSetRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("windows-computer-name-prefix",
                        "A Windows scale set's computerNamePrefix has at most 9 characters (15-character computer"
                                + " names, 6 appended)",
                        "Learn \"Frequently asked questions about Windows Virtual Machines\" (15 characters);"
                                + " terraform-provider-azurerm issue 871 (1-9 for Windows images)",
                        "InvalidParameter (computerNamePrefix)", Basis.CONFIRMED, WindowsScaleSetRules::prefix),
                new AzureRule("windows-custom-script-setting-keys",
                        "Windows CustomScriptExtension settings hold only commandToExecute, fileUris, timestamp;"
                                + " protectedSettings only commandToExecute, fileUris, storageAccountName,"
                                + " storageAccountKey, managedIdentity; commandToExecute and fileUris not in both",
                        SCRIPT_SOURCE, SCRIPT_ERROR, Basis.CONFIRMED, WindowsScaleSetRules::keys),
                new AzureRule("windows-custom-script-command-length",
                        "A Windows CustomScriptExtension commandToExecute has at most 8,191 characters (it runs"
                                + " through cmd.exe)",
                        SCRIPT_SOURCE + "; Learn \"Command prompt (Cmd.exe) command-line string limitation\"",
                        "the command fails: \"The command line is too long\" (unconfirmed how the extension reports it)",
                        Basis.INFERRED, WindowsScaleSetRules::length),
                new AzureRule("policy-windows-custom-script-command-protected",
                        "Project security policy (not Azure's): a Windows CustomScriptExtension keeps"
                                + " commandToExecute in protectedSettings (public settings are shown in clear text)",
                        SCRIPT_SOURCE, "(none: Azure accepts it; this project refuses it)", Basis.PROJECT_POLICY,
                        WindowsScaleSetRules::commandProtected),
                new AzureRule("extension-matches-os",
                        "A scale set's extensions are handlers of its operating system: on Windows no"
                                + " Microsoft.Azure.Extensions/CustomScript and no type naming Linux; on Linux no"
                                + " Microsoft.Compute/CustomScriptExtension and no type naming Windows",
                        "terraform-provider-azurerm PR 22351 (Azure's answer to the Linux script extension on a"
                                + " Windows scale set); the handlers' names (ApplicationHealthLinux/Windows,"
                                + " AADSSHLoginForLinux/AADLoginForWindows, AzureMonitorLinuxAgent/WindowsAgent)",
                        "OperationNotAllowed (\"Publisher ... and type ... are not supported for OS type ...\")",
                        Basis.CONFIRMED, WindowsScaleSetRules::extensionsMatchOs),
                new AzureRule("scale-set-user-data-size",
                        "A scale set's virtualMachineProfile.userData is base64 of at most 64 KB (65,536 bytes)"
                                + " decoded (the Windows pool's session agent travels in it)",
                        "Learn \"User Data for Azure Virtual Machine\" (\"The contents should be base64 encoded"
                                + " before passed to the API. The size can't exceed 64 KB.\"); REST spec compute"
                                + " VirtualMachineScaleSetVMProfile.userData",
                        "InvalidParameter (userData)", Basis.CONFIRMED, WindowsScaleSetRules::userDataSize));
    }

    /** 64 KB, the largest userData Azure takes. */
    static final int USER_DATA_MAX_BYTES = 64 * 1024;

    private static void userDataSize(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Values.string(Values.map(scaleSet.inputs(), "virtualMachineProfile"), "userData").ifPresent(data -> {
                String at = "virtualMachineProfile.userData";
                int bytes;
                try {
                    bytes = java.util.Base64.getDecoder().decode(data).length;
                } catch (IllegalArgumentException notBase64) {
                    findings.add(scaleSet, at, "the scale set's userData is not base64", "encode it in base64");
                    return;
                }
                if (bytes > USER_DATA_MAX_BYTES) {
                    findings.add(scaleSet, at, "the scale set's userData has " + bytes + " bytes decoded",
                            "keep it at most " + USER_DATA_MAX_BYTES + " bytes (ship larger files another way)");
                }
            });
        }
    }

    static boolean isWindows(Registration scaleSet) {
        return Values.has(osProfile(scaleSet), "windowsConfiguration");
    }

    private static Map<String, Object> osProfile(Registration scaleSet) {
        return Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"), "osProfile");
    }

    static List<Extension> extensions(ResourceGraph graph) {
        List<Extension> found = new ArrayList<>();
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "extensionProfile"), "extensions");
            for (int index = 0; index < extensions.size(); index++) {
                Map<String, Object> inputs = Values.map(extensions.get(index));
                if (Values.equalsIgnoreCase(Values.string(inputs, "publisher"), "Microsoft.Compute")
                        && Values.equalsIgnoreCase(Values.string(inputs, "type"), "CustomScriptExtension")) {
                    found.add(new Extension(scaleSet, "virtualMachineProfile.extensionProfile.extensions[" + index + "]",
                            inputs));
                }
            }
        }
        return found;
    }

    private static void prefix(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            String prefix = Values.stringOr(osProfile(scaleSet), "computerNamePrefix", "");
            if (isWindows(scaleSet) && prefix.length() > COMPUTER_NAME_PREFIX_MAX) {
                findings.add(scaleSet, "virtualMachineProfile.osProfile.computerNamePrefix", "the Windows scale set's"
                        + " computer name prefix has " + prefix.length() + " characters",
                        "use at most " + COMPUTER_NAME_PREFIX_MAX + " characters");
            }
        }
    }

    private static void keys(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            Map<String, Object> settings = Values.map(extension.inputs(), "settings");
            Map<String, Object> protectedSettings = Values.map(extension.inputs(), "protectedSettings");
            for (String key : new TreeSet<>(settings.keySet())) {
                if (!PUBLIC_KEYS.contains(key)) {
                    findings.add(extension.scaleSet(), extension.at("settings." + key), extension.label()
                            + " has the public setting '" + key + "', which the Windows extension does not accept",
                            PROTECTED_KEYS.contains(key) ? "move '" + key + "' to protectedSettings" : "remove it");
                }
            }
            for (String key : new TreeSet<>(protectedSettings.keySet())) {
                if (!PROTECTED_KEYS.contains(key)) {
                    findings.add(extension.scaleSet(), extension.at("protectedSettings." + key), extension.label()
                            + " has the protected setting '" + key + "', which the Windows extension does not accept",
                            "remove it");
                } else if (settings.containsKey(key)) {
                    findings.add(extension.scaleSet(), extension.at("settings." + key), extension.label()
                            + " sets '" + key + "' in both settings and protectedSettings", "keep it in one place");
                }
            }
        }
    }

    private static void length(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            for (String place : List.of("settings", "protectedSettings")) {
                Values.string(Values.map(extension.inputs(), place), "commandToExecute")
                        .filter(command -> command.length() > LONGEST_COMMAND)
                        .ifPresent(command -> findings.add(extension.scaleSet(), extension.at(place + ".commandToExecute"),
                                extension.label() + " has a command of " + command.length() + " characters",
                                "shorten it to at most " + LONGEST_COMMAND + " or ship the script through fileUris"));
            }
        }
    }

    private static void extensionsMatchOs(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Map<String, Object> os = osProfile(scaleSet);
            boolean windows = Values.has(os, "windowsConfiguration");
            if (!windows && !Values.has(os, "linuxConfiguration")) {
                continue;
            }
            List<Object> extensions = Values.list(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "extensionProfile"), "extensions");
            for (int index = 0; index < extensions.size(); index++) {
                Map<String, Object> inputs = Values.map(extensions.get(index));
                String publisher = Values.stringOr(inputs, "publisher", "");
                String type = Values.stringOr(inputs, "type", "");
                String lower = Values.lower(type);
                boolean linuxOnly = lower.contains("linux") || Values.equalsIgnoreCase(Optional.of(publisher),
                        "Microsoft.Azure.Extensions") && "customscript".equals(lower);
                boolean windowsOnly = lower.contains("windows") || Values.equalsIgnoreCase(Optional.of(publisher),
                        "Microsoft.Compute") && "customscriptextension".equals(lower);
                if (windows ? linuxOnly : windowsOnly) {
                    findings.add(scaleSet, "virtualMachineProfile.extensionProfile.extensions[" + index + "].type",
                            "extension " + Values.stringOr(inputs, "name", "#" + index) + " (" + publisher + "/"
                                    + type + ") is a " + (windows ? "Linux" : "Windows") + " handler on a "
                                    + (windows ? "Windows" : "Linux") + " scale set",
                            "use the " + (windows ? "Windows" : "Linux") + " handler");
                }
            }
        }
    }

    private static void commandProtected(ResourceGraph graph, Findings findings) {
        for (Extension extension : extensions(graph)) {
            if (Values.has(Values.map(extension.inputs(), "settings"), "commandToExecute")) {
                findings.add(extension.scaleSet(), extension.at("settings.commandToExecute"), extension.label()
                        + " has its command in public settings", "move commandToExecute to protectedSettings");
            }
        }
    }
}
