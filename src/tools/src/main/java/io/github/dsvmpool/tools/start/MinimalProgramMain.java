package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.App;
import io.github.dsvmpool.launch.ProgramLaunch;
import io.github.dsvmpool.tools.plan.MinimalProgram;

/** The one-resource program started exactly as the stack's main starts: the engine benchmark's reference. */
public final class MinimalProgramMain {
    private MinimalProgramMain() {
    }

    public static void main(String[] args) {
        App.start(MinimalProgram::stack, ProgramLaunch::run);
    }
}
