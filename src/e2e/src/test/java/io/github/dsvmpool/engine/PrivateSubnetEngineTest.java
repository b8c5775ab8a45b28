package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dsvmpool.network.PrivateSubnet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a dev stack deployed before the subnet became private (its state holds the subnet as
 * {@code azure-native:network:Subnet} without defaultOutboundAccess, as main's program left it), then updated by
 * today's program: the engine follows the alias, so the subnet is updated in place (one Update, no Create or
 * Delete) and keeps its id, and nothing else changes.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class PrivateSubnetEngineTest {
    private static final String STACK = "dev";
    private static final String SUBNET_NAME = "dsvm-dev-subnet";

    @TempDir
    static Path temp;

    @Test
    void aSubnetDeployedUnderThePreviousTypeIsUpdatedInPlace() throws Exception {
        var copy = ProjectCopy.create(temp, false);
        var shell = ProjectShell.open(temp, copy);
        shell.deploy(STACK, "--yes").assertSucceeded();

        // The state as the previous program left it: the old type in every URN, no defaultOutboundAccess.
        String exported = shell.pulumi(STACK, "stack", "export").assertSucceeded().stdout();
        String previous = exported.replace("$" + PrivateSubnet.TYPE + "::", "$" + PrivateSubnet.PREVIOUS_TYPE + "::")
                .replace("\"" + PrivateSubnet.TYPE + "\"", "\"" + PrivateSubnet.PREVIOUS_TYPE + "\"");
        JsonObject state = JsonParser.parseString(previous).getAsJsonObject();
        String subnetId = "";
        for (var element : state.getAsJsonObject("deployment").getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            if (resource.get("type").getAsString().equals(PrivateSubnet.PREVIOUS_TYPE)) {
                resource.remove("aliases"); // the previous program declared none
                resource.getAsJsonObject("inputs").remove("defaultOutboundAccess");
                resource.getAsJsonObject("outputs").remove("defaultOutboundAccess");
                subnetId = resource.get("id").getAsString();
            }
        }
        assertThat(subnetId).as("the subnet in state").isNotEmpty();
        Path file = temp.resolve("previous-state.json");
        Files.writeString(file, state.toString(), StandardCharsets.UTF_8);
        shell.pulumi(STACK, "stack", "import", "--file", file.toString()).assertSucceeded();
        assertThat(StateExport.of(shell.pulumi(STACK, "stack", "export").assertSucceeded().stdout())
                .declared().stream().map(StateExport::type)).contains(PrivateSubnet.PREVIOUS_TYPE)
                .doesNotContain(PrivateSubnet.TYPE);

        int mark = shell.record().mark();
        shell.pulumi(STACK, "up", "--yes").assertSucceeded();

        List<JsonObject> changes = shell.record().changesSince(mark);
        assertThat(changes).as("calls that change Azure").singleElement().satisfies(call -> {
            assertThat(StandinRecord.method(call)).isEqualTo("Update");
            assertThat(StandinRecord.name(call)).isEqualTo(SUBNET_NAME);
            assertThat(call.get("urn").getAsString()).contains("$" + PrivateSubnet.TYPE + "::");
        });
        StateExport after = StateExport.of(shell.pulumi(STACK, "stack", "export").assertSucceeded().stdout());
        JsonObject subnet = after.only(PrivateSubnet.TYPE);
        assertThat(subnet.get("id").getAsString()).isEqualTo(subnetId);
        assertThat(StateExport.at(subnet, "inputs.defaultOutboundAccess").getAsBoolean()).isFalse();
        assertThat(after.declared().stream().map(StateExport::type)).doesNotContain(PrivateSubnet.PREVIOUS_TYPE);
    }
}
