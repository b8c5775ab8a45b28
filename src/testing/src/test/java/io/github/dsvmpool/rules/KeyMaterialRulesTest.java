package io.github.dsvmpool.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.offline.Registration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Private key material is found in plain values however it is wrapped, and allowed inside secrets. */
class KeyMaterialRulesTest {
    static final String FILE = BreakingCases.HOST_KEY.privateKeyFile();

    @Test
    void theKeyIsFoundAsItIsInBase64AndInAGzippedScriptButNotInOrdinaryValues() {
        assertThat(KeyMaterialRules.holdsKey(FILE, 3)).isTrue();
        assertThat(KeyMaterialRules.holdsKey(BreakingCases.HOST_KEY.privateKeyFileBase64(), 3)).isTrue();
        // the body alone, without its armour: OpenSSH's magic inside the base64
        String body = FILE.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        assertThat(KeyMaterialRules.holdsKey(body, 3)).isTrue();
        String script = io.github.dsvmpool.vm.ProvisioningScript.shipped().withHostKey(BreakingCases.HOST_KEY)
                .encodedScript(new io.github.dsvmpool.vm.MountParameters("acct", "share", "/mnt/share",
                        "core.windows.net", "azureuser", io.github.dsvmpool.vm.ShareProtocol.NFS), null);
        assertThat(KeyMaterialRules.holdsKey(script, 3)).isTrue();
        // the same script without a key, a public key line, ordinary base64
        String keyless = io.github.dsvmpool.vm.ProvisioningScript.shipped().encodedScript(
                new io.github.dsvmpool.vm.MountParameters("acct", "share", "/mnt/share", "core.windows.net",
                        "azureuser", io.github.dsvmpool.vm.ShareProtocol.NFS), null);
        assertThat(KeyMaterialRules.holdsKey(keyless, 3)).isFalse();
        assertThat(KeyMaterialRules.holdsKey(BreakingCases.HOST_KEY.publicKeyLine(), 3)).isFalse();
        assertThat(KeyMaterialRules.holdsKey(Base64.getEncoder().encodeToString(new byte[300]), 3)).isFalse();
    }

    @Test
    void inASecretTheKeyKeepsTheRuleAndAPlainOneIsReportedWithoutQuotingIt() {
        TestGraph graph = Pools.valid();
        graph.inputs(Pools.STORAGE).put("tags", TestGraph.map("key", new Registration.SecretValue(FILE)));
        var rule = AzureRules.all().stream().filter(r -> r.id().equals("policy-private-keys-only-in-secrets"))
                .findFirst().orElseThrow();
        assertThat(rule.check(graph.registrations())).isEmpty();

        graph.inputs(Pools.STORAGE).put("tags", TestGraph.map("key", FILE, "copy",
                new Registration.SecretValue(Map.of("k", FILE))));
        var report = AzureRules.check(graph.registrations());
        assertThat(rule.check(graph.registrations())).singleElement().satisfies(violation -> {
            assertThat(violation.property()).isEqualTo("tags.key");
            assertThat(violation.problem()).doesNotContain("PRIVATE KEY").doesNotContain(FILE.lines().skip(1)
                    .findFirst().orElseThrow());
        });
        assertThat(report.text()).doesNotContain(FILE.lines().skip(1).findFirst().orElseThrow());
    }
}
