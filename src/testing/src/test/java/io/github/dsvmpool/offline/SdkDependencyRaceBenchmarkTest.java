package io.github.dsvmpool.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import com.pulumi.Log;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.PublicIPAddressArgs;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.resources.Resource;
import com.pulumi.serialization.internal.Serializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the SDK defect {@link SdkDependencyRace} works around, through the SDK's own serializer: one property
 * holding a list of outputs, each carrying its own resources, completed at the same instant by as many threads
 * as the machine has CPUs (at least 2), against the same completions made by one thread. Prints how many trials
 * left a corrupt dependency set either way.
 */
@Tag("slow")
class SdkDependencyRaceBenchmarkTest {
    private static final int TRIALS = 4000;
    private static final int RESOURCES_PER_OUTPUT = 8;

    @Test
    void concurrentCompletionsLoseDependenciesOneThreadNever() throws Exception {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        var resources = new ArrayList<Resource>();
        var outcome = OfflineRun.run(new StackFile("race", Map.of(), Set.of()), ctx -> {
            for (int index = 0; index < threads * RESOURCES_PER_OUTPUT; index++) {
                resources.add(new PublicIPAddress("ip-" + index, PublicIPAddressArgs.builder()
                        .resourceGroupName("rg").build()));
            }
        });
        assertThat(outcome.result().exceptions()).isEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int concurrentLosses = 0;
            int oneThreadLosses = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                concurrentLosses += trial(resources, threads, pool, true) ? 1 : 0;
                oneThreadLosses += trial(resources, threads, pool, false) ? 1 : 0;
            }
            System.out.printf("[benchmark] SDK dependency race (pulumi-java Serializer.dependentResources): %d outputs"
                            + " completed at once corrupted its dependency set in %d of %d trials; completed by one thread, in %d"
                            + " of %d (JDK %s, %d CPUs)%n", threads, concurrentLosses, TRIALS, oneThreadLosses, TRIALS,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            assertThat(oneThreadLosses).as("the control: one thread never corrupts the set").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One property serialized; true when the dependency set it gathered is corrupt. */
    private static boolean trial(List<Resource> resources, int threads, ExecutorService pool, boolean concurrent)
            throws Exception {
        var futures = new ArrayList<CompletableFuture<OutputData<Object>>>();
        var outputs = new ArrayList<Output<Object>>();
        for (int index = 0; index < threads; index++) {
            var future = new CompletableFuture<OutputData<Object>>();
            futures.add(future);
            outputs.add(new OutputInternal<>(future));
        }
        var serializer = new Serializer(Log.ignore());
        var serialized = serializer.serializeAsync("property", outputs, false);
        var arrived = new AtomicInteger();
        var tasks = new ArrayList<Future<?>>();
        if (concurrent) {
            for (int index = 0; index < threads; index++) {
                var mine = ImmutableSet.copyOf(resources.subList(index * RESOURCES_PER_OUTPUT,
                        (index + 1) * RESOURCES_PER_OUTPUT));
                var future = futures.get(index);
                tasks.add(pool.submit(() -> {
                    // Spin until every thread is here, so that the completions start together.
                    arrived.incrementAndGet();
                    while (arrived.get() < threads) {
                        Thread.onSpinWait();
                    }
                    future.complete(OutputData.of(mine, (Object) "id"));
                }));
            }
        } else {
            tasks.add(pool.submit(() -> {
                for (int index = 0; index < threads; index++) {
                    futures.get(index).complete(OutputData.of(ImmutableSet.copyOf(resources.subList(
                            index * RESOURCES_PER_OUTPUT, (index + 1) * RESOURCES_PER_OUTPUT)), (Object) "id"));
                }
            }));
        }
        for (var task : tasks) {
            task.get();
        }
        serialized.join();
        try {
            // What DeploymentImpl$Prepare does with the set.
            return ImmutableSet.copyOf(serializer.dependentResources).size() != threads * RESOURCES_PER_OUTPUT;
        } catch (NullPointerException | ArrayIndexOutOfBoundsException corrupted) {
            // The set's count and its entries disagree: fewer entries (a null in the copy) or more.
            return true;
        }
    }
}
