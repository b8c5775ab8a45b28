package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.App;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the offline plan command for a committed stack into a folder, keeping what a test needs to check it. */
record StackPlans(String stack, int exitCode, String stdout, String stderr, Path folder,
                  List<Registration> registrations) {

    static final Path PROJECT = Path.of("").toAbsolutePath();

    static StackPlans run(String stack, Path folder, Map<String, String> environment) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = OfflinePlan.run(List.of(stack, "--out", folder.toString()), PROJECT, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        // The same program again, unmasked, to know which values are secret and what they hold.
        StackFile stackFile = StackFile.read(StackFiles.path(PROJECT, stack)).withSecret("dsvm-pool:adminPassword",
                OfflinePlan.adminPassword(environment));
        var raw = OfflineRun.run(stackFile, App::stack);
        assertThat(raw.result().exceptions()).isEmpty();
        return new StackPlans(stack, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                folder, raw.registrations());
    }

    String file(String name) throws Exception {
        return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    }
}
