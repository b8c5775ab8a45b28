package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dsvmpool.App;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.tools.plan.Plan;
import io.github.dsvmpool.tools.plan.PlanComparison;
import io.github.dsvmpool.tools.plan.PlanRun;
import io.github.dsvmpool.tools.plan.StackFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack under the real CLI, engine and Java host (toolchain/install) with the azure-native stand-in, on a
 * copy of the project: {@code ./deploy dev --yes} from a clean home, a second update that changes nothing, capacity
 * changed behind Pulumi's back surviving an unrelated update, and a preview of a configuration change as the pull
 * request comment shows it. One deployed stack, in this order.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackEngineTest {
    private static final String STACK = "dev";
    private static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    private static final String SCALE_SET_NAME = "dsvm-dev-vmss";

    @TempDir
    static Path temp;

    private ProjectCopy copy;
    private ProjectShell shell;

    @BeforeAll
    void copyTheProject() throws IOException {
        copy = ProjectCopy.create(temp, false);
        shell = ProjectShell.open(temp, copy);
    }

    @Test
    @Order(1)
    void deployFromACleanHomeMakesThePassphraseTheStackAndEveryResource() throws Exception {
        assertThat(copy.passphraseFile(STACK)).doesNotExist();

        var deployed = shell.deploy(STACK, "--yes").assertSucceeded();

        assertThat(deployed.stdout()).contains("deploy: generated the passphrase of stack 'dev' in "
                + copy.passphraseFile(STACK));
        assertThat(Files.getPosixFilePermissions(copy.passphraseFile(STACK)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(copy.stateFile(STACK)).as("the stack's state on the local backend").isRegularFile();

        // Every resource the program registers (the offline plan of the same stack file) is in state, and every
        // Azure one was created once, for real (not only previewed).
        StateExport state = export();
        Set<String> planned = plan(StackFiles.read(Path.of(""), STACK)).resources().stream()
                .map(r -> Urns.key(r.type(), r.name())).collect(Collectors.toCollection(TreeSet::new));
        assertThat(state.declared().stream().map(StateExport::key).toList())
                .containsExactlyInAnyOrderElementsOf(planned);
        List<String> created = shell.record().changesSince(0).stream()
                .peek(call -> assertThat(StandinRecord.method(call)).isEqualTo("Create"))
                .map(call -> Urns.key(StandinRecord.type(call), StandinRecord.name(call))).toList();
        assertThat(created).containsExactlyInAnyOrderElementsOf(
                state.ofPackage("azure-native").stream().map(StateExport::key).toList());
        assertThat(created).hasSizeGreaterThanOrEqualTo(10);

        // The generated password: a secret in the stack outputs, in state (ciphertext only) and on the wire.
        String password = outputs(true).get("adminPassword").getAsString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(state.text()).doesNotContain(password);
        assertThat(Files.readString(copy.stateFile(STACK))).doesNotContain(password);
        StateExport.assertSecret(StateExport.at(state.only("random:index/randomPassword:RandomPassword"),
                "outputs.result"));
        StateExport.assertSecret(StateExport.at(state.only("pulumi:pulumi:Stack"), "outputs.adminPassword"));
        StateExport.assertSecret(StateExport.at(state.only(SCALE_SET),
                "inputs.virtualMachineProfile.osProfile.adminPassword"));
        assertThat(Files.readString(shell.record().file())).doesNotContain(password);
        JsonObject scaleSetCreate = shell.record().changesSince(0).stream()
                .filter(call -> StandinRecord.type(call).equals(SCALE_SET)).findFirst().orElseThrow();
        assertThat(StateExport.at(scaleSetCreate, "properties.virtualMachineProfile.osProfile.adminPassword.value")
                .getAsString()).as("the stand-in got the password, as a secret").isEqualTo(sha256(password));

        // The outputs as the user documentation lists them.
        JsonObject outputs = outputs(false);
        assertThat(outputs.keySet()).containsExactlyInAnyOrderElementsOf(ReadmeOutputs.names());
        assertThat(outputs.get("adminPassword").getAsString()).isEqualTo("[secret]");
        String fqdn = outputs.get("fqdn").getAsString();
        assertThat(fqdn).endsWith(".westeurope.cloudapp.azure.com");
        assertThat(outputs.get("jupyterHubUrl").getAsString()).isEqualTo("https://" + fqdn + ":8000/");
        assertThat(outputs.get("sshCommand").getAsString()).isEqualTo("ssh dsadmin@" + fqdn);
        assertThat(outputs.get("adminUsername").getAsString()).isEqualTo("dsadmin");
        assertThat(outputs.get("publicIpAddress").getAsString()).isEqualTo(
                StateExport.at(state.only("azure-native:network:PublicIPAddress"), "outputs.ipAddress").getAsString());
        assertThat(outputs.get("sshNatPortRange").getAsString()).matches("\\d+-\\d+");
        assertThat(outputs.get("shareUncPath").getAsString())
                .isEqualTo("\\\\" + outputs.get("storageAccountName").getAsString() + ".file.core.windows.net\\dsvmshare");
    }

    @Test
    @Order(2)
    void aSecondUpChangesNothing() {
        int mark = shell.record().mark();
        var again = shell.pulumi(STACK, "up", "--yes", "--expect-no-changes").assertSucceeded();
        assertThat(again.stdout()).contains("unchanged");
        assertThat(shell.record().changesSince(mark)).as("calls that change Azure").isEmpty();
        assertThat(shell.record().since(mark)).as("refresh: always reads every resource")
                .anyMatch(call -> StandinRecord.method(call).equals("Read"));
    }

    @Test
    @Order(3)
    void capacityChangedBehindPulumisBackSurvivesAnUnrelatedUpdate() throws IOException {
        int programCapacity = StateExport.at(export().only(SCALE_SET), "inputs.sku.capacity").getAsInt();
        int autoscaled = programCapacity + 2;
        shell.drift("{\"" + SCALE_SET_NAME + "\": {\"sku.capacity\": " + autoscaled + "}}");
        shell.pulumi(STACK, "config", "set", "--path", "dsvm-pool:tags.costCentre", "e2e").assertSucceeded();
        int mark = shell.record().mark();

        shell.pulumi(STACK, "up", "--yes").assertSucceeded();

        List<JsonObject> updates = shell.record().changesSince(mark).stream()
                .filter(call -> StandinRecord.type(call).equals(SCALE_SET)).toList();
        assertThat(updates).as("the scale set is updated (its tags changed)").hasSize(1);
        JsonObject update = updates.get(0);
        assertThat(StandinRecord.method(update)).isEqualTo("Update");
        assertThat(StateExport.at(update, "news.tags.costCentre").getAsString()).isEqualTo("e2e");
        assertThat(StateExport.at(update, "news.sku.capacity").getAsInt())
                .as("the capacity sent to Azure is the one autoscale set, not the program's").isEqualTo(autoscaled);
        assertThat(shell.record().since(mark)).filteredOn(call -> StandinRecord.method(call).equals("Diff"))
                .filteredOn(call -> StandinRecord.type(call).equals(SCALE_SET))
                .allSatisfy(diff -> assertThat(diff.get("ignoreChanges").toString()).contains("sku.capacity"));
        JsonObject scaleSet = export().only(SCALE_SET);
        assertThat(StateExport.at(scaleSet, "inputs.sku.capacity").getAsInt()).isEqualTo(autoscaled);
        assertThat(StateExport.at(scaleSet, "outputs.sku.capacity").getAsInt()).isEqualTo(autoscaled);
    }

    @Test
    @Order(4)
    void previewOfAConfigurationChangeShowsWhatThePlanDiffPredictsAndThePullRequestJobRendersIt()
            throws Exception {
        String newSize = "Standard_D4s_v3";
        StackFile before = StackFiles.read(copy.project(), STACK);
        shell.pulumi(STACK, "config", "set", "dsvm-pool:vmSize", newSize).assertSucceeded();
        int mark = shell.record().mark();

        var json = shell.pulumi(STACK, "preview", "--diff", "--json").assertSucceeded();

        // What the engine would change, by resource and property path.
        Map<String, Set<String>> previewed = new TreeMap<>();
        for (JsonElement step : JsonParser.parseString(json.stdout()).getAsJsonObject().getAsJsonArray("steps")) {
            JsonObject s = step.getAsJsonObject();
            String op = s.get("op").getAsString();
            if (op.equals("same") || op.equals("refresh")) {
                continue;
            }
            assertThat(op).as("step %s", s.get("urn")).isEqualTo("update");
            String urn = s.get("urn").getAsString();
            String type = s.getAsJsonObject("newState").get("type").getAsString();
            previewed.put(Urns.key(type, Urns.name(urn)), new TreeSet<>(s.getAsJsonObject("detailedDiff").keySet()));
        }
        assertThat(previewed).isEqualTo(Map.of(Urns.key(SCALE_SET, SCALE_SET_NAME), Set.of("sku.name")));
        // The offline plan diff of the same change predicts the same.
        Map<String, Set<String>> predicted = new TreeMap<>();
        PlanComparison.compare(plan(before), plan(before.with("dsvm-pool:vmSize", newSize)))
                .forEach(change -> predicted.put(Urns.key(change.type(), change.name()), change.changes().stream()
                        .map(c -> c.path().replaceFirst("^\\$\\.", "")).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(predicted).isEqualTo(previewed);
        assertThat(shell.record().changesSince(mark)).as("a preview changes nothing").isEmpty();

        // The pull request job's preview comment, rendered by its own step from `pulumi preview --diff` output.
        var text = shell.pulumi(STACK, "preview", "--diff").assertSucceeded();
        String comment = PullRequestWorkflow.renderPreview(shell, STACK, "success", text.stdout());
        assertThat(comment).startsWith("### pulumi preview: `dev` (success)")
                .contains("```text").contains("~ " + SCALE_SET + ": (update)")
                .contains("$" + SCALE_SET + "::" + SCALE_SET_NAME + "]")
                .contains("~ name: \"Standard_D2s_v3\" => \"" + newSize + "\"").contains("~ 1 to update");
    }

    private StateExport export() {
        return StateExport.of(shell.pulumi(STACK, "stack", "export").assertSucceeded().stdout());
    }

    private JsonObject outputs(boolean showSecrets) {
        var shown = showSecrets ? shell.pulumi(STACK, "stack", "output", "--json", "--show-secrets")
                : shell.pulumi(STACK, "stack", "output", "--json");
        return JsonParser.parseString(shown.assertSucceeded().stdout()).getAsJsonObject();
    }

    /** The offline plan (mock engine, in this JVM) of a stack file: what the program registers. */
    private static Plan plan(StackFile stack) throws Exception {
        Plan plan = PlanRun.run(stack, App::stack).plan();
        return new Plan(plan.project(), plan.stack(), plan.resources().stream()
                .filter(r -> !r.type().equals("pulumi:pulumi:Stack")).toList());
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
