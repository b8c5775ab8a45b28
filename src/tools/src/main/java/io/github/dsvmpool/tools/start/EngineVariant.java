package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.App;
import io.github.dsvmpool.launch.BuildLayout;
import io.github.dsvmpool.tools.plan.MinimalProgram;
import java.util.List;

/**
 * One way the engine benchmark runs {@code pulumi preview}: which program (the stack's or the one-resource one),
 * through which start of the Java host (the jar of {@code runtime.options.binary}, or Maven when the copy's
 * Pulumi.yaml names no binary), and with which main class.
 */
enum EngineVariant {
    POOL_JAR("dev stack, jar start", Start.JAR, App.class),
    MINIMAL_JAR("one-resource program, jar start", Start.JAR, MinimalProgramMain.class),
    POOL_MAVEN("dev stack, Maven start", Start.MAVEN, App.class),
    MINIMAL_MAVEN("one-resource program, Maven start", Start.MAVEN, MinimalProgramMain.class, MinimalProgram.class),
    POOL_JAR_SDK_RUNNER("dev stack, jar start, Pulumi.run", Start.JAR, SdkRunnerMain.class);

    enum Start { JAR, MAVEN }

    final String label;
    final Start start;
    final Class<?> mainClass;
    /** For the Maven start of a tools' program: the tools' classes it needs besides its main class. */
    final List<Class<?>> toolSources;

    EngineVariant(String label, Start start, Class<?> mainClass, Class<?>... toolSources) {
        this.label = label;
        this.start = start;
        this.mainClass = mainClass;
        this.toolSources = List.of(toolSources);
    }

    /** The copy's program jar: the build's own for App, else a thin jar naming it beside it (see EngineProject). */
    String jar() {
        return mainClass == App.class ? BuildLayout.PROGRAM_JAR
                : BuildLayout.STACK_MODULE + "/target/" + mainClass.getSimpleName() + ".jar";
    }
}
