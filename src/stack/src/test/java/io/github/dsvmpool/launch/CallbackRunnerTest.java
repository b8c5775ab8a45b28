package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The callback runner keeps the SDK runner's contract (waits for every task, first failure ends the run, the
 * same exit codes and engine messages) and never polls or renders a pending task.
 */
class CallbackRunnerTest {
    private static final long WAIT_SECONDS = 30;

    /** An engine logger that keeps what it was told. */
    static final class RecordingEngineLogger implements EngineLogger {
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<Resource> errorResources = new CopyOnWriteArrayList<>();
        volatile boolean loggedErrors;

        @Override
        public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId,
                                                Boolean ephemeral) {
            if (level == Level.SEVERE) {
                errors.add(message);
                errorResources.add(resource);
                loggedErrors = true;
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int getErrorCount() {
            return errors.size();
        }

        @Override
        public boolean hasLoggedErrors() {
            return loggedErrors;
        }
    }

    /** A future whose dependents are of its own kind, counting how often anyone looks at it or renders it. */
    static final class WatchedFuture<T> extends CompletableFuture<T> {
        final AtomicInteger looks;

        WatchedFuture(AtomicInteger looks) {
            this.looks = looks;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new WatchedFuture<>(looks);
        }

        @Override
        public boolean isDone() {
            looks.incrementAndGet();
            return super.isDone();
        }

        @Override
        public String toString() {
            looks.incrementAndGet();
            return super.toString();
        }
    }

    private final RecordingEngineLogger engine = new RecordingEngineLogger();
    private final CallbackRunner runner = new CallbackRunner(engine);

    @Test
    void waitsForEveryTaskIncludingOnesRegisteredByAContinuation() throws Exception {
        var first = new CompletableFuture<String>();
        var second = new CompletableFuture<String>();
        var result = runner.runAsync(() -> {
            runner.registerTask("first", first);
            // As Output.apply does: the continuation is itself a task, registered when it is attached, and
            // what it declares (here the second task) is registered before it ends.
            runner.registerTask("continuation", first.thenApply(value -> {
                runner.registerTask("second", second);
                return value;
            }));
            return "stack";
        });
        assertStillRunning(result);
        first.complete("one");
        assertStillRunning(result);
        second.complete("two");

        Runner.Result<String> done = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isZero();
        assertThat(done.result()).contains("stack");
        assertThat(done.exceptions()).isEmpty();
        assertThat(engine.errors).isEmpty();
    }

    @Test
    void aProgramWithoutTasksEndsAtOnce() throws Exception {
        Runner.Result<String> done = runner.runAsync(() -> "stack").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isZero();
        assertThat(done.result()).contains("stack");
    }

    @Test
    void theFirstFailedTaskEndsTheRunWhileOthersAreStillPending() throws Exception {
        var pendingForever = new CompletableFuture<String>();
        var failing = new CompletableFuture<String>();
        var result = runner.runAsync(() -> {
            runner.registerTask("pending", pendingForever);
            runner.registerTask("failing", failing);
            return "stack";
        });
        failing.completeExceptionally(new IllegalStateException("the subnet is full"));

        Runner.Result<String> done = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(CallbackRunner.REPORTED_FAILURE);
        assertThat(done.exceptions()).hasSize(2);
        assertThat(done.exceptions().get(0)).isInstanceOf(CompletionException.class);
        assertThat(done.exceptions().get(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the subnet is full");
        assertThat(engine.errors).singleElement().asString()
                .contains("failed with an unhandled exception").contains("the subnet is full");
    }

    @Test
    void aTaskThatFailedDuringTheProgramEndsTheRunWhenTheProgramReturns() throws Exception {
        var result = runner.runAsync(() -> {
            runner.registerTask("failed early", CompletableFuture.failedFuture(new RunException("no quota")));
            return "stack";
        });
        Runner.Result<String> done = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(CallbackRunner.REPORTED_FAILURE);
        assertThat(engine.errors).containsExactly("no quota");
    }

    @Test
    void aRunExceptionOfTheProgramIsReportedByItsMessageAlone() throws Exception {
        Runner.Result<Object> done = runner.runAsync(() -> {
            throw new RunException("dsvmpool:maxInstanceCount must be 1-1000, got 0");
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(CallbackRunner.REPORTED_FAILURE);
        assertThat(done.result()).isEmpty();
        assertThat(engine.errors).containsExactly("dsvmpool:maxInstanceCount must be 1-1000, got 0");
    }

    @Test
    void aResourceExceptionHidingItsStackIsReportedByItsMessage() throws Exception {
        Runner.Result<Object> done = runner.runAsync(() -> {
            throw new ResourceException("the share quota is too small", null, true);
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(CallbackRunner.REPORTED_FAILURE);
        assertThat(engine.errors).containsExactly("the share quota is too small");
    }

    @Test
    void aResourceExceptionShowingItsStackIsReportedWithIt() throws Exception {
        runner.runAsync(() -> {
            throw new ResourceException("the share quota is too small");
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(engine.errors).singleElement().asString()
                .contains("the share quota is too small").contains(CallbackRunnerTest.class.getName());
    }

    @Test
    void aFailureToLogEndsWithExitCodeOne() throws Exception {
        Runner.Result<Object> done = runner.runAsync(() -> {
            throw new LogException(new IllegalStateException("engine gone"));
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(engine.errors).isEmpty();
    }

    @Test
    void errorsLoggedWithoutAnExceptionEndWithExitCodeOne() throws Exception {
        Runner.Result<String> done = runner.runAsync(() -> {
            engine.errorAsync("a resource was refused");
            return "stack";
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(done.exceptions()).isEmpty();
    }

    @Test
    void aPendingTaskIsNeitherPolledNorRendered() throws Exception {
        var looks = new AtomicInteger();
        var pending = new WatchedFuture<String>(looks);
        var result = runner.runAsync(() -> {
            runner.registerTask("pending", pending);
            return "stack";
        });
        assertStillRunning(result);
        int lookedAtRegistration = looks.get();
        // Long enough for a polling runner to look hundreds of times (SdkRunnerTest).
        Thread.sleep(300);
        assertThat(looks).hasValue(lookedAtRegistration);
        assertThat(lookedAtRegistration).as("looks when registered").isLessThanOrEqualTo(1);

        pending.complete("done");
        assertThat(result.get(WAIT_SECONDS, TimeUnit.SECONDS).exitCode()).isZero();
    }

    private static void assertStillRunning(CompletableFuture<?> result) throws InterruptedException {
        Thread.sleep(100);
        assertThat(result).isNotDone();
    }
}
