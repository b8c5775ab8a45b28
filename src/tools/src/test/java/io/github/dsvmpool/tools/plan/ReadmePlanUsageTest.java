package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.dsvmpool.App;
import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.ToolContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./plan} commands of README.md and docs/ are ones the tools accept: each is parsed (not run) by the
 * real command line, so a renamed option or subcommand fails here; and docs/development.md's exit-code table is
 * the tools' own.
 */
class ReadmePlanUsageTest {
    private static final Pattern COMMAND = Pattern.compile("^(?:\\$ )?\\./plan( [^#]*?)?\\s*(?:#.*)?$", Pattern.MULTILINE);

    /** README.md and every page under docs/, one after the other. */
    static String documents() throws IOException {
        var text = new StringBuilder(Files.readString(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            for (Path page : docs.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                text.append('\n').append(Files.readString(page));
            }
        }
        return text.toString();
    }

    @Test
    void everyPlanCommandInTheDocumentsParses() throws Exception {
        var matcher = COMMAND.matcher(documents());
        int commands = 0;
        while (matcher.find()) {
            String line = matcher.group(1) == null ? "" : matcher.group(1).trim();
            String[] args = line.isEmpty() ? new String[0] : line.split("\\s+");
            var context = new ToolContext(Path.of(""), Path.of(""), Map.of(), new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));
            assertThatCode(() -> OfflinePlan.commandLine(context, App::stack).parseArgs(args))
                    .as("./plan %s", line).doesNotThrowAnyException();
            commands++;
        }
        assertThat(commands).as("./plan commands found in README.md and docs/").isGreaterThanOrEqualTo(8);
    }

    @Test
    void theDocumentedExitCodeTableIsTheTools() throws Exception {
        String page = Files.readString(Path.of("docs", "development.md"));
        assertThat(page).contains("| exit code | meaning (every tool) |");
        for (int code : List.of(Cli.OK, Cli.FAILED, Cli.BAD_USAGE)) {
            assertThat(page).contains("| `" + code + "` |");
        }
        // Each tool's --help lists exit codes drawn from the same three.
        for (String subcommand : List.of("", "diff", "benchmark", "cost")) {
            var args = subcommand.isEmpty() ? List.of("--help") : List.of(subcommand, "--help");
            String help = Tools.run(Path.of(""), Path.of(""), args).out();
            String codes = help.substring(help.indexOf("Exit codes:"));
            assertThat(Arrays.stream(codes.split("\n")).filter(row -> row.matches("\\s+\\d\\s{3}.*"))
                    .map(row -> Integer.parseInt(row.trim().substring(0, 1)))).isSubsetOf(0, 1, 2).contains(0, 2);
        }
    }
}
