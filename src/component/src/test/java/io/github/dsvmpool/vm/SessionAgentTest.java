package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dsvmpool.testing.ShellSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session agent: its renderer here, the agent itself through {@code src/component/src/test/sessions/run-tests.sh} (pytest
 * against a fake IMDS and Resource Manager, a real JupyterHub, real processes, and the installer exactly as
 * {@link SessionAgent#render} gives it). The suite needs root and the tools in {@link #TOOLS}; without them the
 * test is aborted (reported as skipped) on a developer machine and fails when {@code CI=true}.
 */
@Tag("slow") // ./mvnw verify: a real JupyterHub, sshd and the pytest suite (about a minute)
class SessionAgentTest {
    static final List<String> TOOLS = List.of("bash", "python3", "node", "npm", "base64", "cmp", "timeout",
            // test_real_ssh.py: a real sshd and ssh in a mount namespace with a private /run (utmp)
            "sshd", "ssh", "ssh-keygen", "unshare", "mount", "who");
    static final String RUNNER = "src/component/src/test/sessions/run-tests.sh";
    static final String INSTALL_HINT = "sudo apt-get install -y python3 python3-venv nodejs npm coreutils diffutils"
            + " openssh-server openssh-client util-linux";
    /** Keep in step with test_the_rendered_installer_lays_out_the_agent_and_is_idempotent. */
    static final SessionAgent.Settings RENDERED = new SessionAgent.Settings(30, 20, 20, 6, "Europe/Berlin", 10,
            SessionAgent.DEFAULT_HUB_URL, "/datamnt/dsvmshare", "dsvmpool-x.westeurope.cloudapp.azure.com", "");

    @Test
    void theRoleNeedsExactlyTheInstanceReadAndWriteActions() {
        assertThat(SessionAgent.ARM_ACTIONS).containsExactly(
                "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read",
                "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/write");
    }

    @Test
    void rendersTheSameTextEveryTimeWithEveryFileAndTheSettings() {
        String first = SessionAgent.render(RENDERED);
        assertThat(SessionAgent.render(RENDERED)).isEqualTo(first);
        assertThat(first).doesNotStartWith("#!").doesNotContain("@SESSION_AGENT_FILES@");
        assertThat(SessionAgent.renderRemoval()).doesNotStartWith("#!").contains("disable --now dsvm-session-agent.service");
        for (String[] target : SessionAgent.FILES.values()) {
            assertThat(first).contains(target[0] + " " + target[1] + " ");
        }
        assertThat(first).contains(SessionAgent.CONFIG_PATH + " 0644 ");
        // a fixed order, so that the text is the same in every JVM (a changed script re-runs the extension)
        assertThat(SessionAgent.FILES.keySet()).containsExactly("azure_calls.py", "evening_bound.py", "notices.py",
                "session_records.py", "session_settings.py", "usage.py", "agent.py", "hub_setup.py", "where.py",
                SessionAgent.UNIT_NAME, "dsvm-session-where.sh");
        assertThat(SessionAgent.configJson(RENDERED)).contains("\"time_zone\": \"Europe/Berlin\"",
                "\"share_path\": \"/datamnt/dsvmshare\"", "\"ssh_per_vm_backend_port\": 2222",
                "\"jupyterhub_per_vm_backend_port\": 8443", "\"latest_hour\": 20");
    }

    @Test
    void refusesSettingsOutsideTheirRanges() {
        var defaults = SessionAgent.Settings.defaults("/datamnt/dsvmshare", "");
        assertThat(defaults.idleMinutes()).isEqualTo(30);
        assertThatThrownBy(() -> new SessionAgent.Settings(5, 20, 20, 6, "UTC", 10, SessionAgent.DEFAULT_HUB_URL, "", "", ""))
                .hasMessageContaining("idle minutes 5");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 0, 20, 6, "UTC", 10, SessionAgent.DEFAULT_HUB_URL, "", "", ""))
                .hasMessageContaining("CPU share");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 20, 24, 6, "UTC", 10, SessionAgent.DEFAULT_HUB_URL, "", "", ""))
                .hasMessageContaining("latest hour 24");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 20, 20, 6, "W. Europe Standard Time", 10,
                SessionAgent.DEFAULT_HUB_URL, "", "", "")).hasMessageContaining("IANA");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 20, 20, 6, "UTC", 25, SessionAgent.DEFAULT_HUB_URL, "", "", ""))
                .hasMessageContaining("maximum protected hours 25");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 20, 20, 6, "UTC", 10, SessionAgent.DEFAULT_HUB_URL,
                "relative/share", "", "")).hasMessageContaining("share path");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 20, 20, 6, "UTC", 10, SessionAgent.DEFAULT_HUB_URL, "",
                "", "not-a-guid")).hasMessageContaining("identity client id");
        assertThatThrownBy(() -> new SessionAgent.Settings(30, 20, 20, 6, "UTC", 10, "ftp://hub", "", "", ""))
                .hasMessageContaining("hub URL");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theAgentPassesItsPytestSuite(@TempDir Path tmp) throws Exception {
        ShellSuite.requireRootAndTools("the session agent's tests", TOOLS, INSTALL_HINT,
                "they start processes under other users and a JupyterHub with local servers");
        Path rendered = tmp.resolve("install-session-agent.sh");
        Files.writeString(rendered, SessionAgent.render(RENDERED));
        Path removal = tmp.resolve("remove-session-agent.sh");
        Files.writeString(removal, SessionAgent.renderRemoval());
        var result = ShellSuite.run(ShellSuite.baseDir(RUNNER), List.of("bash", RUNNER),
                Map.of("DSVM_SESSION_AGENT_RENDERED", rendered.toString(),
                        "DSVM_SESSION_AGENT_REMOVAL", removal.toString()), Duration.ofMinutes(14));
        assertThat(result.exitCode()).as("bash %s exited %d:%n%s", RUNNER, result.exitCode(), result.output()).isZero();
        assertThat(result.output()).as("every test ran").containsPattern("\\d+ passed").doesNotContain("skipped");
    }
}
