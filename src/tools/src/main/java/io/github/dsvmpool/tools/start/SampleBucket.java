package io.github.dsvmpool.tools.start;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where one CPU sample of the cold program falls. Frames are {@code class.method}, innermost first, as JFR
 * records them; the first bucket whose test holds wins, so the order below is the order of precedence
 * (a class loaded for the SDK's alias work counts as alias work).
 */
enum SampleBucket {
    /** The SDK's own task loop polling and rendering in-flight tasks (gone with {@code CallbackRunner}). */
    SDK_TASK_POLLING("SDK task loop polling its tasks", anyFrame("DeploymentImpl$DefaultRunner.checkForTasks")),
    /** Protobuf text rendering of every request and response for debug lines, formatted at any log level. */
    SDK_DEBUG_TEXT("SDK rendering requests for debug logs", anyFrame("com.google.protobuf.TextFormat")),
    /** azure-native's aliases for every past API version of each type, turned into outputs and specs. */
    SDK_ALIASES("SDK aliases (one per past API version)", anyFrame("com.pulumi.deployment.internal.AliasSerializer")
            .or(anyFrame("com.pulumi.resources.Resource.computeAliases"))
            .or(anyFrame(".makeResourceOptions"))),
    /** The SDK's mock monitor and this project's recording of it: absent under the real engine. */
    MOCK_ENGINE("mock engine and its recording", anyFrame("com.pulumi.test.internal.MockMonitor")
            .or(anyFrame("io.github.dsvmpool.offline.Recording"))),
    CLASS_LOADING("class loading", anyFrame("java.lang.ClassLoader.loadClass")
            .or(anyFrame("java.lang.ClassLoader.defineClass"))),
    /** Lambda and string-concatenation call sites linked on first use. */
    CALL_SITE_LINKING("lambda and call-site linking", anyFrame("java.lang.invoke.LambdaMetafactory")
            .or(anyFrame("java.lang.invoke.StringConcatFactory"))
            .or(anyFrame("java.lang.invoke.MethodHandleNatives.linkCallSite"))),
    /** This project's code with no SDK frame inside it: configuration, plans, script rendering. */
    POOL_CODE("the pool's own code", frames -> innermostApplicationFrame(frames)
            .filter(frame -> frame.startsWith("io.github.dsvmpool.")).isPresent()),
    /** Reflection over each resource's arguments and their conversion to the wire format. */
    SDK_INPUTS("SDK serialising inputs (reflection)", anyFrame("com.pulumi.resources.InputArgs")
            .or(anyFrame("com.pulumi.serialization.internal.Serializer"))
            .or(anyFrame("com.pulumi.core.internal.annotations.ImportMetadata"))),
    /** The engine's answer turned into each resource's typed outputs. */
    SDK_OUTPUTS("SDK converting answers to outputs", anyFrame("com.pulumi.serialization.internal.Deserializer")
            .or(anyFrame("com.pulumi.serialization.internal.Converter"))
            .or(anyFrame("com.pulumi.core.internal.annotations.ExportMetadata"))),
    /** Everything else the SDK does: preparing and sending registrations, outputs and their futures. */
    SDK_REGISTRATION("SDK registration, outputs, futures", anyFrame("com.pulumi.")),
    OTHER("other (JDK, JIT-side, GC)", frames -> true);

    private final String label;
    private final Predicate<List<String>> test;

    SampleBucket(String label, Predicate<List<String>> test) {
        this.label = label;
        this.test = test;
    }

    String label() {
        return label;
    }

    /**
     * The bucket of a sample, or empty when it is outside the program's run: the program's own thread runs
     * {@code App.stack}; the SDK's asynchronous work runs on fork/join workers.
     */
    static Optional<SampleBucket> of(List<String> frames) {
        boolean inProgram = frames.stream().anyMatch(frame -> frame.endsWith("io.github.dsvmpool.App.stack")
                || frame.startsWith("java.util.concurrent.ForkJoinWorkerThread.run"));
        if (!inProgram) {
            return Optional.empty();
        }
        for (SampleBucket bucket : values()) {
            if (bucket.test.test(frames)) {
                return Optional.of(bucket);
            }
        }
        return Optional.of(OTHER);
    }

    /** The innermost frame that is neither the JDK's nor a generated lambda class's. */
    private static Optional<String> innermostApplicationFrame(List<String> frames) {
        return frames.stream().filter(frame -> !frame.startsWith("java.") && !frame.startsWith("jdk.")
                && !frame.startsWith("sun.") && !frame.contains("$$Lambda")).findFirst();
    }

    private static Predicate<List<String>> anyFrame(String part) {
        return frames -> frames.stream().anyMatch(frame -> frame.contains(part));
    }
}
