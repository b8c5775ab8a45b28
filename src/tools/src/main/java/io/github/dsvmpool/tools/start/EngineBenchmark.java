package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.tools.Median;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a user waits for under the real engine: {@code pulumi preview} of a new stack (nothing deployed, so every
 * resource is planned and none is read) for each {@link EngineVariant}, alternately in one run, after warm-up
 * previews that are not counted (the first Maven start of a copy compiles). The real CLI, engine and Java host
 * stand-in come from PATH and PULUMI_HOME as {@code toolchain/install --print-env} sets them; azure-native is the
 * stand-in. Nothing here fails on slowness: it reports.
 */
final class EngineBenchmark {
    record Result(Map<EngineVariant, List<EngineProject.Preview>> previews) {
        long median(EngineVariant variant) {
            return Median.of(previews.get(variant), EngineProject.Preview::millis);
        }

        int toCreate(EngineVariant variant) {
            return previews.get(variant).get(0).toCreate();
        }

        double ratio(EngineVariant over, EngineVariant under) {
            return (double) median(over) / median(under);
        }
    }

    private final Path project;
    private final String stack;

    EngineBenchmark(Path project, String stack) {
        this.project = project;
        this.stack = stack;
    }

    Result run(int runs, int warmup, PrintWriter progress) throws IOException, InterruptedException {
        String home = System.getenv("PULUMI_HOME");
        if (home == null || !Files.isDirectory(Path.of(home, "plugins"))) {
            throw new IllegalStateException("no PULUMI_HOME with the toolchain's plugins: run through ./benchmark"
                    + " --engine, or after eval \"$(toolchain/install --print-env)\" (docs/toolchain.md)");
        }
        Path root = Files.createTempDirectory("dsvm-engine-benchmark");
        try {
            Path pulumiHome = EngineProject.sandboxHome(Path.of(home), root);
            var projects = new EnumMap<EngineVariant, EngineProject>(EngineVariant.class);
            var previews = new EnumMap<EngineVariant, List<EngineProject.Preview>>(EngineVariant.class);
            for (EngineVariant variant : EngineVariant.values()) {
                projects.put(variant, EngineProject.create(variant, project,
                        Files.createDirectories(root.resolve(variant.name().toLowerCase())), pulumiHome, stack));
                previews.put(variant, new ArrayList<>());
            }
            for (int i = 0; i < warmup + runs; i++) {
                var line = new StringBuilder(i < warmup ? "  warm-up " + (i + 1) + ":" : "  run " + (i - warmup + 1) + ":");
                for (EngineVariant variant : EngineVariant.values()) {
                    EngineProject.Preview preview = projects.get(variant).preview();
                    if (i >= warmup) {
                        previews.get(variant).add(preview);
                    }
                    line.append(String.format(" %s %d ms;", variant.name().toLowerCase(), preview.millis()));
                }
                progress.println(line);
                progress.flush();
            }
            return new Result(previews);
        } finally {
            deleteTree(root);
        }
    }

    static void print(Result result, int runs, PrintWriter out) {
        out.printf("  pulumi preview of a new stack, medians of %d:%n", runs);
        for (EngineVariant variant : EngineVariant.values()) {
            out.printf("  %-40s %6d ms  (%d to create)%n", variant.label + ":", result.median(variant),
                    result.toCreate(variant));
        }
        out.printf("  dev stack / one-resource program: jar start %.2f, Maven start %.2f%n",
                result.ratio(EngineVariant.POOL_JAR, EngineVariant.MINIMAL_JAR),
                result.ratio(EngineVariant.POOL_MAVEN, EngineVariant.MINIMAL_MAVEN));
        out.printf("  jar start / Maven start: dev stack %.2f, one-resource program %.2f%n",
                result.ratio(EngineVariant.POOL_JAR, EngineVariant.POOL_MAVEN),
                result.ratio(EngineVariant.MINIMAL_JAR, EngineVariant.MINIMAL_MAVEN));
        long callback = result.median(EngineVariant.POOL_JAR);
        long sdk = result.median(EngineVariant.POOL_JAR_SDK_RUNNER);
        // Also per run: the two previews of one run ran next to each other, under the same load.
        var callbackRuns = result.previews().get(EngineVariant.POOL_JAR);
        var sdkRuns = result.previews().get(EngineVariant.POOL_JAR_SDK_RUNNER);
        var saved = new ArrayList<Long>();
        for (int i = 0; i < callbackRuns.size(); i++) {
            saved.add(sdkRuns.get(i).millis() - callbackRuns.get(i).millis());
        }
        out.printf("  task runner, dev stack, jar start: callback (ProgramLaunch) / SDK (Pulumi.run) %.2f;"
                + " callback saves %d ms, %.1f%% of the SDK runner's preview (median per run: %d ms)%n",
                (double) callback / sdk, sdk - callback, 100.0 * (sdk - callback) / sdk, Median.of(saved));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
