package io.github.dsvmpool.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.windows.WindowsExtensionSettings;
import io.github.dsvmpool.vm.windows.WindowsHealthProbe;
import io.github.dsvmpool.vm.windows.WindowsMountParameters;
import io.github.dsvmpool.vm.windows.WindowsProvisioningScript;
import io.github.dsvmpool.vm.windows.WindowsSessionAgent;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowsScaleSetRules} (registered in {@link AzureRules}): a Windows scale set carrying the
 * extension exactly as {@link WindowsProvisioningScript} and {@link WindowsHealthProbe} give it holds every rule,
 * the health rules included; each change below breaks its rule, at the property named, and no other.
 */
class WindowsScaleSetRulesTest {
    static final String EXTENSIONS = "virtualMachineProfile.extensionProfile.extensions";
    static final String SCRIPT = EXTENSIONS + "[0]";

    /** A Windows scale set as the lead would declare it, with the renderer's real settings. */
    static TestGraph windowsPool() {
        String userData = WindowsSessionAgent.userData(new WindowsSessionAgent.Settings(true, 30, 20, 20, 6,
                "W. Europe Standard Time", 10, "00001111-aaaa-2222-bbbb-3333cccc4444", "Z"));
        WindowsExtensionSettings extension = WindowsProvisioningScript.shipped().extensionWithKeyVault(
                new WindowsMountParameters("dsvmpoolfiles", "dsvmshare", "core.windows.net", "Z"),
                new MountScript.KeyVaultReference("https://dsvmkv1a2b3c4d.vault.azure.net", "storage-key",
                        "https://vault.azure.net", "00001111-aaaa-2222-bbbb-3333cccc4444"),
                WindowsSessionAgent.sha256(userData));
        TestGraph graph = new TestGraph();
        graph.add(ResourceGraph.SCALE_SET, "pool-vmss", TestGraph.map(
                "sku", TestGraph.map("name", "Standard_D4s_v5", "capacity", 1),
                "virtualMachineProfile", TestGraph.map(
                        "userData", userData,
                        "osProfile", TestGraph.map("computerNamePrefix", "dsvmwin", "adminUsername", "poolowner",
                                "adminPassword", new Registration.SecretValue("Correct-Horse-9"),
                                "windowsConfiguration", TestGraph.map("provisionVMAgent", true)),
                        "extensionProfile", TestGraph.map("extensions", TestGraph.list(
                                TestGraph.map("name", "provision-vm", "publisher", WindowsProvisioningScript.PUBLISHER,
                                        "type", WindowsProvisioningScript.TYPE,
                                        "typeHandlerVersion", WindowsProvisioningScript.VERSION,
                                        "settings", new java.util.LinkedHashMap<>(extension.settings()),
                                        "protectedSettings", new Registration.SecretValue(
                                                new java.util.LinkedHashMap<>(extension.protectedSettings())),
                                        "forceUpdateTag", extension.forceUpdateTag()),
                                TestGraph.map("name", WindowsHealthProbe.EXTENSION_NAME,
                                        "publisher", WindowsHealthProbe.PUBLISHER, "type", WindowsHealthProbe.TYPE,
                                        "typeHandlerVersion", WindowsHealthProbe.VERSION,
                                        "settings", new java.util.LinkedHashMap<>(WindowsHealthProbe.settings())))))));
        return graph;
    }

