package io.github.dsvmpool.tools.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each sample lands in the first bucket that claims it; samples outside the program's run are not counted. */
class SampleBucketTest {
    private static final String PROGRAM = "io.github.dsvmpool.App.stack";
    private static final String WORKER = "java.util.concurrent.ForkJoinWorkerThread.run";

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(List.of("java.lang.StringBuilder.append", "java.util.Formatter.format",
                        "com.pulumi.deployment.internal.DeploymentImpl$DefaultRunner.checkForTasks", WORKER),
                        SampleBucket.SDK_TASK_POLLING),
                Arguments.of(List.of("com.google.protobuf.TextFormat$Printer.printField",
                        "com.pulumi.deployment.internal.DeploymentImpl$RegisterResource.lambda$registerResourceAsync$2",
                        "com.pulumi.resources.Resource.<init>", "io.github.dsvmpool.pool.PoolScaleSet.<init>", PROGRAM),
                        SampleBucket.SDK_DEBUG_TEXT),
                // Class loading for the alias work counts as alias work: aliases come first.
                Arguments.of(List.of("java.lang.ClassLoader.loadClass",
                        "com.pulumi.deployment.internal.AliasSerializer.serializeSpecAlias", WORKER),
                        SampleBucket.SDK_ALIASES),
                Arguments.of(List.of("com.pulumi.core.Alias$Builder.type",
                        "com.pulumi.azurenative.network.LoadBalancer.makeResourceOptions",
                        "com.pulumi.azurenative.network.LoadBalancer.<init>", PROGRAM),
                        SampleBucket.SDK_ALIASES),
                Arguments.of(List.of("com.pulumi.serialization.internal.Deserializer.deserialize",
                        "com.pulumi.test.internal.MockMonitor.registerResourceAsync",
                        "io.github.dsvmpool.offline.RecordingMonitor.registerResourceAsync", PROGRAM),
                        SampleBucket.MOCK_ENGINE),
                Arguments.of(List.of("java.util.zip.ZipFile.getEntry", "java.lang.ClassLoader.loadClass",
                        "io.github.dsvmpool.pool.DsvmPool.<init>", PROGRAM), SampleBucket.CLASS_LOADING),
                Arguments.of(List.of("java.lang.invoke.InnerClassLambdaMetafactory.spinInnerClass",
                        "java.lang.invoke.LambdaMetafactory.metafactory", "io.github.dsvmpool.plans.SubnetPlan.of",
                        PROGRAM), SampleBucket.CALL_SITE_LINKING),
                Arguments.of(List.of("sun.security.provider.SHA2.implCompress0",
                        "java.security.MessageDigest.update", "io.github.dsvmpool.vm.MountScript.digest",
                        "io.github.dsvmpool.pool.MountExtension.of", PROGRAM), SampleBucket.POOL_CODE),
                // Our frame outside, the SDK's inside: the SDK's work.
                Arguments.of(List.of("java.lang.reflect.Field.get",
                        "com.pulumi.resources.InputArgs$InputArgsInternal.toMapAsync",
                        "com.pulumi.resources.Resource.<init>", "io.github.dsvmpool.pool.PoolNetwork.<init>", PROGRAM),
                        SampleBucket.SDK_INPUTS),
                Arguments.of(List.of("java.lang.Class.getDeclaredMethods",
                        "com.pulumi.serialization.internal.Converter.tryConvertObjectInner",
                        "com.pulumi.deployment.internal.DeploymentImpl$ReadOrRegisterResourceInternal.completeResourceAsync",
                        WORKER), SampleBucket.SDK_OUTPUTS),
                Arguments.of(List.of("java.util.concurrent.CompletableFuture.thenCompose",
                        "com.pulumi.core.internal.OutputInternal.apply", "io.github.dsvmpool.pool.PoolLoadBalancer.childId",
                        PROGRAM), SampleBucket.SDK_REGISTRATION),
                Arguments.of(List.of("java.util.HashMap.resize", WORKER), SampleBucket.OTHER));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void landsInItsBucket(List<String> frames, SampleBucket expected) {
        assertThat(SampleBucket.of(frames)).contains(expected);
    }

    static Stream<List<String>> outsideTheRun() {
        return Stream.of(
                // Reading the stack file before the run, and the plan files after it, on the main thread.
                List.of("org.yaml.snakeyaml.Yaml.load", "io.github.dsvmpool.offline.StackFile.read",
                        "io.github.dsvmpool.tools.plan.PlanBenchmark.measure",
                        "io.github.dsvmpool.tools.plan.PlanBenchmark.main"),
                List.of("io.github.dsvmpool.rules.AzureRules.check",
                        "io.github.dsvmpool.tools.plan.PlanBenchmark.measure"),
                List.of());
    }

    @ParameterizedTest
    @MethodSource("outsideTheRun")
    void samplesOutsideTheProgramsRunAreNotCounted(List<String> frames) {
        assertThat(SampleBucket.of(frames)).isEmpty();
    }
}
