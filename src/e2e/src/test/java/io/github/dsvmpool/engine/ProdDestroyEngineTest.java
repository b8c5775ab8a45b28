package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod stack (Pulumi.prod.yaml as committed: Entra groups, Key Vault, protected storage) under the real
 * engine: {@code pulumi destroy} stops at the protected resources; with protection lifted it deletes everything
 * but the share and what holds it, its storage account and resource group, which are retained (retainOnDelete:
 * the provider is never asked to delete them; a retained share in a deleted account or group would go with it,
 * pulumi-azure-native issue 2522).
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class ProdDestroyEngineTest {
    private static final String STACK = "prod";
    private static final String SHARE = "azure-native:storage:FileShare";

    @TempDir
    Path temp;

    @Test
    void destroyStopsAtProtectedResourcesThenRetainsTheShare() throws Exception {
        ProjectCopy copy = ProjectCopy.create(temp, false);
        ProjectShell shell = ProjectShell.open(temp, copy);
        shell.deploy(STACK, "--yes").assertSucceeded();
        StateExport deployed = export(shell);
        List<String> isProtected = deployed.declared().stream().filter(r -> r.has("protect")
                && r.get("protect").getAsBoolean()).map(StateExport::key).toList();
        assertThat(isProtected).as("protected in prod").contains(Urns.key(SHARE, "dsvm-prod-share"));
        int mark = shell.record().mark();

        var refused = shell.pulumi(STACK, "destroy", "--yes");

        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.stdout() + refused.stderr()).contains("cannot be deleted")
                .contains("because it is protected").contains("pulumi state unprotect");
        assertThat(shell.record().changesSince(mark)).as("nothing deleted").isEmpty();
        assertThat(export(shell).declared()).hasSameSizeAs(deployed.declared());

        shell.pulumi(STACK, "state", "unprotect", "--all", "--yes").assertSucceeded();
        mark = shell.record().mark();
        shell.pulumi(STACK, "destroy", "--yes").assertSucceeded();

        List<JsonObject> deletes = shell.record().changesSince(mark);
        assertThat(deletes).allSatisfy(call -> assertThat(StandinRecord.method(call)).isEqualTo("Delete"));
        List<String> azure = deployed.ofPackage("azure-native").stream().map(StateExport::key).toList();
        List<String> retained = deployed.ofPackage("azure-native").stream()
                .filter(r -> r.has("retainOnDelete") && r.get("retainOnDelete").getAsBoolean())
                .map(StateExport::key).toList();
        assertThat(retained).containsExactlyInAnyOrder(Urns.key(SHARE, "dsvm-prod-share"),
                Urns.key("azure-native:storage:StorageAccount", "dsvm-prod-storage"),
                Urns.key("azure-native:resources:ResourceGroup", "dsvm-prod-rg"));
        assertThat(deletes.stream().map(call -> Urns.key(StandinRecord.type(call), StandinRecord.name(call))))
                .as("deleted in Azure: all but the retained share, account and group")
                .containsExactlyInAnyOrderElementsOf(azure.stream().filter(key -> !retained.contains(key)).toList());
        assertThat(export(shell).resources()).as("the stack is empty").isEmpty();
    }

    private static StateExport export(ProjectShell shell) {
        return StateExport.of(shell.pulumi(STACK, "stack", "export").assertSucceeded().stdout());
    }
}
