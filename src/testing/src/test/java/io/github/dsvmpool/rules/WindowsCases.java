package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.Pools.VMSS;

import io.github.dsvmpool.offline.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Windows pool of the rules table: {@link Pools#valid()} with a Windows OS profile and the Windows extensions
 * exactly as {@link WindowsScaleSetRulesTest#windowsPool()} renders them, and the graphs that break the Windows
 * rules (each breaks its rule alone, {@link BreakingCasesTest}).
 */
final class WindowsCases {
    static final String EXTENSIONS = "virtualMachineProfile.extensionProfile.extensions";
    static final String SCRIPT = EXTENSIONS + "[0]";

    private WindowsCases() {
    }

    /** A valid pool turned Windows: windowsConfiguration, no SSH, the Windows script and health extensions. */
    static TestGraph windowsPool() {
        TestGraph graph = Pools.valid();
        Map<String, Object> windows = WindowsScaleSetRulesTest.windowsPool().at(VMSS, "virtualMachineProfile");
        Map<String, Object> profile = graph.at(VMSS, "virtualMachineProfile");
        profile.put("osProfile", windows.get("osProfile"));
        profile.put("extensionProfile", windows.get("extensionProfile"));
        profile.put("userData", windows.get("userData"));
        return graph;
    }

    static List<BreakingCases.Case> all() {
        List<BreakingCases.Case> cases = new ArrayList<>();
        for (WindowsScaleSetRulesTest.Case change : WindowsScaleSetRulesTest.cases()) {
            cases.add(new BreakingCases.Case(change.toString() + " (Windows pool)", change.ruleId(), VMSS,
                    change.property(), Set.of(change.ruleId()), WindowsCases::windowsPool, change.change()));
        }
        cases.add(new BreakingCases.Case("the Windows command in public settings",
                "policy-windows-custom-script-command-protected", VMSS, SCRIPT + ".settings.commandToExecute",
                Set.of("policy-windows-custom-script-command-protected"), WindowsCases::windowsPool, graph -> {
                    Map<String, Object> script = graph.at(VMSS, SCRIPT);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> hidden = (Map<String, Object>) ((Registration.SecretValue)
                            script.get("protectedSettings")).value();
                    graph.at(VMSS, SCRIPT + ".settings").put("commandToExecute", hidden.remove("commandToExecute"));
                }));
        cases.add(new BreakingCases.Case("a Windows health handler on a Linux scale set", "extension-matches-os",
                VMSS, "virtualMachineProfile.extensionProfile.extensions[1].type", Set.of("extension-matches-os"),
                () -> {
                    TestGraph linux = Pools.valid();
                    linux.at(VMSS, "virtualMachineProfile").put("osProfile", TestGraph.map("computerNamePrefix", "dsvm",
                            "linuxConfiguration", TestGraph.map("provisionVMAgent", true)));
                    return linux;
                }, graph -> graph.at(VMSS, "virtualMachineProfile.extensionProfile.extensions[1]")
                        .put("type", "ApplicationHealthWindows")));
        return cases;
    }
}
