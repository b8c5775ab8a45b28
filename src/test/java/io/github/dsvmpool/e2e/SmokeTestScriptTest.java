package io.github.dsvmpool.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code src/test/shell/smoke/run.sh}: shellcheck on the e2e workflow's smoke test
 * ({@code .github/e2e/smoke-test.sh}) and on its tests, then the bats suite that runs the smoke test against
 * local stand-ins of a pool: a real sshd with a test user it creates and deletes, and real HTTPS servers.
 *
 * <p>Needs root and {@code bats shellcheck sshd ssh ssh-keygen curl openssl python3 useradd userdel timeout
 * unshare}. Without them the test is aborted (reported as skipped) on a developer machine, and fails when
 * {@code CI=true}. The run gets a state folder made here, so that whatever it started or created is removed
 * even when it has to be killed.
 */
class SmokeTestScriptTest {
    static final List<String> TOOLS = List.of("bats", "shellcheck", "sshd", "ssh", "ssh-keygen", "curl", "openssl",
            "python3", "useradd", "userdel", "timeout", "unshare");
    static final String INSTALL_HINT =
            "sudo apt-get install -y bats shellcheck openssh-server openssh-client openssl curl python3";
    static final String RUNNER = "src/test/shell/smoke/run.sh";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void smokeTestPassesShellcheckAndItsLocalTests() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            problems.add("missing tools: " + String.join(", ", missing) + " (" + INSTALL_HINT + ")");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            problems.add("the smoke test's tests must run as root (they create a user and start sshd)");
        }
        if (!problems.isEmpty()) {
            String message = "cannot run the smoke test's tests: " + String.join("; ", problems);
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }

        Path baseDir = baseDir();
        // Named as fixtures.bash expects; readable by the test user, who reads the fake fstab files in it.
        Path state = Files.createTempDirectory(Path.of("/tmp"), "dsvm-smoke-fixtures.");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Throwable failure = null;
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", RUNNER)
                    .directory(baseDir.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("SMOKE_STATE_DIR", state.toString());
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(output unreadable: " + e + ")";
                }
            });
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                stop(process);
                fail(RUNNER + " did not finish in 4 minutes:\n" + output.getNow("(no output)"));
            }
            String text = output.get(1, TimeUnit.MINUTES);
            System.out.println(text);
            assertThat(process.exitValue())
                    .as("bash %s exited %d:%n%s", RUNNER, process.exitValue(), text)
                    .isZero();
            assertThat(text).as("the bats suite must have run all its tests, none skipped")
                    .contains("1..")
                    .doesNotContain("not ok")
                    .doesNotContain("# skip");
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            try {
                cleanUp(baseDir, state);
            } catch (Throwable t) {
                // A failed clean-up must not hide why the run failed.
                if (failure == null) {
                    throw t;
                }
                failure.addSuppressed(t);
            }
        }
    }

    /** SIGTERM first, so that the runner's trap can clean up; then SIGKILL for whatever is left. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Removes what the run recorded in its state folder (processes, the test user, files); idempotent. */
    private static void cleanUp(Path baseDir, Path state) throws Exception {
        Process cleanup = new ProcessBuilder("bash", RUNNER, "--cleanup", state.toString())
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .start();
        cleanup.getOutputStream().close();
        String text = new String(cleanup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cleanup.waitFor(1, TimeUnit.MINUTES)) {
            cleanup.destroyForcibly();
        }
        if (!text.isBlank()) {
            System.out.println(text);
        }
        assertThat(state).as("the smoke tests' state folder after clean-up").doesNotExist();
    }

    private static Path baseDir() {
        String basedir = System.getProperty("basedir");
        Path dir = Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        assertThat(dir.resolve(RUNNER)).as("project base folder").exists();
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
