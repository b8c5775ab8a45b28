package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.plans.MonitoringPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prelude under bash: the script's stderr reaches logger with the tag, and still reaches the extension. */
class SyslogForwardingTest {
    static final String FAILURE = "[dsvm-mount] ERROR: share dsvmshare does not exist in storage account x (exit 14)";

    @TempDir
    Path folder;

    @Test
    void stderrLinesGoToLoggerWithTheTagAndStillToStderr() throws Exception {
        Result result = run(SyslogForwarding.render(true));
        assertThat(result.exit).isEqualTo(14);
        assertThat(result.stderr).contains(FAILURE);
        assertThat(result.stdout).contains("[dsvm-mount] mounting");
        assertThat(result.logged).contains("-t " + MonitoringPlan.SCRIPT_TAG + " -p user.err|" + FAILURE)
                .doesNotContain("mounting");
    }

    @Test
    void offAddsNothingAndNothingIsLogged() throws Exception {
        assertThat(SyslogForwarding.render(false)).isEmpty();
        Result result = run("");
        assertThat(result.stderr).contains(FAILURE);
        assertThat(result.logged).isEmpty();
    }

    @Test
    void theProvisioningScriptCarriesThePreludeOnlyWhenOn() {
        assertThat(ProvisioningScript.of(60, Optional.empty(), true, 30).body())
                .contains("logger -t " + MonitoringPlan.SCRIPT_TAG);
        assertThat(ProvisioningScript.of(60, Optional.empty(), false, 30).body())
                .isEqualTo(ProvisioningScript.of(60).body()).doesNotContain("logger");
    }

    record Result(int exit, String stdout, String stderr, String logged) {
    }

    private Result run(String prelude) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path log = folder.resolve("syslog");
        Files.writeString(log, "");
        // A logger that records its arguments and each line it reads, as the real one sends each line to syslog.
        Path logger = bin.resolve("logger");
        Files.writeString(logger, "#!/bin/bash\nwhile IFS= read -r line; do printf '%s|%s\\n' \"$*\" \"$line\" >> '"
                + log + "'; done\n");
        Files.setPosixFilePermissions(logger, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = folder.resolve("script.sh");
        Files.writeString(script, "#!/bin/bash\nset -Eeuo pipefail\n" + prelude
                + "echo '[dsvm-mount] mounting'\necho '" + FAILURE + "' >&2\nexit 14\n");
        var process = new ProcessBuilder("bash", script.toString())
                .redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile());
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process running = process.start();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // tee and logger finish after the script; wait for the line (at most 10 s).
        for (int wait = 0; wait < 100 && !prelude.isEmpty() && Files.readString(log).isEmpty(); wait++) {
            Thread.sleep(100);
        }
        return new Result(running.exitValue(), Files.readString(folder.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("err"), StandardCharsets.UTF_8), Files.readString(log));
    }
}
