package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.inputs.SecurityRuleArgs;
import io.github.dsvmpool.App;
import io.github.dsvmpool.rules.AzureRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every offline plan checks Azure's rules on the registered graph, and says so in summary.md and its exit code. */
class OfflinePlanAzureRulesTest {
    @TempDir
    Path project;

    private String stdout;
    private String stderr;

    private int plan(String stack, Consumer<Context> program) throws Exception {
        for (String committed : List.of("dev", "prod", "windows")) {
            Files.copy(Path.of("Pulumi." + committed + ".yaml"), project.resolve("Pulumi." + committed + ".yaml"));
        }
        Files.copy(Path.of("src/tools/src/test/resources/plan/stacks/Pulumi.thousand.yaml"), project.resolve("Pulumi.thousand.yaml"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of(stack, "--out", project.resolve("out").toString()), project, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                program);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String summary() throws Exception {
        return Files.readString(project.resolve("out/summary.md"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "windows", "thousand"})
    void theCommittedStacksAndAThousandVmPoolKeepEveryRule(String stack) throws Exception {
        assertThat(plan(stack, App::stack)).as(stderr).isEqualTo(OfflinePlan.OK);
        int rules = AzureRules.all().size();
        assertThat(stdout).contains("Azure rules: all " + rules + " hold");
        String summary = summary();
        assertThat(summary).contains("## Azure deployment rules", "All " + rules + " rules hold on this graph.")
                .doesNotContain("BROKEN");
        AzureRules.all().forEach(rule -> assertThat(summary).contains("| `" + rule.id() + "` | holds |"));
    }

    @Test
    void theWindowsPlanSaysHowManyPeopleItServesAndHowTheyComeIn() throws Exception {
        assertThat(plan("windows", App::stack)).as(stderr).isEqualTo(OfflinePlan.OK);
        assertThat(summary()).contains("| pool entry | Remote Desktop 3389 (any available VM, client-IP affinity) |")
                .contains("| per-VM Remote Desktop ports | 54000-55049 → 3390 of one VM each (→ 3389) |")
                .contains("| users served at once | 2 per VM (Windows Server without Remote Desktop Services licensing):"
                        + " at most 4 at the schedule's ceiling of 2 VMs")
                .contains("users -->|\"Remote Desktop 3389\"|", "per user-hour")
                .doesNotContain("per-VM SSH ports", "JupyterHub 8000");
    }

    @Test
    void aThousandVmPlanShowsItsRealCeilingAndItsOutboundDesign() throws Exception {
        assertThat(plan("thousand", App::stack)).as(stderr).isEqualTo(OfflinePlan.OK);
        assertThat(summary()).contains("| VMs the schedule allows (floor / initial / ceiling) | 0 / 10 / 1000 |")
                .contains("| per-VM SSH ports | 50000-51049 → 2222")
                .contains("| outbound | NAT gateway with 16 public IP(s): 1024 ports per VM, 1024000 of 1032192 available |");
    }

    @Test
    void aGraphThatBreaksARuleExitsOneNamingTheRuleAndShowsItInTheSummary() throws Exception {
        Consumer<Context> withRogueRule = ctx -> {
            App.stack(ctx);
            new NetworkSecurityGroup("rogue-nsg", NetworkSecurityGroupArgs.builder()
                    .resourceGroupName("rogue-rg")
                    .securityRules(SecurityRuleArgs.builder()
                            .name("tag-in-plural").priority(200).direction("Inbound").access("Allow").protocol("Tcp")
                            .sourceAddressPrefixes("Internet").sourcePortRange("*")
                            .destinationAddressPrefix("*").destinationPortRange("22").build())
                    .build());
        };
        assertThat(plan("dev", withRogueRule)).isEqualTo(OfflinePlan.FAILED);
        assertThat(stderr).contains("Azure would refuse this graph")
                .contains("BROKEN nsg-tags-only-in-singular-prefix [SecurityRuleParameterContainsUnsupportedValue]")
                .contains("rogue-nsg").contains("securityRules[0].sourceAddressPrefixes[0]");
        assertThat(summary()).contains("**BROKEN** (1)").contains("### Broken rules")
                .contains("#### `nsg-tags-only-in-singular-prefix`");
    }
}
