package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --help} and {@code -h} of every subcommand: its usage on stdout, its exit codes, exit 0, nothing run. */
class ToolsHelpTest {
    @TempDir
    Path project;

    @ParameterizedTest(name = "./plan {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "''        | --help | Usage: plan [-h] [--out=DIR] [STACK] [COMMAND]                 | --out=DIR",
            "''        | -h     | Usage: plan [-h] [--out=DIR] [STACK] [COMMAND]                 | benchmark",
            "diff      | --help | Usage: plan diff [-h] [--markdown] BEFORE AFTER                 | --markdown",
            "diff      | -h     | Usage: plan diff [-h] [--markdown] BEFORE AFTER                 | AFTER",
            "benchmark | --help | Usage: plan benchmark [-h] [--once=PROGRAM] [--runner=RUNNER]   | callback",
            "benchmark | -h     | Usage: plan benchmark [-h] [--once=PROGRAM] [--runner=RUNNER]   | --warmup=N",
            "cost      | --help | Usage: plan cost [-h] [--currency=CODE] [--dir=DIR]             | --price-per-vm-hour=PRICE",
            "cost      | -h     | Usage: plan cost [-h] [--currency=CODE] [--dir=DIR]             | Built-in prices are approximate USD"})
    void eachSubcommandPrintsItsUsageAndExitCodes(String subcommand, String flag, String usage, String detail) {
        var args = new ArrayList<String>(subcommand.isEmpty() ? List.of() : List.of(subcommand));
        args.add(flag);
        // Help wins over missing arguments: ./plan cost --help needs no stack.
        var result = Tools.run(project, project, args);
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith(usage).contains(detail).contains("Exit codes:");
        assertThat(Arrays.stream(result.out().split("\n")).filter(line -> line.matches("\\s+[012]\\s{3}.*")).count())
                .as("the exit codes it can end with are listed").isGreaterThanOrEqualTo(2);
        assertThat(project.resolve("target")).doesNotExist();
    }
}
