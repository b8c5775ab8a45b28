package io.github.dsvmpool.offline;

import com.pulumi.Context;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under the SDK's mock engine with a stack file's configuration: no cloud, no
 * credentials. The public test API cannot pass configuration, so this uses the SDK's internal test builder,
 * pinned with the SDK version in pom.xml.
 */
public final class OfflineRun {
    public static final String PROJECT = "dsvm-pool";

    /** What the program did: the engine's result and every resource it registered. */
    public record Outcome(TestResult result, List<Registration> registrations) {
    }

    private OfflineRun() {
    }

    public static Outcome run(StackFile stack, Consumer<Context> program) {
        var monitor = new RecordingMonitor(new RecordingMocks());
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(PROJECT).stackName(stack.stackName()).preview(false)
                            .build())
                    .mocks(new RecordingMocks())
                    .monitorDecorator(ignored -> monitor)
                    .config(stack.config(), stack.secretKeys())
                    .build()
                    .runTest(program);
            return new Outcome(result, monitor.registrations());
        } finally {
            // The SDK keeps the deployment in a global; the next run must start clean.
            PulumiTestInternal.cleanup();
        }
    }
}
