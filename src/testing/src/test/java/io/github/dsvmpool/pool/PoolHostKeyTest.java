package io.github.dsvmpool.pool;

import static io.github.dsvmpool.testing.Graph.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.internal.Internal;
import com.pulumi.test.PulumiTest;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.random.RandomBytes;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.testing.Graph;
import io.github.dsvmpool.vm.MountParameters;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.ProvisioningScript;
import io.github.dsvmpool.vm.ShareProtocol;
import io.github.dsvmpool.vm.SshHostKey;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pool's one SSH host key as the program registers it: seed in state, key only in protected settings. */
class PoolHostKeyTest {
    static final String EXTENSION = "virtualMachineProfile.extensionProfile.extensions[0]";
    private static final Pattern PRIVATE_VARIABLE = Pattern.compile("(?m)^DSVM_SSH_HOST_PRIVATE_KEY='([^']*)'$");

    private static OfflineRun.Outcome run(String name, DsvmPoolArgs args) {
        var outcome = OfflineRun.run(DsvmPoolTest.EMPTY_STACK, ctx -> {
            var pool = new DsvmPool(name, args);
            ctx.export("sshHostPublicKey", pool.sshHostPublicKey);
            ctx.export("sshKnownHostsLine", pool.sshKnownHostsLine);
            ctx.export("fqdn", pool.fqdn);
            ctx.export("publicIpAddress", pool.publicIpAddress);
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        return outcome;
    }

    private static String output(OfflineRun.Outcome outcome, String name) {
        return (String) PulumiTest.extractValue(outcome.result().output(name));
    }

    private static boolean secret(OfflineRun.Outcome outcome, String name) {
        return Internal.of(outcome.result().output(name)).isSecret().join();
    }

    @Test
    void theSeedIsARandomBytesChildAndTheKeyTravelsOnlyInTheProtectedScript() {
        var settings = DsvmPoolTest.settings().build();
        var outcome = run("keyed", DsvmPoolArgs.builder().settings(settings).adminPassword("Library-Password-77")
                .build());
        var graph = new Graph(outcome.registrations());
        var component = graph.single(DsvmPool.TYPE);
        var seed = graph.single(RandomBytes.TYPE);
        assertThat(seed.name()).isEqualTo("keyed-ssh-host-key");
        assertThat(seed.parentUrn()).isEqualTo(component.urn());
        assertThat(seed.custom()).isTrue();
        assertThat(seed.inputs()).isEqualTo(Map.of("length", 32L));

        // the key is the one of the seed the random provider keeps in state
        var expected = SshHostKey.fromBase64Seed(RecordingMocks.randomBytesBase64("keyed-ssh-host-key", 32),
                "dsvm-pool-keyed");
        assertThat(output(outcome, "sshHostPublicKey")).isEqualTo(expected.publicKeyLine())
                .startsWith("ssh-ed25519 AAAA").endsWith(" dsvm-pool-keyed");
        assertThat(secret(outcome, "sshHostPublicKey")).as("the public key is no secret").isFalse();
        String fqdn = output(outcome, "fqdn");
        String ip = output(outcome, "publicIpAddress");
        assertThat(fqdn).isNotEmpty();
        assertThat(output(outcome, "sshKnownHostsLine")).isEqualTo(fqdn + ",[" + fqdn + "]:*," + ip + ",[" + ip
                + "]:* " + expected.publicKeyLine());
        assertThat(secret(outcome, "sshKnownHostsLine")).isFalse();

        // in the protected script, as a secret; the installer reads it there
        var scaleSet = graph.single("azure-native:compute:VirtualMachineScaleSet");
        assertThat(((Map<?, ?>) input(scaleSet, EXTENSION)).get("protectedSettings"))
                .isInstanceOf(Registration.SecretValue.class);
        assertThat(((Map<?, ?>) input(scaleSet, EXTENSION)).containsKey("settings")).isFalse();
        String script = MountScript.decode((String) input(scaleSet, EXTENSION + ".protectedSettings.script"));
        var parameters = new MountParameters((String) input(graph.single("azure-native:storage:StorageAccount"),
                "accountName"), "dsvmshare", "/datamnt/dsvmshare", "core.windows.net", "dsadmin", ShareProtocol.SMB);
        assertThat(script).isEqualTo(ProvisioningScript.shipped().withHostKey(expected)
                .render(parameters, RecordingMocks.STORAGE_KEY));
        var variable = PRIVATE_VARIABLE.matcher(script);
        assertThat(variable.find()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(variable.group(1)))).isEqualTo(expected.privateKeyFile());
        assertThat(script).contains("DSVM_SSH_HOST_PUBLIC_KEY='" + expected.publicKeyLine() + "'");

        // the visible revision covers the public key: plain, and another key gives another tag
        Object tag = ((Map<?, ?>) input(scaleSet, EXTENSION)).get("forceUpdateTag");
        assertThat(tag).isInstanceOf(String.class)
                .isEqualTo(ProvisioningScript.shipped().withHostKey(expected).revision(parameters) + "-1")
                .isNotEqualTo(ProvisioningScript.shipped().revision(parameters) + "-1")
                .isNotEqualTo(ProvisioningScript.shipped().withHostKey(SshHostKey.fromSeed(new byte[32],
                        "dsvm-pool-keyed")).revision(parameters) + "-1");

        // the private key in clear nowhere: not in any plain input, not in any output
        String plain = graph.registrations().toString();
        String body = expected.privateKeyFile().lines().filter(line -> !line.startsWith("-----")).findFirst()
                .orElseThrow();
        assertThat(plain).doesNotContain(variable.group(1)).doesNotContain(body).doesNotContain("PRIVATE KEY");
        outcome.result().outputs().keySet().forEach(name -> assertThat(String.valueOf(
                PulumiTest.extractValue(outcome.result().output(name)))).doesNotContain(body));
        assertThat(AzureRules.check(outcome.registrations()).broken()).isEmpty();
    }

    @Test
    void aPoolReadingItsStorageKeyFromKeyVaultCarriesTheHostKeyToo() {
        var outcome = run("vaulted", DsvmPoolArgs.builder().settings(DsvmPoolTest.settings()
                        .storageKeySource(io.github.dsvmpool.config.StorageKeySource.KEY_VAULT)
                        .keyVaultName("vaulted-kv-01").build())
                .adminPassword("Library-Password-77").build());
        var scaleSet = new Graph(outcome.registrations()).single("azure-native:compute:VirtualMachineScaleSet");
        String script = MountScript.decode((String) input(scaleSet, EXTENSION + ".protectedSettings.script"));
        var expected = SshHostKey.fromBase64Seed(RecordingMocks.randomBytesBase64("vaulted-ssh-host-key", 32),
                "dsvm-pool-vaulted");
        assertThat(script).contains("DSVM_SSH_HOST_PUBLIC_KEY='" + expected.publicKeyLine() + "'")
                .contains("DSVM_SSH_HOST_PRIVATE_KEY='" + expected.privateKeyFileBase64() + "'")
                .contains("DSVM_KEY_VAULT_SECRET='storage-key'");
        assertThat(((Map<?, ?>) input(scaleSet, EXTENSION)).get("forceUpdateTag")).isInstanceOf(String.class);
        assertThat(output(outcome, "sshHostPublicKey")).isEqualTo(expected.publicKeyLine());
    }

    @Test
    void twoPoolsInOneStackHaveTwoKeys() {
        var outcome = OfflineRun.run(DsvmPoolTest.EMPTY_STACK, ctx -> {
            var args = DsvmPoolArgs.builder().settings(DsvmPoolTest.settings().build())
                    .adminPassword("Library-Password-77").build();
            ctx.export("a", new DsvmPool("first", args).sshHostPublicKey);
            ctx.export("b", new DsvmPool("second", args).sshHostPublicKey);
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        assertThat(new Graph(outcome.registrations()).ofType(RandomBytes.TYPE)).extracting(Registration::name)
                .containsExactlyInAnyOrder("first-ssh-host-key", "second-ssh-host-key");
        assertThat(output(outcome, "a")).isNotEqualTo(output(outcome, "b"));
    }
}
