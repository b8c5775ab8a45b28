package io.github.dsvmpool.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import io.github.dsvmpool.testing.ShellSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
@Tag("slow") // ./mvnw verify: a real sshd and HTTPS server
class SmokeTestScriptTest {
    static final List<String> TOOLS = List.of("bats", "shellcheck", "sshd", "ssh", "ssh-keygen", "curl", "openssl",
            "python3", "useradd", "userdel", "timeout", "unshare");
    static final String INSTALL_HINT =
            "sudo apt-get install -y bats shellcheck openssh-server openssh-client openssl curl python3";
    static final String RUNNER = "src/e2e/src/test/shell/smoke/run.sh";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void smokeTestPassesShellcheckAndItsLocalTests() throws Exception {
        ShellSuite.requireRootAndTools("the smoke test's tests", TOOLS, INSTALL_HINT,
                "they create a user and start sshd");
        Path baseDir = ShellSuite.baseDir(RUNNER);
        // Named as fixtures.bash expects; readable by the test user, who reads the fake fstab files in it.
        Path state = Files.createTempDirectory(Path.of("/tmp"), "dsvm-smoke-fixtures.");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Throwable failure = null;
        try {
            var result = ShellSuite.run(baseDir, List.of("bash", RUNNER), Map.of("SMOKE_STATE_DIR", state.toString()),
                    Duration.ofMinutes(4));
            assertThat(result.exitCode())
                    .as("bash %s exited %d:%n%s", RUNNER, result.exitCode(), result.output())
                    .isZero();
            assertThat(result.output()).as("the bats suite must have run all its tests, none skipped")
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

    /** Removes what the run recorded in its state folder (processes, the test user, files); idempotent. */
    private static void cleanUp(Path baseDir, Path state) throws Exception {
        ShellSuite.run(baseDir, List.of("bash", RUNNER, "--cleanup", state.toString()), Map.of(), Duration.ofMinutes(1));
        assertThat(state).as("the smoke tests' state folder after clean-up").doesNotExist();
    }
}
