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

    private static String describe(String subject, List<Problem> problems) {
        return problems.size() + " invalid setting" + (problems.size() == 1 ? "" : "s") + " in " + subject
                + "; nothing was deployed:\n"
                + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"));
    }
}
