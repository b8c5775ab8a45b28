package io.github.dsvmpool.problems;

import java.util.ArrayList;
import java.util.List;

/** Collects every configuration problem so that all of them are reported in one error. */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    public Problems add(String setting, Object value, String allowed) {
        problems.add(new Problem(setting, value == null ? null : String.valueOf(value), allowed));
        return this;
    }

    public Problems add(Problem problem) {
        problems.add(problem);
        return this;
    }

    public Problems addAll(List<Problem> more) {
        problems.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Throws one exception naming every problem collected so far; does nothing when there is none. */
    public void throwIfAny(String subject) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(subject, list());
        }
    }
}
