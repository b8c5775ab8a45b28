package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.launch.BuildLayout;
import java.util.List;

/**
 * The commands the Pulumi Java host runs for one `pulumi preview` or `up` (pulumi-java pkg/internal/executors):
 * plugin discovery, then the program. The Maven executor uses ./mvnw when the project has it. In this build the
 * program is one module of several (src/stack): the Maven path builds that module and the ones it needs
 * ({@code -pl src/stack -am}), which is what the host's {@code compile exec:java} would do for a project whose
 * Pulumi.yaml sat in src/stack.
 */
record HostCommands(String name, List<String> discovery, List<String> launch) {
    static final String BOOTSTRAP = "com.pulumi.bootstrap.internal.Main";

    static HostCommands maven() {
        return new HostCommands("maven path (./mvnw compile exec:java)",
                List.of("./mvnw", "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "-pl",
                        BuildLayout.STACK_MODULE, "-am", "compile", "exec:java", "-DmainClass=" + BOOTSTRAP,
                        "-DmainArgs=packages"),
                List.of("./mvnw", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "--no-transfer-progress", "-pl",
                        BuildLayout.STACK_MODULE, "-am", "compile", "exec:java"));
    }

    static HostCommands jar(String java, String jar) {
        return new HostCommands("jar path (java -jar " + jar + ")",
                List.of(java, "-cp", jar, BOOTSTRAP, "packages"),
                List.of(java, "-jar", jar));
    }
}
