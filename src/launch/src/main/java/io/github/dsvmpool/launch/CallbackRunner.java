package io.github.dsvmpool.launch;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK's task runner with the same contract (wait for every registered task, stop at the first failure,
 * report it to the engine, the same exit codes) but told of each task's end by a callback instead of polling.
 *
 * <p>Why: the SDK's own runner (pulumi 1.36.1, {@code DeploymentImpl.DefaultRunner}) re-polls its map of in-flight
 * tasks without pause and, on every poll, renders the whole map with {@code String.format} for a FINEST log line
 * that is formatted even when that level is off. Every {@code Output} registers a task, so the pool's program
 * (hundreds of outputs) spent about 43% of its cold CPU samples there (JFR, 1 ms sampling, 5 runs), a core taken
 * from class loading and the JIT on a 2-CPU machine, for the whole of a deployment. Measured by {@code ./benchmark}.
 *
 * <p>The contract kept from the SDK's runner: a task is done when its future is; the first failed task ends the
 * run with that failure (wrapped in a {@link CompletionException}, as a join would); a program's exception is
 * reported through the engine logger, exit code 32 (1 when only the logging failed); a run without exception exits
 * 1 if errors were logged, else 0; every handled exception is listed in the result.
 */
public final class CallbackRunner implements Runner {
    private static final Logger LOG = Logger.getLogger(CallbackRunner.class.getName());
    /** The SDK's code for "the program failed and the error was reported to the engine". */
    static final int REPORTED_FAILURE = 32;

    private final EngineLogger engineLogger;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<Exception> handledExceptions = new ConcurrentLinkedQueue<>();
    /** Completes when the program has returned and no task is in flight, or at the first failed task. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private final AtomicBoolean programReturned = new AtomicBoolean();

    public CallbackRunner(EngineLogger engineLogger) {
        this.engineLogger = Objects.requireNonNull(engineLogger, "engineLogger");
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(task, "task");
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest("registering task: " + description);
        }
        if (task.isDone() && !task.isCompletedExceptionally()) {
            // Most outputs are values known at once: nothing to wait for, nothing to track.
            return;
        }
        CompletableFuture<Void> tracked = task.thenApply(ignored -> null);
        inFlight.add(tracked);
        tracked.whenComplete((ignored, failure) -> ended(tracked, failure));
    }

    private void ended(CompletableFuture<Void> tracked, Throwable failure) {
        inFlight.remove(tracked);
        if (failure != null) {
            settled.completeExceptionally(failure instanceof CompletionException ? failure
                    : new CompletionException(failure));
        } else if (inFlight.isEmpty() && programReturned.get()) {
            settleWhenIdle();
        }
    }

    /**
     * The SDK registers a continuation as a task when it is attached ({@code Output.apply} makes an output), so
     * whatever a continuation declares is registered before its own task ends and the set is not empty in
     * between. For anything registered otherwise, an empty set is checked once more after a hop through the pool,
     * as the SDK's runner does between polls.
     */
    private void settleWhenIdle() {
        ContextAwareCompletableFuture.runAsync(() -> {
            if (inFlight.isEmpty()) {
                settled.complete(null);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(program);
        registerTask("CallbackRunner#runAsync", value);
        return value.thenCompose(result -> {
            programReturned.set(true);
            if (inFlight.isEmpty()) {
                settleWhenIdle();
            }
            return settled.thenApply(ignored -> result);
        }).handle((result, failure) -> failure == null
                ? CompletableFuture.completedFuture(outcome(engineLogger.hasLoggedErrors() ? 1 : 0, result))
                : handle(failure).thenApply(code -> outcome(code, result)))
                .thenCompose(future -> future);
    }

    private <T> Result<T> outcome(int exitCode, T result) {
        return new Outcome<>(exitCode, List.copyOf(handledExceptions), Optional.ofNullable(result));
    }

    /** The SDK's result type has a protected constructor only. */
    private static final class Outcome<T> extends Result<T> {
        Outcome(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }

    private CompletableFuture<Integer> handle(Throwable failure) {
        Exception exception = failure instanceof Exception e ? e : new RunException("unexpected throwable", failure);
        handledExceptions.add(exception);
        if (exception instanceof LogException) {
            LOG.severe("Error occurred trying to send logging message to engine: " + exception.getMessage());
            return CompletableFuture.supplyAsync(() -> {
                System.err.println("Error occurred trying to send logging message to engine: " + exception);
                exception.printStackTrace();
                return 1;
            });
        }
        if (exception instanceof CompletionException && exception.getCause() instanceof Exception cause) {
            return handle(cause);
        }
        if (exception instanceof RunException) {
            return engineLogger.errorAsync(exception.getMessage()).thenApply(ignored -> REPORTED_FAILURE);
        }
        if (exception instanceof ResourceException resourceException) {
            String message = resourceException.isHideStack() ? resourceException.getMessage()
                    : Exceptions.getStackTrace(resourceException);
            return engineLogger.errorAsync(message, resourceException.getResource().orElse(null))
                    .thenApply(ignored -> REPORTED_FAILURE);
        }
        String message = String.format("Running program [PID: %d](%s) failed with an unhandled exception:%n%s",
                ProcessHandle.current().pid(), ProcessHandle.current().info().commandLine().orElse("unknown"),
                Exceptions.getStackTrace(exception));
        return engineLogger.errorAsync(message).thenApply(ignored -> REPORTED_FAILURE);
    }
}
