package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a production pool deployed without zones, then planned with the zones its new default gives it. The
 * diff a reviewer reads flags the scale set and the entry address as replaced because of zones, and says how to keep
 * the old graph; Trusted Launch alone is an in-place change.
 */
class ZonesPlanDiffTest {
    @TempDir
    Path project;

    private Plan plan(String name, String extraLine) throws Exception {
        String text = Files.readString(Path.of("Pulumi.prod.yaml"));
        String changed = text.replace("  dsvm-pool:production: \"true\"\n", "  dsvm-pool:production: \"true\"\n" + extraLine);
        Files.writeString(project.resolve("Pulumi.prod.yaml"), changed);
        Path out = project.resolve("plans/" + name);
        var err = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of("prod", "--out", out.toString()), project, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(OfflinePlan.OK);
        return PlanJson.read(Files.readString(out.resolve("plan.json")));
    }

    @Test
    void movingAnExistingProductionPoolIntoZonesIsFlaggedOnTheScaleSetAndTheAddress() throws Exception {
        var before = plan("before", "  dsvm-pool:zones: none\n  dsvm-pool:trustedLaunch: \"false\"\n");
        var after = plan("after", "");
        var changes = PlanComparison.compare(before, after);
        assertThat(changes).filteredOn(ResourceChange::isRisky).extracting(ResourceChange::type)
                .containsExactlyInAnyOrder("azure-native:compute:VirtualMachineScaleSet",
                        "azure-native:network:PublicIPAddress");
        assertThat(changes).filteredOn(ResourceChange::isRisky).allSatisfy(change -> assertThat(change.allRisks())
                .anySatisfy(risk -> assertThat(risk).contains("zones", "zones: none")));
        var scaleSet = changes.stream().filter(change -> change.type().endsWith("VirtualMachineScaleSet"))
                .findFirst().orElseThrow();
        assertThat(scaleSet.changes()).filteredOn(property -> property.path().startsWith("virtualMachineProfile"
                + ".securityProfile")).isNotEmpty().allSatisfy(property -> assertThat(property.risk()).isEmpty());
    }

    @Test
    void keepingZonesNoneLeavesTheProductionGraphAsItWas() throws Exception {
        var changes = PlanComparison.compare(plan("first", "  dsvm-pool:zones: none\n"),
                plan("second", "  dsvm-pool:zones: \"[]\"\n"));
        assertThat(changes).isEmpty();
    }
}
