package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.deployment.internal.Runner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Any number of tasks, some declared by continuations of others (as {@code Output.apply} does), ended in any
 * order from another thread: the run ends exactly when the last task has ended, or at once when one fails.
 */
class CallbackRunnerPropertyTest {
    private static final long WAIT_SECONDS = 30;

    /**
     * The program's tasks, registered at once, and those that every third of them declares when it ends (through a
     * registered continuation), registered only then.
     */
    record Declared(List<CompletableFuture<String>> direct, List<CompletableFuture<String>> later) {
        List<CompletableFuture<String>> all() {
            var all = new ArrayList<>(direct);
            all.addAll(later);
            return all;
        }
    }

    private static Declared declare(CallbackRunner runner, int count) {
        var direct = new ArrayList<CompletableFuture<String>>();
        var later = new ArrayList<CompletableFuture<String>>();
        for (int i = 0; i < count; i++) {
            var task = new CompletableFuture<String>();
            direct.add(task);
            runner.registerTask("task " + i, task);
            if (i % 3 == 0) {
                var declared = new CompletableFuture<String>();
                later.add(declared);
                runner.registerTask("continuation of " + i, task.thenApply(value -> {
                    runner.registerTask("declared by " + value, declared);
                    return value;
                }));
            }
        }
        return new Declared(List.copyOf(direct), List.copyOf(later));
    }

    @Property(tries = 60)
    void theRunEndsWhenTheLastTaskEnds(@ForAll @IntRange(min = 1, max = 40) int count, @ForAll long seed)
            throws Exception {
        var runner = new CallbackRunner(new CallbackRunnerTest.RecordingEngineLogger());
        var declared = new CompletableFuture<Declared>();
        var result = runner.runAsync(() -> {
            declared.complete(declare(runner, count));
            return "stack";
        });
        List<CompletableFuture<String>> tasks = declared.get(WAIT_SECONDS, TimeUnit.SECONDS).all();

        List<CompletableFuture<String>> order = new ArrayList<>(tasks);
        Collections.shuffle(order, new Random(seed));
        // All but the last, from another thread, in a random order.
        CompletableFuture.runAsync(() -> order.subList(0, order.size() - 1)
                .forEach(task -> task.complete("done"))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        Thread.sleep(20);
        assertThat(result).as("still one task pending").isNotDone();

        order.get(order.size() - 1).complete("done");
        Runner.Result<String> done = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isZero();
        assertThat(done.result()).contains("stack");
        assertThat(tasks).allMatch(CompletableFuture::isDone);
    }

    @Property(tries = 60)
    void anyFailedTaskEndsTheRunAtOnce(@ForAll @IntRange(min = 2, max = 40) int count, @ForAll long seed)
            throws Exception {
        var engine = new CallbackRunnerTest.RecordingEngineLogger();
        var runner = new CallbackRunner(engine);
        var declared = new CompletableFuture<Declared>();
        var result = runner.runAsync(() -> {
            declared.complete(declare(runner, count));
            return "stack";
        });
        // A task registered at once (the others are not the runner's yet), the rest left pending.
        List<CompletableFuture<String>> direct = declared.get(WAIT_SECONDS, TimeUnit.SECONDS).direct();
        var failing = direct.get(new Random(seed).nextInt(direct.size()));
        failing.completeExceptionally(new IllegalStateException("refused by Azure"));

        Runner.Result<String> done = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(CallbackRunner.REPORTED_FAILURE);
        assertThat(engine.errors).singleElement().asString().contains("refused by Azure");
    }
}
