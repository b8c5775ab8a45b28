package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.plans.HealthPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's health probe under bash, with a fake curl and logger; and its installer in a sandbox root. */
class HubHealthLoggerTest {
    @TempDir
    Path folder;

    @Test
    void probesWhatTheHealthExtensionProbes() {
        assertThat(HubHealthLogger.url()).isEqualTo(HealthPlan.PROTOCOL + "://127.0.0.1:" + HealthPlan.PORT
                + HealthPlan.REQUEST_PATH);
        assertThat(HubHealthLogger.script(30)).contains(HubHealthLogger.url()).contains("1800")
                .doesNotContain("@HEALTH_URL@", "@GRACE_SECONDS@");
    }

    @Test
    void aVmStillProvisioningIsNotReported() throws Exception {
        assertThat(probe(List.of("fail", "fail", "fail"), "120.5 200.0")).isEmpty();
    }

    @Test
    void failuresAfterTheHubAnsweredAreReportedAndTheRecoveryToo() throws Exception {
        assertThat(probe(List.of("ok", "fail", "fail", "ok", "ok"), "120.5 200.0")).containsExactly(
                "-t dsvm-health -p user.err JupyterHub health probe failed (" + HubHealthLogger.url() + ")",
                "-t dsvm-health -p user.err JupyterHub health probe failed (" + HubHealthLogger.url() + ")",
                "-t dsvm-health -p user.notice JupyterHub is healthy again (" + HubHealthLogger.url() + ")");
    }

    @Test
    void aHubThatNeverCameUpIsReportedAfterTheGracePeriod() throws Exception {
        assertThat(probe(List.of("fail", "fail"), "1801.0 30.0")).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("user.err"));
    }

    @Test
    void theInstallerWritesTheServiceOnceAndStartsIt() throws Exception {
        Path root = Files.createDirectories(folder.resolve("root"));
        Files.createDirectories(root.resolve("run/systemd/system"));
        Path calls = folder.resolve("systemctl.log");
        Path systemctl = executable("systemctl", "#!/bin/bash\necho \"$*\" >> '" + calls + "'\n");
        Path script = folder.resolve("prelude.sh");
        Files.writeString(script, "#!/bin/bash\nset -Eeuo pipefail\n" + HubHealthLogger.render(true, 30));
        Map<String, String> environment = Map.of("DSVM_ROOT", root.toString(), "DSVM_SYSTEMCTL_CMD", systemctl.toString());
        run(script, environment);
        Path installed = root.resolve("usr/local/sbin/dsvm-hub-health");
        assertThat(installed).hasContent(HubHealthLogger.script(30));
        assertThat(Files.getPosixFilePermissions(installed)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(root.resolve("etc/systemd/system/dsvm-hub-health.service")).content().contains("ExecStart=/usr/local/sbin/dsvm-hub-health");
        assertThat(Files.readAllLines(calls)).containsExactly("daemon-reload", "enable dsvm-hub-health.service",
                "restart dsvm-hub-health.service");
        run(script, environment);
        assertThat(Files.readAllLines(calls)).as("an unchanged probe is not restarted").hasSize(3);
        assertThat(HubHealthLogger.render(false, 30)).isEmpty();
    }

    /** Runs the probe over the given curl results; returns what it logged. */
    private List<String> probe(List<String> results, String uptime) throws Exception {
        Path answers = folder.resolve("answers");
        Files.write(answers, results);
        Path curl = executable("curl", "#!/bin/bash\nline=$(head -n 1 '" + answers + "'); sed -i 1d '" + answers
                + "'\n[[ $line == ok ]]\n");
        Path logged = folder.resolve("logged");
        Files.writeString(logged, "");
        Path logger = executable("logger", "#!/bin/bash\necho \"$*\" >> '" + logged + "'\n");
        Path uptimeFile = folder.resolve("uptime");
        Files.writeString(uptimeFile, uptime + "\n");
        Path script = folder.resolve("probe.sh");
        Files.writeString(script, HubHealthLogger.script(30));
        run(script, Map.of("DSVM_HEALTH_ROUNDS", Integer.toString(results.size()), "DSVM_HEALTH_INTERVAL_SECONDS", "0",
                "DSVM_UPTIME_FILE", uptimeFile.toString(), "DSVM_CURL_CMD", curl.toString(),
                "DSVM_LOGGER_CMD", logger.toString()));
        return Files.readAllLines(logged);
    }

    private Path executable(String name, String text) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    private void run(Path script, Map<String, String> environment) throws Exception {
        var builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("output").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("output"))).isZero();
    }
}
