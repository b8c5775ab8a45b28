package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockEngine;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProgramLaunch} builds what {@code Pulumi.run} builds, over a deployment state the SDK made (here with a
 * mock engine and monitor instead of the host's): the program sees its stack's configuration, registers through
 * the callback runner and ends with the SDK's exit codes.
 */
class ProgramLaunchTest {
    private final List<Mocks.ResourceArgs> registered = new CopyOnWriteArrayList<>();
    private final Mocks mocks = new Mocks() {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            registered.add(args);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"),
                    ImmutableMap.<String, Object>builder().putAll(args.inputs).put("name", args.name).build()));
        }
    };

    @AfterEach
    void forgetTheDeployment() {
        PulumiTestInternal.cleanup();
    }

    private DeploymentImpl.DeploymentState state(Map<String, String> config) {
        return new DeploymentImpl.DeploymentState(
                new DeploymentImpl.Config(ImmutableMap.copyOf(config), ImmutableSet.of()),
                Logger.getLogger(ProgramLaunchTest.class.getName()), "organization", "dsvm-pool", "dev", null, false,
                new MockEngine(), new MockMonitor(mocks, PulumiTestInternal.mockLog()));
    }

    @Test
    void theProgramReadsItsConfigurationAndRegistersThroughTheCallbackRunner() throws Exception {
        var pulumi = ProgramLaunch.deployment(state(Map.of("dsvm-pool:location", "westeurope")));
        assertThat(DeploymentInstanceInternal.cast(DeploymentInstanceHolder.getInstance()).getInternal().getRunner()).isInstanceOf(CallbackRunner.class);

        int exitCode = pulumi.runAsync(ctx -> {
            String location = ctx.config().require("location");
            var group = new ResourceGroup("launched-rg", ResourceGroupArgs.builder().location(location).build());
            ctx.export("resourceGroupName", group.name());
            assertThat(ctx.projectName()).isEqualTo("dsvm-pool");
            assertThat(ctx.stackName()).isEqualTo("dev");
        }).get(60, TimeUnit.SECONDS);

        assertThat(exitCode).isZero();
        assertThat(registered).extracting(args -> args.type).containsExactly("azure-native:resources:ResourceGroup");
        assertThat(registered.get(0).inputs).containsEntry("location", "westeurope");
    }

    @Test
    void aFailingProgramEndsWithTheSdkExitCodeForAReportedError() throws Exception {
        var pulumi = ProgramLaunch.deployment(state(Map.of()));
        int exitCode = pulumi.runAsync(ctx -> ctx.config().require("location")).get(60, TimeUnit.SECONDS);
        assertThat(exitCode).isEqualTo(CallbackRunner.REPORTED_FAILURE);
        assertThat(registered).isEmpty();
    }
}
