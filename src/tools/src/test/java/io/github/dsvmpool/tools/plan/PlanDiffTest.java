package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff of two hand-made plans (src/test/resources/plan/diff): added, removed, changed, risky, secret. */
class PlanDiffTest {
    static final Path FIXTURES = Path.of("src/tools/src/test/resources/plan/diff");
    static final String LEAKED = "Leaked-Password-99";

    private String stdout;
    private String stderr;

    private int diff(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanDiff.run(List.of(args), FIXTURES.toAbsolutePath(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void findsAddedRemovedAndChangedResourcesByUrn() throws Exception {
        var changes = PlanComparison.compare(read("before.json"), read("after.json"));
        assertThat(changes).extracting(ResourceChange::name, ResourceChange::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("dsvm-dev-vmss", ResourceChange.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("dsvm-dev-lb", ResourceChange.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("dsvm-dev-nsg", ResourceChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("dsvm-dev-share", ResourceChange.Kind.REMOVED));
        assertThat(PlanComparison.compare(read("before.json"), read("before.json"))).isEmpty();
    }

    @Test
    void textShowsPropertiesByPathWithOldAndNewValues() {
        assertThat(diff("before.json", "after.json")).isEqualTo(PlanDiff.OK);
        assertThat(stdout).startsWith("stack dev: 1 added, 1 removed, 2 changed, 2 RISKY\n")
                .contains("inboundNatPools[0].frontendPortRangeEnd: 50003 -> 50009")
                .contains("inboundNatPools[1].frontendPortRangeEnd: 51003 -> 51009")
                .contains("sku.name: \"Standard_D2s_v3\" -> \"Standard_D4s_v3\"")
                .contains("virtualMachineProfile.extensionProfile.extensions[0].forceUpdateTag: \"aaaa1111\" -> \"bbbb2222\"")
                .contains("(dependencies): (added) \"urn:pulumi:dev::dsvm-pool::pulumi:pulumi:Stack$dsvm-pool:index:"
                        + "DsvmPool$azure-native:network:PublicIPAddress::dsvm-dev-ip\"")
                .contains("+ azure-native:network:NetworkSecurityGroup  dsvm-dev-nsg")
                .contains("- azure-native:storage:FileShare  dsvm-dev-share  RISKY");
        assertThat(stderr).isEmpty();
    }

    @Test
    void flagsChangesAzureCannotApplyInPlace() {
        diff("before.json", "after.json");
        assertThat(stdout).contains("RISKY: a NAT pool in use by the scale set")
                .contains("RISKY: removes a protected resource");
        assertThat(stdout.lines().filter(line -> line.contains("sku.name")).findFirst().orElseThrow())
                .doesNotContain("RISKY");
    }

    @Test
    void secretChangesShowNoValuesEvenWhenASecretIsNoLongerMarked() {
        diff("before.json", "after.json");
        assertThat(stdout).contains("virtualMachineProfile.osProfile.adminPassword: removed (secret)")
                .contains("virtualMachineProfile.osProfile.adminPassword.value: added (secret)")
                .doesNotContain(LEAKED);
        // An unchanged marker is no change: the secret's content cannot be compared, the visible tag shows it.
        assertThat(stdout).doesNotContain("protectedSettings");
        diff("before.json", "after.json", "--markdown");
        assertThat(stdout).doesNotContain(LEAKED).contains("adminPassword: removed (secret)");
    }

    @Test
    void markdownHasAHeadingAWarningATableAndDetails() {
        assertThat(diff("before.json", "after.json", "--markdown")).isEqualTo(PlanDiff.OK);
        assertThat(stdout).startsWith("### Plan diff: `dev`\n")
                .contains("**1 added, 1 removed, 2 changed, 2 RISKY**")
                .contains("> [!WARNING]")
                .contains("> - `dsvm-dev-share` (FileShare): removes a protected resource")
                .contains("| ~ ⚠️ | `dsvm-dev-lb` | `azure-native:network:LoadBalancer` |")
                .contains("| + | `dsvm-dev-nsg` |")
                .contains("<details><summary><code>dsvm-dev-lb</code>")
                .contains("inboundNatPools[0].frontendPortRangeEnd: 50003 -> 50009   <- RISKY");
        diff("before.json", "before.json", "--markdown");
        assertThat(stdout).contains("No changes");
    }

    // Bad input: ToolsBadInputTest, with every tool's exact messages and exit codes.

    private static Plan read(String name) throws Exception {
        return PlanJson.read(Files.readString(FIXTURES.resolve(name)));
    }
}
