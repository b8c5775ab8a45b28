package io.github.dsvmpool.tools.plan;

import com.pulumi.Context;
import io.github.dsvmpool.App;
import io.github.dsvmpool.tools.CostReport;
import io.github.dsvmpool.config.StackConfiguration;
import io.github.dsvmpool.config.StackSettings;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.rules.RuleReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code OfflinePlan <stack> [--out DIR]}: runs the real stack program with {@code Pulumi.<stack>.yaml} under
 * the mock engine (no cloud, no credentials) and writes {@code tree.txt}, {@code plan.json} and
 * {@code summary.md} to DIR (default {@code target/plan/<stack>}).
 *
 * <p>Every plan is checked against the table of Azure's deployment rules ({@link AzureRules}) on the graph the
 * program registered; {@code summary.md} lists every rule that holds and each one broken, with its resource,
 * property, source and what to change.
 *
 * <p>Exit codes: 0 plan written, every Azure rule holds; 1 the program failed (e.g. invalid configuration,
 * every problem listed), or an Azure rule is broken (the plan files are then written, so that the summary
 * shows the broken rules, and the console names each one); 2 bad input (arguments, unknown stack, unreadable
 * stack file, unusable output folder). When the program fails no plan file is written and a previous plan in
 * DIR is removed, so that a stale plan never passes for this one.
 */
public final class OfflinePlan {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** The real password is not in the committed stack files; a plan never needs it, only a valid stand-in. */
    public static final String ADMIN_PASSWORD_VARIABLE = "DSVM_PLAN_ADMIN_PASSWORD";
    public static final String PLACEHOLDER_PASSWORD = "Offline-Plan-Placeholder-1";

    private OfflinePlan() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of("").toAbsolutePath(), System.getenv(), System.out, System.err));
    }

    /** The whole command, without {@code System.exit}: returns the exit code. */
    public static int run(List<String> args, Path projectDirectory, Map<String, String> environment,
                          PrintStream out, PrintStream err) {
        return run(args, projectDirectory, environment, out, err, App::stack);
    }

    /** The command with another program in place of the stack's: how tests give it a graph that breaks a rule. */
    static int run(List<String> args, Path projectDirectory, Map<String, String> environment, PrintStream out,
                   PrintStream err, Consumer<Context> program) {
        long start = System.nanoTime();
        PlanArguments arguments;
        try {
            arguments = PlanArguments.parse(args, projectDirectory);
        } catch (PlanInputException e) {
            err.println("offline plan: " + e.getMessage());
            return BAD_INPUT;
        }
        Path folder = arguments.outputFolder();
        try {
            // Checked before anything else so that a refused folder is never touched, not even cleaned up.
            StackFiles.checkName(arguments.stack());
            PlanOutput.checkReplaceable(folder);
        } catch (PlanInputException e) {
            err.println("offline plan: " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            StackFile stack = StackFiles.read(projectDirectory, arguments.stack())
                    .withSecret(OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD, adminPassword(environment));
            StackSettings settings = PlanRun.settings(stack);
            PlanRun.Timed timed = PlanRun.run(stack, program);
            RuleReport rules = AzureRules.check(timed.registrations());
            PlanOutput.replace(folder, files(settings, timed.plan(), rules));
            long total = (System.nanoTime() - start) / 1_000_000;
            out.printf("offline plan of %s: %d resources -> %s (%s)%n", stack.stackName(),
                    timed.plan().resources().size(), folder, String.join(", ", PlanOutput.FILE_NAMES));
            out.printf("wall time: program %d ms, total %d ms%n", timed.programMillis(), total);
            if (!rules.broken().isEmpty()) {
                err.println("offline plan of " + stack.stackName() + ": Azure would refuse this graph (plan files"
                        + " written to " + folder + ", broken rules in summary.md):");
                err.print(rules.text());
                return FAILED;
            }
            out.print(rules.text());
            return OK;
        } catch (PlanInputException e) {
            err.println("offline plan: " + e.getMessage());
            removePrevious(folder, err);
            return BAD_INPUT;
        } catch (PlanFailedException e) {
            err.println("offline plan of " + arguments.stack() + " failed: " + e.getMessage());
            removePrevious(folder, err);
            return FAILED;
        } catch (IOException e) {
            err.println("offline plan: cannot write " + folder + ": " + e.getMessage());
            removePrevious(folder, err);
            return FAILED;
        }
    }

    /** The three plan files, made from one masked {@link Plan} and the Azure-rules report of its graph. */
    static Map<String, String> files(StackSettings settings, Plan plan, RuleReport rules) {
        PlanFacts facts = PlanFacts.of(settings, plan);
        var files = new LinkedHashMap<String, String>();
        files.put("tree.txt", ResourceTree.render(plan));
        files.put("plan.json", PlanJson.write(plan));
        files.put("summary.md", PlanSummary.render(plan, facts, ignored -> CostReport.summaryLine(settings.pool()))
                + "\n" + rules.markdown());
        return files;
    }

    static String adminPassword(Map<String, String> environment) {
        String given = environment.get(ADMIN_PASSWORD_VARIABLE);
        return given == null || given.isEmpty() ? PLACEHOLDER_PASSWORD : given;
    }

    private static void removePrevious(Path folder, PrintStream err) {
        try {
            if (PlanOutput.removePrevious(folder)) {
                err.println("removed the previous plan in " + folder + " (it no longer matches the stack)");
            }
        } catch (IOException e) {
            err.println("could not remove the previous plan in " + folder + ": " + e.getMessage());
        }
    }
}
