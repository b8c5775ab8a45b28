package io.github.dsvmpool.engine;

import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI and the project's own scripts in a {@link ProjectCopy} as a user would, offline: HOME is the
 * copy's home (so {@code ./deploy} keeps its passphrases there), PULUMI_HOME a sandbox with only the toolchain's
 * plugins (made by {@link PulumiSandbox}), {@code java} on PATH from this test's JDK (17 or 25), no backend URL
 * and no passphrase from the caller's environment, and the azure-native stand-in recording to {@link #record()}.
 */
final class ProjectShell {
    static final String AZURE_NATIVE_PLUGIN = "resource-azure-native-v2.10.0";
    private static final long COMMAND_MINUTES = 5;

    private final EngineToolchain toolchain;
    private final ProjectCopy copy;
    private final Path pulumiHome;
    private final StandinRecord record;
    private final Path driftFile;

    private ProjectShell(EngineToolchain toolchain, ProjectCopy copy, Path pulumiHome, Path root) {
        this.toolchain = toolchain;
        this.copy = copy;
        this.pulumiHome = pulumiHome;
        this.record = new StandinRecord(root.resolve("standin-record.jsonl"));
        this.driftFile = root.resolve("standin-drift.json");
    }

    /** The toolchain (skipped or failed as {@link EngineToolchain#require()} says), the stand-in included. */
    static ProjectShell open(Path root, ProjectCopy copy) throws IOException {
        EngineToolchain toolchain = EngineToolchain.require();
        Path standin = toolchain.plugins().resolve(AZURE_NATIVE_PLUGIN).resolve("pulumi-resource-azure-native");
        if (!Files.isExecutable(standin)) {
            Skip.becauseOf("the Pulumi toolchain lacks the azure-native stand-in " + standin
                    + "; build it with toolchain/install (docs/standin.md)");
        }
        Path pulumiHome = root.resolve("pulumi-home");
        io.github.dsvmpool.tools.start.EngineFiles.linkPlugins(toolchain.plugins(), pulumiHome.resolve("plugins"));
        return new ProjectShell(toolchain, copy, pulumiHome, root);
    }

    StandinRecord record() {
        return record;
    }

    /** Changes "behind Pulumi's back" from now on (STANDIN_DRIFT_FILE, docs/standin.md). */
    void drift(String json) throws IOException {
        Files.writeString(driftFile, json);
    }

    /** {@code ./deploy ARGS}: the script finds or makes its own passphrase. */
    PulumiSandbox.Result deploy(String... args) {
        List<String> command = new ArrayList<>(List.of("./deploy"));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /** {@code pulumi ARGS --stack STACK --non-interactive} with the passphrase {@code ./deploy} made for STACK. */
    PulumiSandbox.Result pulumi(String stack, String... args) {
        return run(pulumiCommand(stack, args), copy.passphraseFile(stack));
    }

    /** The same without any passphrase. */
    PulumiSandbox.Result pulumiWithoutPassphrase(String stack, String... args) {
        return run(pulumiCommand(stack, args), null);
    }

    /** A bash script in the project folder, with extra environment variables. */
    PulumiSandbox.Result bash(String script, Map<String, String> environment) {
        return run(List.of("bash", "-c", script), null, environment);
    }

    private List<String> pulumiCommand(String stack, String... args) {
        List<String> command = new ArrayList<>(List.of(toolchain.bin().resolve("pulumi").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--stack", stack, "--non-interactive"));
        return command;
    }

    private PulumiSandbox.Result run(List<String> command, Path passphraseFile) {
        return run(command, passphraseFile, Map.of());
    }

    private PulumiSandbox.Result run(List<String> command, Path passphraseFile, Map<String, String> extra) {
        try {
            Path out = Files.createTempFile(pulumiHome, "out", ".txt");
            Path err = Files.createTempFile(pulumiHome, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(copy.project().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            for (String inherited : List.of("PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE",
                    "PULUMI_CONFIG_PASSPHRASE_FILE", "PULUMI_ACCESS_TOKEN", "PULUMI_HOME", "PULUMI_STACK")) {
                env.remove(inherited);
            }
            env.putAll(toolchain.offlineEnvironment());
            String javaHome = System.getProperty("java.home");
            // The Java host and ./deploy start `java` from PATH: this test's JDK first, then the toolchain.
            env.put("PATH", Path.of(javaHome, "bin") + ":" + toolchain.bin() + ":"
                    + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("JAVA_HOME", javaHome);
            env.put("HOME", copy.home().toString());
            env.put("PULUMI_HOME", pulumiHome.toString());
            env.put("STANDIN_RECORD", record.file().toString());
            env.put("STANDIN_DRIFT_FILE", driftFile.toString());
            if (passphraseFile != null) {
                env.put("PULUMI_CONFIG_PASSPHRASE_FILE", passphraseFile.toString());
            }
            env.putAll(extra);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran over " + COMMAND_MINUTES + " minutes\n"
                        + Files.readString(out) + "\n" + Files.readString(err));
            }
            return new PulumiSandbox.Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
