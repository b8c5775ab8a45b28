package io.github.dsvmpool.tools.plan;

import io.github.dsvmpool.App;
import io.github.dsvmpool.tools.cli.ToolContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs {@code ./plan}'s command line in-process, from a given folder, as a user would type it. */
final class Tools {
    /** What one command printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private Tools() {
    }

    static Result run(Path project, Path workingDirectory, List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new ToolContext(project, workingDirectory, Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        int code = OfflinePlan.commandLine(context, App::stack).execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** A project folder with the committed dev stack and the test fixtures (broken YAML, invalid settings). */
    static Path projectWithStacks(Path project) throws Exception {
        Files.createDirectories(project);
        Files.copy(Path.of("Pulumi.dev.yaml"), project.resolve("Pulumi.dev.yaml"));
        for (String stack : List.of("broken", "invalid")) {
            Files.copy(Path.of("src/tools/src/test/resources/plan/stacks/Pulumi." + stack + ".yaml"),
                    project.resolve("Pulumi." + stack + ".yaml"));
        }
        return project;
    }
}
