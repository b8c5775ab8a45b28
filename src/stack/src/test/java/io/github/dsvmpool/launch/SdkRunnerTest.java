package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import com.pulumi.test.Mocks;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Why {@link CallbackRunner} exists, kept as a check on the SDK pinned in pom.xml: the SDK's own runner looks at
 * (and renders) a pending task over and over while it waits. When an SDK upgrade makes this test fail, the SDK
 * has stopped polling and {@link CallbackRunner} and {@link ProgramLaunch} can go.
 */
class SdkRunnerTest {
    @Test
    void theSdkRunnerPollsAndRendersAPendingTaskWhileItWaits() throws Exception {
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(ResourceResult.of(java.util.Optional.empty(),
                        ImmutableMap.of()));
            }
        };
        var state = new DeploymentImpl.DeploymentState(new DeploymentImpl.Config(ImmutableMap.of(), ImmutableSet.of()),
                Logger.getLogger(SdkRunnerTest.class.getName()), "organization", "project", "stack", null, false,
                new MockEngine(), new MockMonitor(mocks, PulumiTestInternal.mockLog()));
        Runner sdkRunner = state.runner;
        assertThat(sdkRunner).isNotInstanceOf(CallbackRunner.class);

        var looks = new AtomicInteger();
        var pending = new CallbackRunnerTest.WatchedFuture<String>(looks);
        var result = sdkRunner.runAsync(() -> {
            sdkRunner.registerTask("pending", pending);
            return "stack";
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (looks.get() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(looks.get()).as("looks at one pending task while waiting").isGreaterThanOrEqualTo(100);

        pending.complete("done");
        assertThat(result.get(30, TimeUnit.SECONDS).exitCode()).isZero();
    }
}
