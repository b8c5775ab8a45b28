package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.launch.CommonPool;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./benchmark [--runs 5] [--stack dev]}: both start-up figures of issue 9, each beside its target,
 * measured in one run on this machine. Nothing fails on slowness: it reports.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        CommonPool.ensureParallelism();
        List<String> arguments = List.of(args);
        int runs = Integer.parseInt(option(arguments, "--runs", "5"));
        String stack = option(arguments, "--stack", "dev");
        Path project = Path.of("").toAbsolutePath();
        System.out.printf("dsvm-pool start-up benchmark: %d runs of each, alternately (java %s, %d CPUs)%n", runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        System.out.println("host start: plugin discovery + launch until the program contacts the engine");
        var host = new HostStartBenchmark(project, stack).run(runs, System.out);
        System.out.println("program evaluation: cold, a fresh JVM per run, under the mock engine, same classpath");
        var program = new ColdProgramBenchmark(project, stack).run(runs, System.out);

        System.out.println("results:");
        HostStartBenchmark.print(host, System.out);
        ColdProgramBenchmark.print(program, System.out);
        System.exit(0);
    }

    private static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }
}
