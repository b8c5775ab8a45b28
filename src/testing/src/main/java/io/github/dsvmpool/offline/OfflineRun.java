package io.github.dsvmpool.offline;

import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.dsvmpool.launch.CallbackRunner;
import io.github.dsvmpool.launch.ProgramLaunch;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under the SDK's mock engine with a stack file's configuration: no cloud, no
 * credentials. The public test API cannot pass configuration, so this uses the SDK's internal test builder,
 * pinned with the SDK version in pom.xml.
 */
public final class OfflineRun {
    public static final String PROJECT = "dsvm-pool";

    /** Which task runner the deployment uses. */
    public enum TaskRunner {
        /**
         * The program's own, as {@code App.main} runs it on the real engine ({@link CallbackRunner}, with the
         * {@link ProgramLaunch#install redacting engine logger}).
         */
        CALLBACK,
        /** The SDK's polling runner and plain engine logger, as {@code Pulumi.run} would use: for comparisons. */
        SDK
    }

    /** What the program did: the engine's result and every resource it registered. */
    public record Outcome(TestResult result, List<Registration> registrations) {
    }

    private OfflineRun() {
    }

    /** The program with the runner {@code App.main} uses on the real engine. */
    public static Outcome run(StackFile stack, Consumer<Context> program) {
        return run(stack, program, TaskRunner.CALLBACK);
    }

    /**
     * One run, or two when the first failed by the SDK's dependency race alone ({@link SdkDependencyRace}): the
     * second run's result is the outcome, checked like any other, and the retry is printed.
     */
    public static Outcome run(StackFile stack, Consumer<Context> program, TaskRunner runner) {
        var outcome = runOnce(stack, program, runner);
        if (!SdkDependencyRace.struck(outcome.result().exceptions())) {
            return outcome;
        }
        RACE_RETRIES.incrementAndGet();
        System.err.println("[offline] the Java SDK's dependency race failed a registration (docs/decisions/023-sdk-dependency-race.md):"
                + " running the program once more");
        return runOnce(stack, program, runner);
    }

    /** How many runs in this JVM were repeated for the SDK's dependency race. */
    public static int raceRetries() {
        return RACE_RETRIES.get();
    }

    private static final java.util.concurrent.atomic.AtomicInteger RACE_RETRIES =
            new java.util.concurrent.atomic.AtomicInteger();

    private static Outcome runOnce(StackFile stack, Consumer<Context> program, TaskRunner runner) {
        var monitor = new RecordingMonitor(new RecordingMocks());
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(PROJECT).stackName(stack.stackName()).preview(false)
                            .build())
                    .mocks(new RecordingMocks())
                    .monitorDecorator(ignored -> monitor)
                    .config(stack.config(), stack.secretKeys())
                    .deploymentFactory(state -> new DeploymentImpl(runner == TaskRunner.CALLBACK
                            ? ProgramLaunch.install(state) : state))
                    .build()
                    .runTest(program);
            return new Outcome(result, monitor.registrations());
        } finally {
            // The SDK keeps the deployment in a global; the next run must start clean.
            PulumiTestInternal.cleanup();
        }
    }
}
