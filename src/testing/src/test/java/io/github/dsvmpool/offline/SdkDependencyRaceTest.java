package io.github.dsvmpool.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Log;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.serialization.internal.Serializer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SdkDependencyRaceTest {
    @Test
    void theSdkStillGathersAPropertysDependenciesInAPlainHashSet() {
        // When this fails, look at what the SDK uses now: a thread-safe set means the retry in OfflineRun.run,
        // SdkDependencyRace and
        // docs/decisions/023-sdk-dependency-race.md with its operations note can go.
        assertThat(new Serializer(Log.ignore()).dependentResources).isExactlyInstanceOf(HashSet.class);
    }

    @Test
    void theFailureCiSawIsRecognised() {
        assertThat(SdkDependencyRace.struck(List.of(new CompletionException(raceNpe())))).isTrue();
        assertThat(SdkDependencyRace.struck(List.of(raceNpe(), new CompletionException(raceNpe())))).isTrue();
    }

    @Test
    void theOtherFaceOfACorruptSetIsRecognisedToo() {
        // More entries than the count: HashMap.keysToArray overruns the array it sized (benchmark's second face).
        var overrun = new ArrayIndexOutOfBoundsException("Index 10 out of bounds for length 10");
        overrun.setStackTrace(new StackTraceElement[] {
                frame("java.util.HashMap", "keysToArray"),
                frame("java.util.HashSet", "toArray"),
                frame("com.google.common.collect.ImmutableSet", "copyOf"),
                frame("com.pulumi.deployment.internal.DeploymentImpl$Prepare", "lambda$prepareResourceAsync$12")});
        assertThat(SdkDependencyRace.struck(List.of(new CompletionException(overrun)))).isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(SdkDependencyRace.struck(List.of())).isFalse();
        // The program's own NullPointerException, even in the SDK's preparation, without the set copy.
        var ours = new NullPointerException();
        ours.setStackTrace(new StackTraceElement[] {
                frame("io.github.dsvmpool.pool.PoolScaleSet", "networkProfile"),
                frame("com.pulumi.deployment.internal.DeploymentImpl$Prepare", "lambda$prepareResourceAsync$12")});
        assertThat(SdkDependencyRace.struck(List.of(new CompletionException(ours)))).isFalse();
        // A copy that fails elsewhere.
        var elsewhere = new NullPointerException();
        elsewhere.setStackTrace(new StackTraceElement[] {
                frame("com.google.common.collect.ImmutableSet", "copyOf"),
                frame("io.github.dsvmpool.plans.PoolPlan", "of")});
        assertThat(SdkDependencyRace.struck(List.of(elsewhere))).isFalse();
        // The race beside another failure: the other one must be seen.
        assertThat(SdkDependencyRace.struck(List.of(raceNpe(), new IllegalStateException("bad graph")))).isFalse();
    }

    @Test
    void offlineRunRunsAProgramStruckByItOnceMoreAndReportsTheSecondRun() {
        var runs = new AtomicInteger();
        int retriesBefore = OfflineRun.raceRetries();
        var outcome = OfflineRun.run(new StackFile("race", Map.of(), Set.of()), ctx -> {
            if (runs.incrementAndGet() == 1) {
                throw raceNpe();
            }
            new ResourceGroup("rg", ResourceGroupArgs.builder().location("westeurope").build());
        });
        assertThat(runs).hasValue(2);
        assertThat(OfflineRun.raceRetries()).isEqualTo(retriesBefore + 1);
        assertThat(outcome.result().exceptions()).isEmpty();
        assertThat(outcome.registrations()).extracting(Registration::name).contains("rg");
    }

    @Test
    void offlineRunReportsAnyOtherFailureOfTheFirstRun() {
        var runs = new AtomicInteger();
        var outcome = OfflineRun.run(new StackFile("other", Map.of(), Set.of()), ctx -> {
            runs.incrementAndGet();
            throw new NullPointerException("the program's own");
        });
        assertThat(runs).hasValue(1);
        assertThat(outcome.result().exceptions()).isNotEmpty();
    }

    /** The innermost frames of the failure in the JDK 25 CI run of 2026-12-02 (AcceptedPoolsHoldAzureRulesTest). */
    private static NullPointerException raceNpe() {
        var npe = new NullPointerException();
        npe.setStackTrace(new StackTraceElement[] {
                frame("com.google.common.base.Preconditions", "checkNotNull"),
                frame("com.google.common.collect.ImmutableSet", "construct"),
                frame("com.google.common.collect.ImmutableSet", "copyOf"),
                frame("com.pulumi.deployment.internal.DeploymentImpl$Prepare", "lambda$prepareResourceAsync$12"),
                frame("java.util.concurrent.CompletableFuture", "uniComposeStage")});
        return npe;
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }
}
