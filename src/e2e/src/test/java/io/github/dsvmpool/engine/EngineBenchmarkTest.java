package io.github.dsvmpool.engine;

import io.github.dsvmpool.launch.BuildLayout;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./benchmark --engine} once (one run, no warm-up), as the script starts it after
 * {@code toolchain/install --print-env}: every preview ran the program it names (the dev stack plans more than
 * the one-resource program, Pulumi.run plans the same as the callback runner) and every figure is positive.
 * No time threshold: this machine is shared, the figures are for docs/benchmarks.md.
 */
@Tag("engine")
@ExtendWith(WallTime.class)
class EngineBenchmarkTest {
    private static final Pattern PREVIEW = Pattern.compile(
            "^  (.+?): +(\\d+) ms  \\((\\d+) to create\\)$", Pattern.MULTILINE);
    private static final String NUMBER = "(\\d+\\.\\d\\d)";

    @TempDir
    Path temp;

    @Test
    void measuresEveryVariantOnceAndPrintsMediansAndRatios() throws IOException, InterruptedException {
        EngineToolchain toolchain = EngineToolchain.require();
        if (!Files.isExecutable(toolchain.plugins().resolve(ProjectShell.AZURE_NATIVE_PLUGIN)
                .resolve("pulumi-resource-azure-native"))) {
            Skip.becauseOf("the Pulumi toolchain lacks the azure-native stand-in; build it with toolchain/install");
        }
        String output = benchmark(toolchain, "--engine", "--runs", "1", "--warmup", "0");

        assertThat(output).contains("1 runs of each after 0 warm-up").containsPattern("(?m)^  run 1: .+$")
                .contains("pulumi preview of a new stack, medians of 1:");
        Matcher preview = PREVIEW.matcher(output);
        List<String> labels = new ArrayList<>();
        List<Integer> toCreate = new ArrayList<>();
        while (preview.find()) {
            labels.add(preview.group(1));
            assertThat(Long.parseLong(preview.group(2))).as(preview.group()).isPositive();
            toCreate.add(Integer.parseInt(preview.group(3)));
        }
        assertThat(labels).containsExactly("dev stack, jar start", "one-resource program, jar start",
                "dev stack, Maven start", "one-resource program, Maven start", "dev stack, jar start, Pulumi.run");
        // The stack and its resource group for the one-resource program; the pool's graph for the dev stack, the
        // same under each start and each task runner.
        assertThat(toCreate.get(1)).isEqualTo(2);
        assertThat(toCreate.get(3)).isEqualTo(2);
        assertThat(toCreate.get(0)).isGreaterThan(10);
        assertThat(List.of(toCreate.get(2), toCreate.get(4))).containsOnly(toCreate.get(0));

        assertPositive(output, "dev stack / one-resource program: jar start " + NUMBER + ", Maven start " + NUMBER);
        assertPositive(output, "jar start / Maven start: dev stack " + NUMBER + ", one-resource program " + NUMBER);
        assertPositive(output, "callback \\(ProgramLaunch\\) / SDK \\(Pulumi.run\\) " + NUMBER
                + "; callback saves -?\\d+ ms, -?\\d+\\.\\d% of the SDK runner's preview \\(median per run: -?\\d+ ms\\)");
    }

    private static void assertPositive(String output, String line) {
        Matcher matcher = Pattern.compile(line).matcher(output);
        assertThat(matcher.find()).as("a line matching " + line + " in\n" + output).isTrue();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            assertThat(Double.parseDouble(matcher.group(group))).as(matcher.group()).isPositive();
        }
    }

    /** The benchmark's Java part with the environment ./benchmark gives it (the toolchain's PATH and PULUMI_HOME). */
    private String benchmark(EngineToolchain toolchain, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", BuildLayout.TOOLS_JAR, "io.github.dsvmpool.tools.start.Benchmark"));
        command.addAll(List.of(args));
        Path out = temp.resolve("benchmark.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(toolchain.offlineEnvironment());
        builder.environment().put("PATH", toolchain.bin() + ":" + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("PULUMI_HOME", toolchain.plugins().getParent().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(ended && process.exitValue() == 0).as(String.join(" ", command) + " succeeded:\n" + output).isTrue();
        return output;
    }
}
