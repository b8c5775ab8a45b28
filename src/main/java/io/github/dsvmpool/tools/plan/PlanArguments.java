package io.github.dsvmpool.tools.plan;

import java.nio.file.Path;
import java.util.List;

/** The command line of {@link OfflinePlan}: {@code <stack> [--out DIR]}. */
record PlanArguments(String stack, Path outputFolder) {
    static final String USAGE = "usage: OfflinePlan <stack> [--out DIR]   (default DIR: target/plan/<stack>)";

    /** @throws PlanInputException with the usage when the arguments do not fit */
    static PlanArguments parse(List<String> args, Path projectDirectory) throws PlanInputException {
        String stack = null;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--out")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new PlanInputException("--out needs a folder\n" + USAGE);
                }
                out = projectDirectory.resolve(args.get(++i));
            } else if (arg.startsWith("-")) {
                throw new PlanInputException("unknown option " + arg + "\n" + USAGE);
            } else if (stack == null) {
                stack = arg;
            } else {
                throw new PlanInputException("one stack at a time, got '" + stack + "' and '" + arg + "'\n" + USAGE);
            }
        }
        if (stack == null) {
            throw new PlanInputException("which stack? e.g. dev or prod\n" + USAGE);
        }
        return new PlanArguments(stack, out != null ? out : projectDirectory.resolve("target/plan/" + stack));
    }
}
