package io.github.dsvmpool.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any resource is declared when settings are invalid; lists every problem at once. */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidConfigurationException(String subject, List<Problem> problems) {
        super(describe(subject, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * For the offline tools, which deploy nothing anyway: {@code invalid configuration in Pulumi.dev.yaml
     * (2 invalid settings):} and one line per problem.
     */
    public String describe(String file) {
        return "invalid configuration in " + file + " (" + count(problems) + "):\n" + lines(problems);
    }

    private static String describe(String subject, List<Problem> problems) {
        return count(problems) + " in " + subject + "; nothing was deployed:\n" + lines(problems);
    }

    private static String count(List<Problem> problems) {
        return problems.size() + " invalid setting" + (problems.size() == 1 ? "" : "s");
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"));
    }
}
