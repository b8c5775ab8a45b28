package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tool's bad input, as typed after {@code ./plan}: the exact first line on stderr, the exit code (2 bad
 * usage or input, 1 the configuration failed), nothing on stdout, no stack trace. {@code {project}} and
 * {@code {here}} stand for the project folder and the folder the command is typed in.
 */
class ToolsBadInputTest {
    @TempDir
    static Path temp;
    static Path project;
    static Path here;

    @BeforeAll
    static void projectAndPlans() throws Exception {
        project = Tools.projectWithStacks(temp.resolve("project"));
        Files.writeString(project.resolve("Pulumi.gpu.yaml"), """
                config:
                  dsvm-pool:location: westeurope
                  dsvm-pool:allowedSourceRanges: [203.0.113.0/24]
                  dsvm-pool:vmSize: Standard_NC24ads_A100_v4
                """);
        here = Files.createDirectories(temp.resolve("here"));
        Path fixtures = Path.of("src/tools/src/test/resources/plan/diff");
        String after = Files.readString(fixtures.resolve("after.json"));
        Files.copy(fixtures.resolve("before.json"), here.resolve("before.json"));
        Files.writeString(here.resolve("not.json"), "{\"schemaVersion\": 1,");
        Files.writeString(here.resolve("colon.json"), "{\"schemaVersion\" 1}");
        Files.writeString(here.resolve("list.json"), "[1, 2]");
        Files.writeString(here.resolve("future.json"), after.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        Files.writeString(here.resolve("prod.json"), after.replace("\"stack\": \"dev\"", "\"stack\": \"prod\""));
        Files.writeString(here.resolve("noinputs.json"), after.replaceFirst("\"inputs\":", "\"input\":"));
        Files.writeString(here.resolve("noresources.json"), "{\"schemaVersion\": 1, \"project\": \"dsvm-pool\"}");
    }

    static Stream<Arguments> badInputs() {
        String known = "known stacks: broken, dev, gpu, invalid";
        return Stream.of(
                // plan
                arguments(List.of(), 2, "plan: which stack? e.g. dev or prod (" + known + ")"),
                arguments(List.of("dev", "--verbose"), 2, "plan: Unknown option: '--verbose'"),
                arguments(List.of("dev", "prod"), 2, "plan: Unmatched argument at index 1: 'prod'"),
                arguments(List.of("dev", "--out"), 2, "plan: Missing required parameter for option '--out' (DIR)"),
                arguments(List.of("dev", "--out", " "), 2, "plan: --out needs a folder"),
                arguments(List.of("../dev"), 2, "plan: '../dev' is not a stack name: use letters, digits, '-', '_' or '.'"),
                arguments(List.of("staging"), 2, "plan: unknown stack 'staging': {project}/Pulumi.staging.yaml does not"
                        + " exist; " + known),
                arguments(List.of("broken", "--out", "out"), 2, "plan: cannot read stack file: {project}/Pulumi.broken.yaml"
                        + " is not valid YAML: while parsing a flow sequence"),
                arguments(List.of("invalid", "--out", "out"), 1, "plan: offline plan of invalid failed: invalid"
                        + " configuration in Pulumi.invalid.yaml (4 invalid settings):"),
                // plan diff
                arguments(List.of("diff"), 2, "plan diff: Missing required parameters: 'BEFORE', 'AFTER'"),
                arguments(List.of("diff", "before.json"), 2, "plan diff: Missing required parameter: 'AFTER'"),
                arguments(List.of("diff", "before.json", "before.json", "third.json"), 2,
                        "plan diff: Unmatched argument at index 3: 'third.json'"),
                arguments(List.of("diff", "--html", "before.json", "before.json"), 2, "plan diff: Unknown option: '--html'"),
                arguments(List.of("diff", "before.json", "missing.json"), 2,
                        "plan diff: no such file or folder: {here}/missing.json"),
                arguments(List.of("diff", "before.json", "not.json"), 2,
                        "plan diff: {here}/not.json: not valid JSON: the text ends too early (line 1, column 21)"),
                arguments(List.of("diff", "before.json", "colon.json"), 2,
                        "plan diff: {here}/colon.json: not valid JSON: a ':' is missing after a property name (line 1, column 19)"),
                arguments(List.of("diff", "before.json", "list.json"), 2,
                        "plan diff: {here}/list.json: not a plan: the top level must be a JSON object"),
                arguments(List.of("diff", "before.json", "future.json"), 2,
                        "plan diff: {here}/future.json: schemaVersion 2: this tool reads plans of schemaVersion 1"),
                arguments(List.of("diff", "before.json", "noinputs.json"), 2, "plan diff: {here}/noinputs.json: not a"
                        + " plan of schemaVersion 1: resources[0].inputs is missing or not an object"),
                arguments(List.of("diff", "before.json", "noresources.json"), 2, "plan diff: {here}/noresources.json:"
                        + " not a plan of schemaVersion 1: resources is missing or not a list"),
                arguments(List.of("diff", "before.json", "prod.json"), 2,
                        "plan diff: the plans are of different stacks (dsvm-pool/dev and dsvm-pool/prod)"),
                // plan benchmark
                arguments(List.of("benchmark", "--runs", "0"), 2, "plan benchmark: --runs takes 1-1000 runs, got 0"),
                arguments(List.of("benchmark", "--runs", "ten"), 2,
                        "plan benchmark: Invalid value for option '--runs': 'ten' is not a whole number"),
                arguments(List.of("benchmark", "--warmup", "-1"), 2, "plan benchmark: --warmup takes 0-1000 runs, got -1"),
                arguments(List.of("benchmark", "--once", "foo"), 2, "plan benchmark: Invalid value for option '--once':"
                        + " expected one of [pool, minimal] (case-sensitive) but was 'foo'"),
                arguments(List.of("benchmark", "--runner", "fast"), 2, "plan benchmark: Invalid value for option"
                        + " '--runner': expected one of [callback, sdk] (case-sensitive) but was 'fast'"),
                arguments(List.of("benchmark", "--once"), 2,
                        "plan benchmark: Missing required parameter for option '--once' (PROGRAM)"),
                arguments(List.of("benchmark", "--stack", "staging", "--once", "pool"), 2,
                        "plan benchmark: unknown stack 'staging': {project}/Pulumi.staging.yaml does not exist; " + known),
                arguments(List.of("benchmark", "--stack", "invalid", "--once", "pool"), 1, "plan benchmark: the stack"
                        + " program failed: invalid configuration in Pulumi.invalid.yaml (4 invalid settings):"),
                // plan cost
                arguments(List.of("cost"), 2, "plan cost: Missing required parameter: 'STACK'"),
                arguments(List.of("cost", "staging"), 2,
                        "plan cost: no stack file {project}/Pulumi.staging.yaml (stacks are Pulumi.<stack>.yaml files)"),
                arguments(List.of("cost", "../dev"), 2,
                        "plan cost: '../dev' is not a stack name: use letters, digits, '-', '_' or '.'"),
                arguments(List.of("cost", "dev", "prod"), 2, "plan cost: Unmatched argument at index 2: 'prod'"),
                arguments(List.of("cost", "dev", "--currency", "EUR"), 2, "plan cost: --currency EUR needs both"
                        + " --price-per-vm-hour and --price-per-gib-month in EUR: the built-in prices are USD"),
                arguments(List.of("cost", "dev", "--currency", "EUR", "--price-per-vm-hour", "0.4"), 2,
                        "plan cost: --currency EUR needs both --price-per-vm-hour and --price-per-gib-month in EUR:"
                                + " the built-in prices are USD"),
                arguments(List.of("cost", "dev", "--currency", "euro"), 2,
                        "plan cost: --currency takes a three-letter ISO code such as EUR, got 'euro'"),
                arguments(List.of("cost", "dev", "--price-per-vm-hour", "cheap"), 2, "plan cost: Invalid value for"
                        + " option '--price-per-vm-hour': 'cheap' is not a price: write a number of 0 or more, such as 0.45"),
                arguments(List.of("cost", "dev", "--price-per-gib-month", "-1"), 2, "plan cost: Invalid value for"
                        + " option '--price-per-gib-month': '-1' is not a price: write a number of 0 or more, such as 0.45"),
                arguments(List.of("cost", "dev", "--price-per-vm-hour"), 2,
                        "plan cost: Missing required parameter for option '--price-per-vm-hour' (PRICE)"),
                arguments(List.of("cost", "gpu"), 2, "plan cost: no list price for Standard_NC24ads_A100_v4; pass"
                        + " --price-per-vm-hour (known sizes: [Standard_D2s_v3, Standard_D4s_v3, Standard_D8s_v3,"
                        + " Standard_NC4as_T4_v3])"),
                arguments(List.of("cost", "invalid"), 1,
                        "plan cost: invalid configuration in Pulumi.invalid.yaml (4 invalid settings):"));
    }

    @ParameterizedTest(name = "./plan {0} -> {1}: {2}")
    @MethodSource("badInputs")
    void eachBadInputIsNamedWithItsExitCodeAndNoStackTrace(List<String> args, int exitCode, String message) {
        var result = Tools.run(project, here, args);
        assertThat(result.firstErrorLine()).isEqualTo(message.replace("{project}", project.toString())
                .replace("{here}", here.toString()));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.")
                // The tools deploy nothing in any case; that is the program's message, not theirs.
                .doesNotContain("nothing was deployed");
        assertThat(here.resolve("out")).doesNotExist();
    }

    @ParameterizedTest(name = "./plan {0}")
    @MethodSource("badInputs")
    void usageErrorsShowTheSynopsisAndWhereToReadMore(List<String> args, int exitCode, String message) {
        var result = Tools.run(project, here, args);
        boolean usageError = message.contains("Missing required") || message.contains("Unknown option")
                || message.contains("Unmatched") || message.contains("Invalid value") || message.contains("which stack")
                || message.contains(" takes ") || message.contains("needs both") || message.contains("needs a folder");
        assertThat(result.err().contains("--help' for more information.")).as(result.err()).isEqualTo(usageError);
    }
}
