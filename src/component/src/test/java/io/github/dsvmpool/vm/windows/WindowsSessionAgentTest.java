package io.github.dsvmpool.vm.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dsvmpool.vm.ShippedResources;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Windows agent's settings file and the userData bundle that carries it with the script. */
class WindowsSessionAgentTest {
    static final WindowsSessionAgent.Settings SETTINGS = new WindowsSessionAgent.Settings(true, 30, 20, 20, 6,
            "W. Europe Standard Time", 10, "00001111-aaaa-2222-bbbb-3333cccc4444", "Z");

    @Test
    void theSettingsFileIsExactlyTheAgentsKnobs() {
        assertThat(WindowsSessionAgent.settingsJson(SETTINGS)).isEqualTo("""
                {
                  "sessionProtection": true,
                  "idleMinutes": 30,
                  "cpuSharePercent": 20,
                  "latestHour": 20,
                  "resumeHour": 6,
                  "timeZone": "W. Europe Standard Time",
                  "maxProtectedHours": 10,
                  "identityClientId": "00001111-aaaa-2222-bbbb-3333cccc4444",
                  "driveLetter": "Z"
                }
                """);
    }

    @Test
    void theUserDataCarriesTheShippedScriptAndTheSettingsAndFitsAzuresLimit() {
        String userData = WindowsSessionAgent.userData(SETTINGS);
        Map<String, String> files = WindowsSessionAgent.files(userData);
        assertThat(files).containsOnlyKeys("session-agent.ps1", "session-agent.json", "install-session-agent.ps1");
        assertThat(files.get("install-session-agent.ps1")).isEqualTo(ShippedResources.text(
                WindowsSessionAgent.INSTALLER_RESOURCE)).contains("'dsvm-pool-session-agent'");
        assertThat(files.get("session-agent.ps1")).isEqualTo(ShippedResources.text(WindowsSessionAgent.RESOURCE))
                .contains("dsvm-session-agent");
        assertThat(files.get("session-agent.json")).isEqualTo(WindowsSessionAgent.settingsJson(SETTINGS));
        assertThat(userData.length()).isLessThanOrEqualTo(WindowsSessionAgent.MAX_USER_DATA);
        System.out.println("[measured] userData: " + userData.length() + " base64 characters, "
                + Base64.getDecoder().decode(userData).length + " bytes decoded (docs/sessions.md)");
        assertThat(Base64.getDecoder().decode(userData)).startsWith(0x1f, 0x8b); // gzip
        // Deterministic: the same agent leaves the scale set's model as it was.
        assertThat(WindowsSessionAgent.userData(SETTINGS)).isEqualTo(userData);
        assertThat(WindowsSessionAgent.revision(userData)).matches("[0-9a-f]{16}")
                .isNotEqualTo(WindowsSessionAgent.revision(WindowsSessionAgent.userData(new WindowsSessionAgent.Settings(
                        false, 30, 20, 20, 6, "W. Europe Standard Time", 10, "", "Z"))));
    }

    @Test
    void provisionWritesExactlyTheBundlesFilesAndRunsItsInstaller() {
        String provision = WindowsProvisioningScript.shipped().provisionBody();
        String names = String.join(", ", WindowsSessionAgent.files(WindowsSessionAgent.userData(SETTINGS)).keySet()
                .stream().map(name -> "'" + name + "'").toList());
        assertThat(provision).contains("foreach ($name in @(" + names + "))")
                .contains("/metadata/instance/compute/userData?api-version=2021-01-01&format=text")
                .contains("-ChildPath '" + WindowsSessionAgent.INSTALLER_FILE + "'");
        assertThat(ShippedResources.text(WindowsSessionAgent.INSTALLER_RESOURCE))
                .contains("'" + WindowsSessionAgent.TASK_NAME + "'").contains("-ChildPath '" + WindowsSessionAgent.SCRIPT_FILE + "'");
        assertThat(ShippedResources.text(WindowsSessionAgent.RESOURCE)).contains("-ChildPath '"
                + WindowsSessionAgent.SETTINGS_FILE + "'");
    }

    /** The Windows agent calls Azure as the Linux agent and watcher do (docs/sessions.md "Calls to Azure"). */
    @Test
    void theAgentUsesTheLinuxAgentsApiVersions() {
        String windows = ShippedResources.text(WindowsSessionAgent.RESOURCE);
        String linux = ShippedResources.text("/io/github/dsvmpool/vm/session-agent/azure_calls.py")
                + ShippedResources.text("/io/github/dsvmpool/vm/scheduled-events-watcher.sh");
        for (String version : java.util.List.of("2025-04-01", "2018-02-01", "2021-02-01", "2020-07-01")) {
            assertThat(linux).as("Linux").contains(version);
            assertThat(windows).as("Windows").contains("api-version=" + version);
        }
        assertThat(windows).contains("resource=https://management.azure.com/").contains("&client_id=")
                .contains("protectFromScaleIn").contains("Retry-After").contains("AddSeconds(45)");
    }

    @Test
    void nothingSecretTravelsInTheUserData() {
        String bundle = String.join("\n", WindowsSessionAgent.files(WindowsSessionAgent.userData(SETTINGS)).values());
        assertThat(bundle).doesNotContainIgnoringCase("accountKey").doesNotContain("access_token\":")
                .doesNotContain("$DsvmStorageKey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "W. Europe'; Remove-Item C:\\ -Recurse; '", "UTC\nInjected", ""})
    void aZoneThatIsNoWindowsIdIsRefused(String zone) {
        assertThatThrownBy(() -> new WindowsSessionAgent.Settings(true, 30, 20, 20, 6, zone, 10, "", "Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time zone");
    }

    @Test
    void theKnobsAreCheckedAsTheLinuxAgentsAndHostileValuesRefused() {
        assertThatThrownBy(() -> new WindowsSessionAgent.Settings(true, 5, 20, 20, 6, "UTC", 10, "", "Z"))
                .hasMessageContaining("idle minutes 5");
        assertThatThrownBy(() -> new WindowsSessionAgent.Settings(true, 30, 20, 24, 6, "UTC", 10, "", "Z"))
                .hasMessageContaining("latest hour 24");
        assertThatThrownBy(() -> new WindowsSessionAgent.Settings(true, 30, 20, 20, 6, "UTC", 25, "", "Z"))
                .hasMessageContaining("maximum protected hours 25");
        assertThatThrownBy(() -> new WindowsSessionAgent.Settings(true, 30, 20, 20, 6, "UTC", 10, "x\"}", "Z"))
                .hasMessageContaining("identity client id");
        assertThatThrownBy(() -> new WindowsSessionAgent.Settings(true, 30, 20, 20, 6, "UTC", 10, "", "C"))
                .hasMessageContaining("drive letter");
    }
}
