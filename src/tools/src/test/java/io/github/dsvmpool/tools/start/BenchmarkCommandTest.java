package io.github.dsvmpool.tools.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.ToolContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./benchmark}'s command line: bad usage is refused in one line with exit 2 before anything is measured. */
class BenchmarkCommandTest {
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new ToolContext(Path.of(""), Path.of(""), Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        int code = Cli.commandLine(new Benchmark(context), context).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--runs 0       | benchmark: --runs takes 1-100 runs, got 0",
            "--runs 101     | benchmark: --runs takes 1-100 runs, got 101",
            "--runs many    | 'many' is not a whole number",
            "--stack nope   | benchmark: unknown stack 'nope'",
            "--stack ../dev | benchmark: ",
            "--fast         | benchmark: Unknown option: '--fast'"})
    void badUsageIsRefusedBeforeAnythingIsMeasured(String args, String message) {
        var result = run(args.split(" "));
        assertThat(result.exitCode()).isEqualTo(Cli.BAD_USAGE);
        assertThat(result.err()).contains(message);
        assertThat(result.out()).doesNotContain("host start");
    }

    @ParameterizedTest
    @CsvSource({"--help", "-h"})
    void helpListsTheOptionsAndExitCodes(String flag) {
        var result = run(flag);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--runs=N", "--stack=STACK", "--profile", "Exit codes:");
    }
}
