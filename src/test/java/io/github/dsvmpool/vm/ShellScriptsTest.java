package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
class ShellScriptsTest {
    static final List<String> TOOLS = List.of("bats", "shellcheck", "smbd", "smbclient",
            // per-vm-ports-real.bats: the real sshd and iptables in network namespaces
            "sshd", "ssh-keygen", "iptables", "ip", "unshare", "python3", "systemd-analyze");
    static final String INSTALL_HINT = "sudo apt-get install -y bats shellcheck samba smbclient"
            + " openssh-server openssh-client iptables iproute2 python3 systemd";

    /** Keep in step with RENDERED_MP and RENDERED_KEY in src/test/shell/rendered.bats. */
    static final MountParameters RENDERED_PARAMETERS = new MountParameters("renderedacct1", "team-share",
            "/datamnt/it's a $HOME share", "core.usgovcloudapi.net", "azureuser", ShareProtocol.SMB);
    static final String RENDERED_KEY = "k3y'with\"quotes$(touch /tmp/dsvm-pwned)`id`+/==";

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void shellScriptsPassShellcheckAndBats(@TempDir Path tmp) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            problems.add("missing tools: " + String.join(", ", missing) + " (" + INSTALL_HINT + ")");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            problems.add("the shell tests must run as root (they start Samba and change file owners)");
        }
        if (!problems.isEmpty()) {
            String message = "cannot run the shell tests: " + String.join("; ", problems);
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }

        Path rendered = tmp.resolve("rendered-mount-share.sh");
        Files.writeString(rendered, ProvisioningScript.shipped().render(RENDERED_PARAMETERS, RENDERED_KEY));

        Path baseDir = baseDir();
        ProcessBuilder builder = new ProcessBuilder("bash", "src/test/shell/run-all.sh")
                .directory(baseDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("DSVM_RENDERED_SCRIPT", rendered.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(14, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("run-all.sh did not finish in 14 minutes:\n" + output.getNow("(no output)"));
        }
        String text = output.get(1, TimeUnit.MINUTES);
        System.out.println(text);
        assertThat(process.exitValue())
                .as("bash src/test/shell/run-all.sh exited %d:%n%s", process.exitValue(), text)
                .isZero();
        assertThat(text).as("the rendered script's tests must have run, not been skipped")
                .doesNotContain("# skip");
    }

    private static Path baseDir() {
        String basedir = System.getProperty("basedir");
        Path dir = Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        assertThat(dir.resolve("src/test/shell/run-all.sh")).as("project base folder").exists();
        return dir;
    }

    private static List<String> missingTools() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/sbin"));
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (dirs.stream().map(d -> d.resolve(tool)).noneMatch(Files::isExecutable)) {
                missing.add(tool);
            }
        }
        return missing;
    }
}
