package io.github.dsvmpool.engine;

import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Pulumi toolchain as {@code toolchain/install --print-env} describes it: the command is run every time
 * (it reuses its cache in a fraction of a second, and builds what is missing). If it cannot deliver, the test
 * fails on CI and is skipped locally, saying why.
 */
record EngineToolchain(Path bin, Path plugins, Map<String, String> offlineEnvironment) {
    static final String RANDOM_PLUGIN = "resource-random-v4.21.1";
    private static final Pattern PATH_LINE = Pattern.compile("^export PATH=(.+):\"\\$PATH\"$");
    private static final Pattern EXPORT_LINE = Pattern.compile("^export ([A-Z_]+)=(.*)$");
    // A cold build of every piece takes 10-20 minutes on 2 CPUs.
    private static final long INSTALL_MINUTES = 40;

    static EngineToolchain require() {
        Path install = Path.of("toolchain", "install").toAbsolutePath();
        String how = "build it with `" + install + "` (docs/toolchain.md)";
        if (!Files.isExecutable(install)) {
            Skip.becauseOf("no toolchain/install at " + install + "; run the tests from the project folder");
        }
        String printed;
        try {
            Path log = Files.createTempFile("toolchain-install", ".log");
            Process process = new ProcessBuilder(install.toString(), "--print-env")
                    .redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            if (!ended || process.exitValue() != 0) {
                Skip.becauseOf("the Pulumi toolchain could not be built (" + (ended ? "exit " + process.exitValue()
                        : "over " + INSTALL_MINUTES + " min") + "); " + how + ":\n" + Files.readString(log));
            }
            Files.delete(log);
        } catch (IOException e) {
            Skip.becauseOf("toolchain/install could not run: " + e + "; " + how);
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return parse(printed, how);
    }

    /** Reads the export lines; every piece the engine tests need must be where they say. */
    static EngineToolchain parse(String printed, String how) {
        Path bin = null;
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            Matcher path = PATH_LINE.matcher(line);
            Matcher export = EXPORT_LINE.matcher(line);
            if (path.matches()) {
                bin = Path.of(unquote(path.group(1)));
            } else if (export.matches()) {
                environment.put(export.group(1), unquote(export.group(2)));
            }
        }
        String home = environment.remove("PULUMI_HOME");
        if (bin == null || home == null) {
            Skip.becauseOf("toolchain/install --print-env printed no PATH or PULUMI_HOME:\n" + printed);
        }
        Path plugins = Path.of(home, "plugins");
        for (Path needed : new Path[] {bin.resolve("pulumi"), bin.resolve("pulumi-language-java"),
            plugins.resolve(RANDOM_PLUGIN).resolve("pulumi-resource-random")}) {
            if (!Files.isExecutable(needed)) {
                Skip.becauseOf("the Pulumi toolchain lacks " + needed + "; " + how);
            }
        }
        return new EngineToolchain(bin, plugins, Map.copyOf(environment));
    }

    /** Undoes bash's printf %q for the characters a path may hold (backslash escapes). */
    private static String unquote(String value) {
        return value.replaceAll("\\\\(.)", "$1");
    }
}
