package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.TestGraph.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.network.PrivateSubnet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No message ever carries a secret's value, even when a check breaks on the secret itself. */
class SecretsTest {
    static final String MARKER = Pools.SECRET_MARKER;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hidden(TestGraph graph) {
        return (Map<String, Object>) ((Registration.SecretValue) graph.at(Pools.VMSS, BreakingCases.EXTENSION)
                .get("protectedSettings")).value();
    }

    private static void assertNoMarker(RuleReport report) {
        assertThat(report.markdown()).doesNotContain(MARKER).doesNotContain("4d1f7a");
        assertThat(report.text()).doesNotContain(MARKER);
        for (Violation violation : report.violations()) {
            assertThat(List.of(violation.resource(), violation.property(), violation.problem(), violation.fix()))
                    .allSatisfy(text -> assertThat(text).doesNotContain(MARKER));
        }
    }

    @Test
    void customScriptRulesBrokenInsideProtectedSettingsNeverQuoteThem() {
        TestGraph graph = Pools.valid();
        Map<String, Object> hidden = hidden(graph);
        hidden.put("script", MARKER.repeat(20_000));                // command and script, and too large
        hidden.put("storageAccountName", MARKER);                  // no key
        hidden.put("password", MARKER);                              // unknown key
        Values.map(graph.at(Pools.VMSS, BreakingCases.EXTENSION).get("settings")).put("script", MARKER); // twice
        RuleReport report = AzureRules.check(graph.registrations());
        assertThat(report.broken()).extracting(result -> result.rule().id()).contains("custom-script-setting-keys",
                "custom-script-command-or-script", "custom-script-key-once", "custom-script-inline-size",
                "custom-script-storage-credentials");
        assertNoMarker(report);
        // Not only the last guard: the checks themselves never quote what they read inside a secret.
        ResourceGraph resources = ResourceGraph.of(graph.registrations());
        for (AzureRule rule : AzureRules.all()) {
            assertThat(rule.evaluate(resources)).as(rule.id()).allSatisfy(violation ->
                    assertThat(violation.toString()).doesNotContain(MARKER));
        }
    }

    @Test
    void aWholeSecretSettingsObjectIsLookedIntoForKeysAndSizes() {
        TestGraph graph = Pools.valid();
        graph.at(Pools.VMSS, BreakingCases.EXTENSION).put("settings",
                new Registration.SecretValue(map("commandToExecute", MARKER, "secretKey", MARKER)));
        RuleReport report = AzureRules.check(graph.registrations());
        assertThat(report.violations()).extracting(Violation::property).contains(
                BreakingCases.EXTENSION + ".settings.secretKey", BreakingCases.EXTENSION + ".settings.commandToExecute");
        assertNoMarker(report);
    }

    @Test
    void aSecretValueAlsoUsedInPlainSightIsMaskedInMessages() {
        TestGraph graph = Pools.valid();
        // The same value as the secret command, in a place whose check quotes values.
        graph.at(Pools.NSG, "securityRules[0]").put("sourceAddressPrefixes",
                TestGraph.list("bash provision.sh --key " + MARKER));
        RuleReport report = AzureRules.check(graph.registrations());
        assertThat(report.broken()).extracting(result -> result.rule().id())
                .contains("nsg-tags-only-in-singular-prefix");
        assertNoMarker(report);
        assertThat(report.text()).contains(Secrets.MASK);
    }

    @Test
    void secretReferencesAreNotQuotedByTheReferenceRule() {
        TestGraph graph = Pools.valid();
        String missing = TestGraph.mockId(PrivateSubnet.TYPE, MARKER);
        graph.at(Pools.VMSS, BreakingCases.IPCONFIG).put("subnet", new Registration.SecretValue(TestGraph.ref(missing)));
        RuleReport report = AzureRules.check(graph.registrations());
        assertNoMarker(report);
    }
}
