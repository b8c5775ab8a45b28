package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import io.github.dsvmpool.testing.ShellSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/shell/run-all.sh}: shellcheck on the shipped script and the test scripts, the bats
 * suites on the real script in a sandbox, a real Samba server for the logon check, the per-VM ports installer
 * with the real sshd and iptables (in network namespaces of its own), and (rendered.bats) the script exactly
 * as {@link ProvisioningScript} renders it.
 *
 * <p>Needs root and the tools in {@link #TOOLS} ({@link #INSTALL_HINT}). Without them the test is aborted
 * (reported as skipped) on a developer machine, and fails when {@code CI=true}.
 */
@Tag("slow") // ./mvnw verify: shellcheck and the bats suites, real Samba and sshd in network namespaces
class ShellScriptsTest {
    static final List<String> TOOLS = List.of("bats", "shellcheck", "smbd", "smbclient",
            // per-vm-ports-real.bats: the real sshd and iptables in network namespaces
            "sshd", "ssh-keygen", "iptables", "ip", "unshare", "python3", "systemd-analyze",
            // ssh-host-key.bats: the real sshd serving the installed key to the real ssh-keyscan and ssh
            "ssh-keyscan", "ssh");
    static final String RUNNER = "src/component/src/test/shell/run-all.sh";
    static final String INSTALL_HINT = "sudo apt-get install -y bats shellcheck samba smbclient"
            + " openssh-server openssh-client iptables iproute2 python3 systemd";

    /** Keep in step with RENDERED_MP and RENDERED_KEY in src/test/shell/rendered.bats. */
    static final MountParameters RENDERED_PARAMETERS = new MountParameters("renderedacct1", "team-share",
            "/datamnt/it's a $HOME share", "core.usgovcloudapi.net", "azureuser", ShareProtocol.SMB);
    static final String RENDERED_KEY = "k3y'with\"quotes$(touch /tmp/dsvm-pwned)`id`+/==";
    /** The pool's host key the rendered script installs (rendered.bats compares DSVM_RENDERED_HOST_PUBLIC_KEY). */
    static final SshHostKey RENDERED_HOST_KEY = SshHostKey.fromSeed(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32}, "dsvm-pool-rendered");

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void shellScriptsPassShellcheckAndBats(@TempDir Path tmp) throws Exception {
        ShellSuite.requireRootAndTools("the shell tests", TOOLS, INSTALL_HINT,
                "they start Samba and sshd, change file owners and make network namespaces");
        Path rendered = tmp.resolve("rendered-mount-share.sh");
        Files.writeString(rendered, ProvisioningScript.shipped().withHostKey(RENDERED_HOST_KEY)
                .render(RENDERED_PARAMETERS, RENDERED_KEY));

        var result = ShellSuite.run(ShellSuite.baseDir(RUNNER), List.of("bash", RUNNER),
                Map.of("DSVM_RENDERED_SCRIPT", rendered.toString(),
                        "DSVM_RENDERED_HOST_PUBLIC_KEY", RENDERED_HOST_KEY.publicKeyLine()), Duration.ofMinutes(14));
        assertThat(result.exitCode())
                .as("bash %s exited %d:%n%s", RUNNER, result.exitCode(), result.output())
                .isZero();
        assertThat(result.output()).as("the rendered script's tests must have run, not been skipped")
                .doesNotContain("# skip");
    }
}
