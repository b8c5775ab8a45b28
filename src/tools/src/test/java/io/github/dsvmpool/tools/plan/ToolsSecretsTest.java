package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password under a misspelt key or namespace appears in no tool's output and no plan file. */
class ToolsSecretsTest {
    static final String LEAKY = "Leaky-Password-99";
    static final String BASE = """
            config:
              dsvm-pool:location: westeurope
              dsvm-pool:allowedSourceRanges: [203.0.113.0/24]
            """;

    @TempDir
    Path project;

    @Test
    void aMisspeltPasswordKeyFailsThePlanAndTheCostReportWithoutItsValue() throws Exception {
        Files.writeString(project.resolve("Pulumi.typo.yaml"), BASE + "  dsvm-pool:adminPasword: " + LEAKY + "\n");
        for (List<String> args : List.of(List.of("typo", "--out", "out"), List.of("cost", "typo"),
                List.of("benchmark", "--stack", "typo", "--once", "pool"))) {
            var result = Tools.run(project, project, args);
            assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
            assertThat(result.err()).contains("  - adminPasword: not a setting of this project; did you mean"
                    + " adminPassword?");
            assertThat(result.out() + result.err()).doesNotContain(LEAKY);
        }
        assertThat(project.resolve("out")).doesNotExist();
    }

    @Test
    void aPasswordInANearMissNamespaceIsWarnedAboutByNameAndNeverWritten() throws Exception {
        Files.writeString(project.resolve("Pulumi.ns.yaml"), BASE + "  dsvmpool:adminPassword: " + LEAKY + "\n");
        var result = Tools.run(project, project, List.of("ns", "--out", "out"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("plan: warning: configuration key 'dsvmpool:adminPassword' is ignored: its"
                + " namespace 'dsvmpool' is not this project's; did you mean dsvm-pool:adminPassword?");
        assertThat(result.out() + result.err()).doesNotContain(LEAKY);
        try (Stream<Path> files = Files.list(project.resolve("out"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(LEAKY);
            }
        }
        var cost = Tools.run(project, project, List.of("cost", "ns"));
        assertThat(cost.err()).contains("plan cost: warning: configuration key 'dsvmpool:adminPassword'");
        assertThat(cost.out() + cost.err()).doesNotContain(LEAKY);
    }
}
