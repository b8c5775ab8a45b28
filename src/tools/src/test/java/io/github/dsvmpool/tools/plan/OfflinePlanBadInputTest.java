package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives a clear message, a non-zero exit code and no plan files. */
class OfflinePlanBadInputTest {
    @TempDir
    Path project;

    private Path out;
    private String stdout;
    private String stderr;

    @BeforeEach
    void projectWithFixtureStacks() throws Exception {
        Files.copy(Path.of("Pulumi.dev.yaml"), project.resolve("Pulumi.dev.yaml"));
        for (String stack : List.of("broken", "invalid")) {
            Files.copy(Path.of("src/tools/src/test/resources/plan/stacks/Pulumi." + stack + ".yaml"),
                    project.resolve("Pulumi." + stack + ".yaml"));
        }
        out = project.resolve("plans/out");
    }

    private int plan(String... args) {
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of(args), project, Map.of(),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        stdout = outBytes.toString(StandardCharsets.UTF_8);
        stderr = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void badUsageWritesNothing() {
        assertThat(plan()).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(stderr).contains("which stack?").contains("usage: plan [-h] [--out=DIR] [STACK] [COMMAND]");
        assertThat(plan("dev", "--out")).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(plan("dev", "--verbose")).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(stderr).contains("Unknown option: '--verbose'");
        assertThat(plan("dev", "prod")).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void anUnknownStackNamesTheKnownOnes() {
        assertThat(plan("staging", "--out", out.toString())).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(stderr).contains("unknown stack 'staging'").contains("Pulumi.staging.yaml does not exist")
                .contains("known stacks: broken, dev, invalid");
        assertThat(stdout).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aNameThatIsNotAStackNameIsRefusedBeforeAnyPathIsBuilt() {
        assertThat(plan("../dev")).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(stderr).contains("'../dev' is not a stack name");
    }

    @Test
    void aMissingStackFileSaysThereAreNone(@TempDir Path empty) {
        var errBytes = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of("dev"), empty, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("does not exist")
                .contains("no stack files found there");
        assertThat(empty.resolve("target")).doesNotExist();
    }

    @Test
    void malformedYamlIsReportedWithTheFileAndNoPlan() {
        assertThat(plan("broken", "--out", out.toString())).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(stderr).contains("Pulumi.broken.yaml is not valid YAML");
        assertThat(out).doesNotExist();
    }

    @Test
    void invalidConfigurationListsEveryProblemAndRemovesTheStalePlan() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), "{\"stale\": true}");
        assertThat(plan("invalid", "--out", out.toString())).isEqualTo(OfflinePlan.FAILED);
        assertThat(stderr).contains("plan: offline plan of invalid failed: invalid configuration in Pulumi.invalid.yaml")
                .contains("poolName", "adminUsername", "shareQuotaGiB", "maxInstanceCunt")
                .contains("removed the previous plan");
        assertThat(stderr.lines().filter(line -> line.startsWith("  - ")).count()).isGreaterThanOrEqualTo(4);
        assertThat(stderr).doesNotContain(OfflinePlan.PLACEHOLDER_PASSWORD);
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderHoldingOtherFilesIsNeverReplacedOrRemoved() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThat(plan("dev", "--out", out.toString())).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(stderr).contains("refusing to replace output folder").contains("notes.txt");
        assertThat(plan("invalid", "--out", out.toString())).isEqualTo(OfflinePlan.BAD_INPUT);
        assertThat(out.toFile().list()).containsExactly("notes.txt");
    }

    @Test
    void aGoodRunReplacesThePreviousPlanWhole() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), "old summary");
        assertThat(plan("dev", "--out", out.toString())).as(stderr).isEqualTo(OfflinePlan.OK);
        assertThat(out.toFile().list()).containsExactlyInAnyOrder("tree.txt", "plan.json", "summary.md");
        assertThat(Files.readString(out.resolve("summary.md"))).startsWith("## Offline plan: `dev`");
        assertThat(out.getParent().toFile().list()).containsExactly("out");
    }
}
