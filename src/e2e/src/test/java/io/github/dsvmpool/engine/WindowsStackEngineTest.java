package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.github.dsvmpool.App;
import io.github.dsvmpool.tools.plan.PlanRun;
import io.github.dsvmpool.tools.plan.StackFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windows example stack under the real CLI, engine and Java host with the azure-native stand-in: {@code ./deploy
 * windows --yes} creates what the offline plan shows (the Windows pool uses only types the Linux pool declares), the
 * scale set reaches the stand-in with a Windows profile, and the provisioning command stays a secret in state.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowsStackEngineTest {
    private static final String STACK = "windows";
    private static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";

    @TempDir
    static Path temp;

    private ProjectShell shell;

    @BeforeAll
    void copyTheProject() throws IOException {
        shell = ProjectShell.open(temp, ProjectCopy.create(temp, false));
    }

    @Test
    void theWindowsStackDeploysWhatItsOfflinePlanShowsWithItsCommandSecret() throws Exception {
        shell.deploy(STACK, "--yes").assertSucceeded();

        StateExport state = StateExport.of(shell.pulumi(STACK, "stack", "export").assertSucceeded().stdout());
        Set<String> planned = PlanRun.run(StackFiles.read(Path.of(""), STACK), App::stack).plan().resources().stream()
                .filter(r -> !r.type().equals("pulumi:pulumi:Stack"))
                .map(r -> Urns.key(r.type(), r.name())).collect(Collectors.toCollection(TreeSet::new));
        assertThat(state.declared().stream().map(StateExport::key).toList())
                .containsExactlyInAnyOrderElementsOf(planned);
        List<String> created = shell.record().changesSince(0).stream()
                .map(call -> Urns.key(StandinRecord.type(call), StandinRecord.name(call))).toList();
        assertThat(created).containsExactlyInAnyOrderElementsOf(
                state.ofPackage("azure-native").stream().map(StateExport::key).toList());

        JsonObject scaleSet = state.only(SCALE_SET);
        StateExport.assertSecret(StateExport.at(scaleSet, "inputs.virtualMachineProfile.extensionProfile.extensions")
                .getAsJsonArray().get(0).getAsJsonObject().get("protectedSettings"));
        JsonObject create = shell.record().changesSince(0).stream()
                .filter(call -> StandinRecord.type(call).equals(SCALE_SET)).findFirst().orElseThrow();
        assertThat(StateExport.at(create, "properties.virtualMachineProfile.osProfile.windowsConfiguration"
                + ".provisionVMAgent").getAsBoolean()).isTrue();
        assertThat(create.toString()).contains("ApplicationHealthWindows", "CustomScriptExtension")
                .doesNotContain("linuxConfiguration");
        // The session agent reaches Azure in the model's userData (docs/sessions.md "On Windows").
        assertThat(io.github.dsvmpool.vm.windows.WindowsSessionAgent.files(StateExport.at(create,
                "properties.virtualMachineProfile.userData").getAsString())).containsKey("session-agent.ps1");
    }
}
