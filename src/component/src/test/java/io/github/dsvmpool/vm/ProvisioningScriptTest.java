package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProvisioningScriptTest {
    static final MountParameters PARAMETERS = new MountParameters("acct1", "dsvmshare", "/datamnt/dsvmshare",
            "core.windows.net", "dsadmin", ShareProtocol.SMB);

    @Test
    void installerEmbedsTheShippedWatcherAndUnitExactly() {
        String installer = WatcherInstaller.render();
        assertThat(installer).doesNotContain("@WATCHER_").doesNotStartWith("#!");
        var embedded = Pattern.compile("\\[\\$(script|unit)_path]='([A-Za-z0-9+/=]+)'").matcher(installer);
        int found = 0;
        while (embedded.find()) {
            String decoded = new String(Base64.getDecoder().decode(embedded.group(2)), StandardCharsets.UTF_8);
            String expected = ShippedResources.text(embedded.group(1).equals("script")
                    ? WatcherInstaller.WATCHER_SCRIPT : WatcherInstaller.WATCHER_UNIT);
            assertThat(decoded).isEqualTo(expected);
            found++;
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void theWatcherIsInstalledBeforeTheMountInOneScript() {
        String script = MountScript.decode(ProvisioningScript.shipped().encodedScript(PARAMETERS, "key=="));
        assertThat(script).startsWith("#!/bin/bash\n").containsOnlyOnce("#!");
        int installer = script.indexOf("dsvm_install_watcher ||");
        int mount = script.indexOf("log \"start: ");
        assertThat(installer).isPositive();
        assertThat(mount).isGreaterThan(installer);
        assertThat(script).contains("DSVM_STORAGE_KEY='key=='");
    }

    @Test
    void thePortsOthersReferToKeepTheirValues() {
        assertThat(PerVmPorts.SSH_PORT).isEqualTo(22);
        assertThat(PerVmPorts.SSH_PER_VM_BACKEND_PORT).isEqualTo(2222);
        assertThat(PerVmPorts.JUPYTERHUB_PORT).isEqualTo(8000);
        // not 8001: JupyterHub's proxy API listens on 127.0.0.1:8001
        assertThat(PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT).isEqualTo(8443);
    }

    @Test
    void portsInstallerHasThePortsAndEmbedsTheDropInAndTheUnitExactly() {
        String installer = PerVmPorts.render();
        assertThat(installer).doesNotStartWith("#!").doesNotContainPattern("@[A-Z0-9_]+@")
                .contains("local ssh_port='22' per_vm_port='2222'")
                .contains("local hub_port='8000' per_vm_port='8443'")
                .contains("for port in '22' '2222' '8000' '8443'; do")
                .endsWith("are not affected)\"\n");
        var dropIn = Pattern.compile("dsvm_ports_write '([A-Za-z0-9+/=]+)'").matcher(installer);
        assertThat(dropIn.find()).isTrue();
        assertThat(decode(dropIn.group(1))).isEqualTo(PerVmPorts.sshdDropIn());
        var unit = Pattern.compile("unit_encoded='([A-Za-z0-9+/=]+)'").matcher(installer);
        assertThat(unit.find()).isTrue();
        assertThat(decode(unit.group(1))).isEqualTo(PerVmPorts.redirectUnit());
        assertThat(installer).contains("unit_path=$root/etc/systemd/system/" + PerVmPorts.REDIRECT_UNIT_NAME)
                .contains("dropin=$root" + PerVmPorts.SSHD_DROP_IN_PATH);
    }

    @Test
    void theDropInListsBothSshPortsAndTheUnitRedirectsTheJupyterHubPort() {
        assertThat(PerVmPorts.sshdDropIn().lines().filter(line -> !line.startsWith("#")))
                .containsExactly("Port 22", "Port 2222");
        String rule = "PREROUTING -p tcp --dport 8443 -m addrtype --dst-type LOCAL -j REDIRECT --to-ports 8000";
        assertThat(PerVmPorts.redirectUnit().lines())
                .contains("Type=oneshot", "RemainAfterExit=yes", "WantedBy=multi-user.target",
                        "ExecStart=/bin/sh -c 'iptables -w 10 -t nat -C " + rule + " 2>/dev/null"
                                + " || iptables -w 10 -t nat -A " + rule + "'",
                        "ExecStop=/bin/sh -c 'while iptables -w 10 -t nat -D " + rule + " 2>/dev/null; do :; done'");
        // the installer applies the same rule itself
        assertThat(PerVmPorts.render()).contains("local -a rule=(PREROUTING -p tcp --dport \"$per_vm_port\""
                + " -m addrtype --dst-type LOCAL -j REDIRECT --to-ports \"$hub_port\")");
    }

    @Test
    void watcherThenPortsThenMount() {
        String script = MountScript.decode(ProvisioningScript.shipped().encodedScript(PARAMETERS, "key=="));
        int watcher = script.indexOf("dsvm_install_watcher ||");
        int ports = script.indexOf("\ndsvm_ports_install ||");
        int mount = script.indexOf("log \"start: ");
        assertThat(watcher).isPositive();
        assertThat(ports).isGreaterThan(watcher);
        assertThat(mount).isGreaterThan(ports);
        assertThat(script).containsOnlyOnce("\ndsvm_ports_install ||").containsOnlyOnce("#!")
                .doesNotContainPattern("@[A-Z0-9_]+@");
    }

    @Test
    void theIdleCullerRunsAfterThePortsAndBeforeTheMountWithItsTimeoutInSeconds() {
        String script = MountScript.decode(ProvisioningScript.of(90).encodedScript(PARAMETERS, "key=="));
        int ports = script.indexOf("\ndsvm_ports_install ||");
        int culler = script.indexOf("\ndsvm_culler_install ||");
        int mount = script.indexOf("log \"start: ");
        assertThat(culler).isGreaterThan(ports);
        assertThat(mount).isGreaterThan(culler);
        assertThat(script).containsOnlyOnce("seconds='5400'").containsOnlyOnce("\ndsvm_culler_install ||")
                .doesNotContainPattern("@[A-Z0-9_]+@");
        assertThat(IdleCuller.render(0)).contains("seconds='0'");
        assertThat(ProvisioningScript.shipped().revision(PARAMETERS))
                .isEqualTo(ProvisioningScript.of(IdleCuller.DEFAULT_MINUTES).revision(PARAMETERS))
                .isNotEqualTo(ProvisioningScript.of(0).revision(PARAMETERS))
                .isNotEqualTo(ProvisioningScript.of(90).revision(PARAMETERS));
        // the longest timeout keeps the whole script under the extension's 256 KB
        assertThat(ProvisioningScript.of(IdleCuller.MAX_MINUTES).encodedScript(PARAMETERS, "k").length())
                .isLessThan(MountScript.MAX_ENCODED_SCRIPT_BYTES);
        for (int refused : new int[] {-1, 1, 9, 10_081}) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> IdleCuller.render(refused)).withMessageContaining(Integer.toString(refused));
        }
    }

    @Test
    void theRevisionFollowsTheWatcherToo() {
        String withWatcher = ProvisioningScript.shipped().revision(PARAMETERS);
        assertThat(withWatcher).isNotEqualTo(MountScript.shipped().revision(PARAMETERS))
                .isNotEqualTo(MountScript.shipped().withPrelude("# another watcher\n").revision(PARAMETERS))
                .isNotEqualTo(MountScript.shipped().withPrelude(WatcherInstaller.render()).revision(PARAMETERS));
        assertThat(ProvisioningScript.shipped().encodedScript(PARAMETERS, "k").length())
                .isLessThan(MountScript.MAX_ENCODED_SCRIPT_BYTES);
    }

    @Test
    void theSessionAgentRunsAfterTheCullerAndBeforeTheMountOnlyWhenGiven() {
        var settings = SessionAgent.Settings.defaults("/datamnt/dsvmshare", "pool-1a2b.westeurope.cloudapp.azure.com");
        String script = MountScript.decode(ProvisioningScript.of(60, java.util.Optional.of(settings))
                .encodedScript(PARAMETERS, "key=="));
        int culler = script.indexOf("\ndsvm_culler_install ||");
        int agent = script.indexOf("\ndsvm_sessions_install ||");
        int mount = script.indexOf("log \"start: ");
        assertThat(agent).isGreaterThan(culler);
        assertThat(mount).isGreaterThan(agent);
        assertThat(script).containsOnlyOnce(SessionAgent.render(settings)).doesNotContainPattern("@[A-Z0-9_]+@");
        // off: the script of before the agent, byte for byte
        assertThat(ProvisioningScript.of(60, java.util.Optional.empty()).encodedScript(PARAMETERS, "k"))
                .isEqualTo(ProvisioningScript.of(60).encodedScript(PARAMETERS, "k"))
                .isEqualTo(ProvisioningScript.shipped().encodedScript(PARAMETERS, "k"));
        assertThat(MountScript.decode(ProvisioningScript.shipped().encodedScript(PARAMETERS, "k")))
                .doesNotContain("dsvm_sessions").doesNotContain("dsvm-session-agent");
        // the settings change the revision, so a change re-runs the extension
        assertThat(ProvisioningScript.of(60, java.util.Optional.of(settings)).revision(PARAMETERS))
                .isNotEqualTo(ProvisioningScript.of(60).revision(PARAMETERS))
                .isNotEqualTo(ProvisioningScript.of(60, java.util.Optional.of(new SessionAgent.Settings(45, 20, 20, 6,
                        "UTC", 10, SessionAgent.DEFAULT_HUB_URL, "/datamnt/dsvmshare", "", ""))).revision(PARAMETERS));
        // with the agent and the longest culler timeout the whole script stays under the extension's 256 KB
        int length = ProvisioningScript.of(IdleCuller.MAX_MINUTES, java.util.Optional.of(settings))
                .encodedScript(PARAMETERS, "k").length();
        assertThat(length).isLessThan(MountScript.MAX_ENCODED_SCRIPT_BYTES);
        System.out.println("provisioning script with the session agent: " + length + " bytes base64 of "
                + MountScript.MAX_ENCODED_SCRIPT_BYTES);
    }

    @Test
    void theScriptWithTheAgentIsValidBash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        var settings = SessionAgent.Settings.defaults("/datamnt/dsvmshare", "pool-1a2b.westeurope.cloudapp.azure.com");
        var script = tmp.resolve("provision.sh");
        java.nio.file.Files.writeString(script, MountScript.decode(ProvisioningScript.of(60,
                java.util.Optional.of(settings)).encodedScript(PARAMETERS, "key==")));
        // bash -n parses without running: the pieces compose into one valid script
        var bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(output).isZero();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
