package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.github.dsvmpool.network.PrivateSubnet;
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
 * Issue 21: the pool's subnet moved to the versioned type with an alias to the old one. A deployed stack's plan
 * (the subnet as {@code azure-native:network:Subnet}, without defaultOutboundAccess) against today's: the diff
 * shows one subnet updated in place, not a subnet removed and another added.
 */
class PrivateSubnetPlanDiffTest {
    @TempDir
    Path out;

    private Plan today(String stack) throws Exception {
        var err = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of(stack, "--out", out.resolve(stack).toString()), StackPlans.PROJECT, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(OfflinePlan.OK);
        return PlanJson.read(Files.readString(out.resolve(stack).resolve("plan.json")));
    }

    /** The plan as the stack had it before: the previous type in every URN, no property, no alias. */
    private static Plan deployedBefore(Plan today) {
        return new Plan(today.project(), today.stack(), today.resources().stream().map(resource -> {
            JsonObject inputs = resource.inputs();
            boolean subnet = resource.type().equals(PrivateSubnet.TYPE);
            if (subnet) {
                inputs.remove("defaultOutboundAccess");
            }
            return new PlannedResource(old(resource.urn()), subnet ? PrivateSubnet.PREVIOUS_TYPE : resource.type(),
                    resource.name(), old(resource.parentUrn()), resource.custom(),
                    resource.dependencies().stream().map(PrivateSubnetPlanDiffTest::old).toList(), resource.protect(),
                    resource.retainOnDelete(), resource.ignoreChanges(), List.of(), inputs);
        }).toList());
    }

    private static String old(String urn) {
        return urn.replace("$" + PrivateSubnet.TYPE + "::", "$" + PrivateSubnet.PREVIOUS_TYPE + "::");
    }

    @Test
    void aDeployedSubnetIsUpdatedInPlaceInDevAndProd() throws Exception {
        for (String stack : List.of("dev", "prod")) {
            Plan after = today(stack);
            var changes = PlanComparison.compare(deployedBefore(after), after);
            assertThat(changes).as(stack).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(ResourceChange.Kind.CHANGED);
                assertThat(change.type()).isEqualTo(PrivateSubnet.TYPE);
                assertThat(change.changes()).extracting(PropertyChange::path)
                        .containsExactlyInAnyOrder("(type)", "defaultOutboundAccess");
                assertThat(change.allRisks()).singleElement().asString().contains("deallocated");
            });
        }
    }

    @Test
    void withoutTheAliasTheSameChangeIsARemovalAndAnAddition() throws Exception {
        Plan after = today("dev");
        Plan unaliased = new Plan(after.project(), after.stack(), after.resources().stream().map(resource ->
                new PlannedResource(resource.urn(), resource.type(), resource.name(), resource.parentUrn(),
                        resource.custom(), resource.dependencies(), resource.protect(), resource.retainOnDelete(),
                        resource.ignoreChanges(), List.of(), resource.inputs())).toList());
        var changes = PlanComparison.compare(deployedBefore(after), unaliased);
        assertThat(changes).extracting(ResourceChange::kind).contains(ResourceChange.Kind.ADDED,
                ResourceChange.Kind.REMOVED);
    }

    @Test
    void theAliasIsWrittenToPlanJsonAndReadBack() throws Exception {
        Plan after = today("dev");
        var subnet = after.ofType(PrivateSubnet.TYPE);
        assertThat(subnet).singleElement().satisfies(resource -> assertThat(resource.aliases())
                .containsExactly(old(resource.urn())));
        // The SDK's own aliases to other API versions of a resource's type are left out of the plan.
        assertThat(after.resources()).filteredOn(resource -> !resource.type().equals(PrivateSubnet.TYPE))
                .allSatisfy(resource -> assertThat(resource.aliases()).isEmpty());
    }
}
