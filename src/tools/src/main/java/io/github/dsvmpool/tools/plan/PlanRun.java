package io.github.dsvmpool.tools.plan;

import com.pulumi.Context;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.stackconfig.StackSettings;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFileConfigSource;
import io.github.dsvmpool.offline.StackFile;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One run of a stack program under the mock engine, turned into a {@link Plan} or a clear failure. */
public final class PlanRun {
    private PlanRun() {
    }

    /**
     * A plan, the registrations it was made from (secrets unmasked, for the Azure-rules check only: never
     * printed) and how long the program took to run under the mock engine.
     */
    public record Timed(Plan plan, List<Registration> registrations, long programMillis) {
        public Timed {
            registrations = List.copyOf(registrations);
        }
    }

    /**
     * The stack's settings, validated by the program's own {@code StackConfiguration} before the program runs.
     * Reading the file's keys here also catches misspelt keys, which the program can only see when the engine
     * passes the whole configuration (it does not under the mock engine).
     *
     * @throws PlanFailedException listing every problem
     */
    public static StackSettings settings(StackFile stack) throws PlanFailedException {
        try {
            return StackConfiguration.read(new StackFileConfigSource(stack, OfflineRun.PROJECT));
        } catch (InvalidConfigurationException invalid) {
            throw invalidConfiguration(stack, invalid);
        }
    }

    private static PlanFailedException invalidConfiguration(StackFile stack, InvalidConfigurationException invalid) {
        return new PlanFailedException(invalid.describe("Pulumi." + stack.stackName() + ".yaml"), invalid);
    }

    /** Keys of the stack file the program would ignore although they look meant for it (names only). */
    public static List<String> warnings(StackFile stack) {
        return StackConfiguration.warnings(new StackFileConfigSource(stack, OfflineRun.PROJECT), OfflineRun.PROJECT);
    }

    /** @throws PlanFailedException naming every configuration problem, or the program's error */
    public static Timed run(StackFile stack, Consumer<Context> program) throws PlanFailedException {
        return run(stack, program, OfflineRun.TaskRunner.CALLBACK);
    }

    /** As {@link #run(StackFile, Consumer)}, with the given task runner (the SDK's one for comparisons). */
    public static Timed run(StackFile stack, Consumer<Context> program, OfflineRun.TaskRunner runner)
            throws PlanFailedException {
        long start = System.nanoTime();
        OfflineRun.Outcome outcome = OfflineRun.run(stack, program, runner);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<? extends Throwable> errors = outcome.result().exceptions();
        if (!errors.isEmpty()) {
            Optional<InvalidConfigurationException> invalid = errors.stream().map(PlanRun::invalidConfiguration)
                    .flatMap(Optional::stream).findFirst();
            if (invalid.isPresent()) {
                throw invalidConfiguration(stack, invalid.get());
            }
            Throwable first = errors.get(0);
            throw new PlanFailedException("the stack program failed: " + describe(first), first);
        }
        if (outcome.result().exitCode() != 0) {
            throw new PlanFailedException("the stack program ended with exit code " + outcome.result().exitCode()
                    + " and no error", null);
        }
        return new Timed(Plan.of(OfflineRun.PROJECT, stack.stackName(), outcome.registrations()),
                outcome.registrations(), millis);
    }

    /** The SDK wraps the program's exception; the configuration error may sit anywhere in the chain. */
    private static Optional<InvalidConfigurationException> invalidConfiguration(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error) : error + " (caused by " + root + ")";
    }
}
