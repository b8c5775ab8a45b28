package io.github.dsvmpool.problems;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any resource is declared when settings are invalid; lists every problem at once. */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * Creates the error with a message listing every problem.
     *
     * @param subject  what was checked, e.g. {@code DsvmPool 'analytics'} or {@code the stack configuration}
     * @param problems every problem found, at least one
     */
    public InvalidConfigurationException(String subject, List<Problem> problems) {
        super(describe(subject, problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, in the order found.
     *
     * @return an unmodifiable list
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * For the offline tools, which deploy nothing anyway: {@code invalid configuration in Pulumi.dev.yaml
     * (2 invalid settings):} and one line per problem.
     *
     * @param file the stack file the problems come from
     * @return the description
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