    record Case(String ruleId, String property, Consumer<TestGraph> change) {
        @Override
        public String toString() {
            return ruleId + " at " + property;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("windows-computer-name-prefix", "virtualMachineProfile.osProfile.computerNamePrefix",
                        g -> g.at("pool-vmss", "virtualMachineProfile.osProfile").put("computerNamePrefix", "dsvmwinpool")),
                new Case("windows-custom-script-setting-keys", SCRIPT + ".settings.script",
                        g -> g.at("pool-vmss", SCRIPT + ".settings").put("script", "V3JpdGUtT3V0cHV0IDE=")),
                new Case("windows-custom-script-setting-keys", SCRIPT + ".protectedSettings.script",
                        g -> g.at("pool-vmss", SCRIPT + ".protectedSettings").put("script", "V3JpdGUtT3V0cHV0IDE=")),
                new Case("windows-custom-script-setting-keys", SCRIPT + ".settings.fileUris",
                        g -> {
                            g.at("pool-vmss", SCRIPT + ".settings").put("fileUris", TestGraph.list("https://a/b.ps1"));
                            g.at("pool-vmss", SCRIPT + ".protectedSettings").put("fileUris", TestGraph.list("https://a/b.ps1"));
                        }),
                new Case("extension-matches-os", EXTENSIONS + "[1].type",
                        g -> g.at("pool-vmss", EXTENSIONS + "[1]").put("type", "ApplicationHealthLinux")),
                new Case("extension-matches-os", SCRIPT + ".type",
                        g -> g.at("pool-vmss", SCRIPT).putAll(TestGraph.map("publisher", "Microsoft.Azure.Extensions",
                                "type", "CustomScript"))),
                new Case("scale-set-user-data-size", "virtualMachineProfile.userData",
                        g -> g.at("pool-vmss", "virtualMachineProfile").put("userData",
                                java.util.Base64.getEncoder().encodeToString(new byte[64 * 1024 + 1]))),
                new Case("scale-set-user-data-size", "virtualMachineProfile.userData",
                        g -> g.at("pool-vmss", "virtualMachineProfile").put("userData", "not base64!")),
                new Case("windows-custom-script-command-length", SCRIPT + ".protectedSettings.commandToExecute",
                        g -> g.at("pool-vmss", SCRIPT + ".protectedSettings").put("commandToExecute",
                                "powershell.exe -Command " + "x".repeat(8191 - 23))));
    }

    @Test
    void theWindowsPoolAsRenderedHoldsEveryRule() {
        List<Registration> registrations = windowsPool().registrations();
        for (AzureRule rule : WindowsScaleSetRules.rules()) {
            assertThat(rule.check(registrations)).as(rule.id()).isEmpty();
        }
        for (AzureRule rule : HealthRules.rules()) {
            assertThat(rule.check(registrations)).as(rule.id()).isEmpty();
        }
        assertThat(AzureRules.check(registrations).violations()).as("the registered table")
                .noneMatch(violation -> violation.ruleId().startsWith("health-") || violation.ruleId().startsWith("custom-script"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachChangeBreaksItsRuleOnly(Case breaking) {
        TestGraph graph = windowsPool();
        breaking.change().accept(graph);
        for (AzureRule rule : WindowsScaleSetRules.rules()) {
            List<Violation> violations = rule.check(graph.registrations());
            if (rule.id().equals(breaking.ruleId())) {
                assertThat(violations).as(rule.id()).isNotEmpty().allSatisfy(violation -> {
                    assertThat(violation.property()).isEqualTo(breaking.property());
                    assertThat(violation.problem()).isNotBlank().doesNotContain("Correct-Horse-9");
                    assertThat(violation.fix()).isNotBlank();
                });
            } else {
                assertThat(violations).as(rule.id() + " after " + breaking).isEmpty();
            }
        }
    }

    @Test
    void aPublicCommandBreaksTheProjectsPolicyAndTheDuplicateRule() {
        TestGraph graph = windowsPool();
        Map<String, Object> script = graph.at("pool-vmss", SCRIPT);
        @SuppressWarnings("unchecked")
        Map<String, Object> hidden = (Map<String, Object>) ((Registration.SecretValue) script.get("protectedSettings")).value();
        graph.at("pool-vmss", SCRIPT + ".settings").put("commandToExecute", hidden.remove("commandToExecute"));
        List<Violation> policy = WindowsScaleSetRules.rules().get(3).check(graph.registrations());
        assertThat(policy).singleElement().satisfies(violation ->
                assertThat(violation.property()).isEqualTo(SCRIPT + ".settings.commandToExecute"));
        assertThat(WindowsScaleSetRules.rules().get(1).check(graph.registrations())).as("a public command alone is allowed by Azure").isEmpty();
    }

    @Test
    void theWindowsPoolOfTheTableHoldsEveryRegisteredRule() {
        RuleReport report = AzureRules.check(WindowsCases.windowsPool().registrations());
        assertThat(report.holds()).as(report.text()).isTrue();
    }

    @Test
    void linuxScaleSetsAreLeftAlone() {
        TestGraph graph = windowsPool();
        Map<String, Object> os = graph.at("pool-vmss", "virtualMachineProfile.osProfile");
        os.remove("windowsConfiguration");
        os.put("linuxConfiguration", TestGraph.map("disablePasswordAuthentication", false));
        os.put("computerNamePrefix", "a-linux-prefix-longer-than-nine");
        assertThat(WindowsScaleSetRules.rules().get(0).check(graph.registrations())).isEmpty();
    }
}
