package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16.3: a platform engineer changes maxInstanceCount in a stack file; the plan diff a reviewer reads has
 * nothing risky in it and leaves the per-VM NAT rules alone (they used to be cut to the maximum).
 */
class NewMaximumPlanDiffTest {
    @TempDir
    Path project;

    private Plan plan(String stack, String maximum) throws Exception {
        String text = Files.readString(Path.of("Pulumi." + stack + ".yaml"));
        String changed = text.replaceAll("dsvm-pool:maxInstanceCount: \"\\d+\"",
                "dsvm-pool:maxInstanceCount: \"" + maximum + "\"");
        assertThat(changed).contains("dsvm-pool:maxInstanceCount: \"" + maximum + "\"");
        Files.writeString(project.resolve("Pulumi." + stack + ".yaml"), changed);
        Path out = project.resolve("plans/" + maximum);
        var err = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of(stack, "--out", out.toString()), project, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(OfflinePlan.OK);
        return PlanJson.read(Files.readString(out.resolve("plan.json")));
    }

    @ParameterizedTest(name = "{0}: maxInstanceCount {1} -> {2}")
    @CsvSource({"dev, 4, 40", "prod, 20, 46", "prod, 46, 20"})
    void aNewMaximumIsOneUpdateWithNothingRisky(String stack, String before, String after) throws Exception {
        var changes = PlanComparison.compare(plan(stack, before), plan(stack, after));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.kind()).isEqualTo(ResourceChange.Kind.CHANGED);
            assertThat(change.allRisks()).as(change.name()).isEmpty();
            assertThat(change.changes()).noneMatch(property -> property.path().startsWith("inboundNatRules")
                    || property.path().equals("singlePlacementGroup"));
        });
    }

    @org.junit.jupiter.api.Test
    void beyondWhatTheEntryAddressHoldsOnlyTheOutboundAddressesChangeAndTheDiffSaysSo() throws Exception {
        // 150 VMs x 1,024 SNAT ports need more than the entry address has left (47,184): a NAT gateway.
        var changes = PlanComparison.compare(plan("prod", "20"), plan("prod", "150"));
        assertThat(changes).filteredOn(ResourceChange::isRisky).isNotEmpty().allSatisfy(change ->
                assertThat(change.allRisks()).allSatisfy(risk -> assertThat(risk).contains("outbound")));
        assertThat(changes).flatExtracting(ResourceChange::changes).noneMatch(property ->
                property.path().startsWith("inboundNatRules") || property.path().equals("singlePlacementGroup"));
    }
}
