package io.github.dsvmpool.tools.plan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PlanDiff <before.json> <after.json> [--markdown]}: what is added, removed and changed between two
 * offline plans, property by property, with changes Azure cannot apply in place flagged as risky.
 *
 * <p>Exit codes: 0 the diff was printed (whatever it holds; gate on risky changes in review, not here);
 * 2 bad input (arguments, unreadable file, not a plan, plans of different stacks or formats).
 */
public final class PlanDiff {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    static final String USAGE = "usage: PlanDiff <before.json> <after.json> [--markdown]";

    private PlanDiff() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of("").toAbsolutePath(), System.out, System.err));
    }

    public static int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err) {
        boolean markdown = false;
        var files = new ArrayList<Path>();
        for (String arg : args) {
            if (arg.equals("--markdown")) {
                markdown = true;
            } else if (arg.startsWith("-")) {
                err.println("plan diff: unknown option " + arg + "\n" + USAGE);
                return BAD_INPUT;
            } else {
                files.add(workingDirectory.resolve(arg));
            }
        }
        if (files.size() != 2) {
            err.println("plan diff: give two plan files\n" + USAGE);
            return BAD_INPUT;
        }
        try {
            Plan before = read(files.get(0));
            Plan after = read(files.get(1));
            if (!before.stack().equals(after.stack()) || !before.project().equals(after.project())) {
                err.println("plan diff: the plans are of different stacks (" + before.project() + "/" + before.stack()
                        + " and " + after.project() + "/" + after.stack() + ")");
                return BAD_INPUT;
            }
            List<ResourceChange> changes = PlanComparison.compare(before, after);
            out.print(markdown ? DiffReport.markdown(after.stack(), changes) : DiffReport.text(after.stack(), changes));
            return OK;
        } catch (PlanInputException e) {
            err.println("plan diff: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static Plan read(Path file) throws PlanInputException {
        try {
            return PlanJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlanInputException("cannot read " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new PlanInputException(file + ": " + e.getMessage(), e);
        }
    }
}
