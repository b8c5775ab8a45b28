package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known_hosts line, and what OpenSSH's own lookup (ssh-keygen -F) finds with it. */
class KnownHostsLineTest {
    static final String FQDN = "pool-1a2b3c4d.westeurope.cloudapp.azure.com";
    static final String IP = "203.0.113.200";
    static final SshHostKey KEY = SshHostKey.fromSeed(new byte[32], "dsvm-pool-pool");

    @Test
    void theLineListsEachNameForPort22AndForEveryOtherPort() {
        assertThat(KnownHostsLine.of(KEY.publicKeyLine(), List.of(FQDN, IP))).isEqualTo(
                FQDN + ",[" + FQDN + "]:*," + IP + ",[" + IP + "]:* " + KEY.publicKeyLine());
        assertThat(KnownHostsLine.of(KEY.publicKeyLine(), Arrays.asList(FQDN, "", null)))
                .isEqualTo(FQDN + ",[" + FQDN + "]:* " + KEY.publicKeyLine());
        assertThat(KnownHostsLine.of(KEY.publicKeyLine(), List.of())).isEmpty();
        assertThatThrownBy(() -> KnownHostsLine.of(KEY.publicKeyLine(), List.of("a,b"))).hasMessageContaining("a,b");
    }

    @Test
    void sshFindsTheKeyForThePoolsNamesOnPort22AndThePerVmPortsAndForNoOtherHost(@TempDir Path dir)
            throws Exception {
        SshTools.requireSshKeygen();
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                KnownHostsLine.of(KEY.publicKeyLine(), List.of(FQDN, IP)) + "\n");
        // ssh looks up "name" for port 22 and "[name]:port" for any other port.
        for (String host : List.of(FQDN, IP, "[" + FQDN + "]:50000", "[" + FQDN + "]:50003",
                "[" + IP + "]:50999", "[" + FQDN + "]:2222")) {
            var found = SshTools.sshKeygen("-F", host, "-f", knownHosts.toString());
            assertThat(found.exitCode()).as("ssh-keygen -F %s", host).isZero();
            assertThat(found.stdout()).contains(KEY.publicKeyLine());
        }
        for (String host : List.of("other.westeurope.cloudapp.azure.com", "x." + FQDN, "[203.0.113.201]:50000",
                "203.0.113.20")) {
            assertThat(SshTools.sshKeygen("-F", host, "-f", knownHosts.toString()).exitCode())
                    .as("ssh-keygen -F %s finds nothing", host).isNotZero();
        }
    }
}
