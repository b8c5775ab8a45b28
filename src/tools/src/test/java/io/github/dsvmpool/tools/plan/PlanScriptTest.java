package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./plan} script itself, run by bash from a folder whose name has spaces: arguments reach the tool
 * unchanged (spaces, quotes), relative paths are the caller's, the exit code is the tool's. {@code PLAN_NO_BUILD}
 * skips the compile (the test run has just compiled; a nested compile would rewrite the classes under test).
 */
@Tag("slow") // ./mvnw verify: runs ./plan with the packaged tools
class PlanScriptTest {
    static final Path SCRIPT = Path.of("plan").toAbsolutePath();

    @TempDir
    static Path temp;
    static Path here;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void callersFolder() throws Exception {
        here = Files.createDirectories(temp.resolve("where I typed"));
        Path plans = Files.createDirectories(here.resolve("two plans"));
        Files.copy(Path.of("src/tools/src/test/resources/plan/diff/before.json"), plans.resolve("before plan.json"));
        Files.copy(Path.of("src/tools/src/test/resources/plan/diff/after.json"), plans.resolve("it's after.json"));
    }

    static Run plan(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(here.toFile());
        builder.environment().put("PLAN_NO_BUILD", "1");
        builder.redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./plan " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Run(process.exitValue(), Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void passesPathsWithSpacesAndQuotesUnchangedAndRelativeToTheCaller() throws Exception {
        var run = plan("diff", "two plans/before plan.json", "two plans/it's after.json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("stack dev:").contains("RISKY");
    }

    @Test
    void writesThePlanWhereTheCallerSaysAndEndsWithTheToolsExitCode() throws Exception {
        var run = plan("dev", "--out", "my plan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(here.resolve("my plan/summary.md")).exists();

        var bad = plan("benchmark", "--runs", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("plan benchmark: --runs takes 1-1000 runs, got 0\n").doesNotContain("\tat ");
    }

    @Test
    void helpOfASubcommandThroughTheScript() throws Exception {
        var run = plan("cost", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: plan cost");
    }
}
