package io.github.dsvmpool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.pool.DsvmPool;
import io.github.dsvmpool.pool.DsvmPoolArgs;
import io.github.dsvmpool.pool.ExistingNetwork;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A consumer's test of a program with two pools, written only against the public API and the SDK's test API. */
class DsvmPoolMocksTest {

    /** The consumer's program: two pools on one network. */
    static void program(Context ctx) {
        var settings = PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"));
        var cpu = new DsvmPool("cpu", DsvmPoolArgs.builder().settings(settings.maxInstanceCount(8).build())
                .adminPassword("Consumer-Password-42").build());
        var gpu = new DsvmPool("gpu", DsvmPoolArgs.builder()
                .settings(settings.vmSize("Standard_NC4as_T4_v3").maxInstanceCount(2).build())
                .adminPassword("Consumer-Password-42").network(ExistingNetwork.subnetOf(cpu)).build());
        ctx.export("cpuUrl", cpu.jupyterHubUrl);
        ctx.export("gpuSsh", gpu.sshCommand);
        ctx.export("gpuLoadBalancer", gpu.loadBalancerName);
        ctx.export("cpuHostKey", cpu.sshHostPublicKey);
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void aConsumersTestRunsInAFewLines() {
        TestResult result = PulumiTest.withMocks(new DsvmPoolMocks()).runTest(DsvmPoolMocksTest::program);

        assertThat(result.exceptions()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(PulumiTest.extractValue(result.output("cpuUrl", String.class)))
                .matches("https://cpu-[0-9a-f]{8}\\.westeurope\\.cloudapp\\.azure\\.com:8000/");
        assertThat(PulumiTest.extractValue(result.output("gpuSsh", String.class)))
                .startsWith("ssh dsadmin@gpu-");
        assertThat(PulumiTest.extractValue(result.output("gpuLoadBalancer", String.class))).matches("gpu-lb-[0-9a-f]{8}");
        assertThat(result.resources()).filteredOn(resource -> resource instanceof DsvmPool).hasSize(2);
        assertThat(PulumiTest.extractValue(result.output("cpuHostKey", String.class)))
                .matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/]+=* dsvm-pool-cpu");
    }

    @Test
    void withoutAnswersToTheComponentsInvokesTheTestFails() {
        // Resources answered with their inputs, and the host key's seed with bytes.
        Mocks resourcesOnly = args -> CompletableFuture.completedFuture(Mocks.ResourceResult.of(
                Optional.of(args.name + "-id"), args.type.equals(io.github.dsvmpool.random.RandomBytes.TYPE)
                        ? Map.of("base64", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=") : args.inputs));
        TestResult result = PulumiTest.withMocks(resourcesOnly).runTest(DsvmPoolMocksTest::program);
        // The symptom was a NullPointerException deep in the SDK; the first missing answer is now named.
        assertThat(result.exceptions()).isNotEmpty().anySatisfy(error -> assertThat(error)
                .hasStackTraceContaining("NullPointerException")
                .hasStackTraceContaining("azure-native:authorization:getClientConfig"));
    }

    @Test
    void withoutAnAnswerForTheHostKeysSeedTheFailureSaysWhatToMock() {
        // The component's invokes answered, every resource only with its inputs.
        Mocks invokesOnly = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return new DsvmPoolMocks().callAsync(args);
            }
        };
        TestResult result = PulumiTest.withMocks(invokesOnly).runTest(DsvmPoolMocksTest::program);
        assertThat(result.exceptions()).isNotEmpty().allSatisfy(error -> assertThat(error)
                .hasStackTraceContaining("the random provider gave no bytes for ")
                .hasStackTraceContaining("DsvmPoolMocks"));
    }

    @Test
    void yourOwnResourcesGoToYourMocksAndTheComponentsStayWithThese() {
        var seen = new CopyOnWriteArrayList<String>();
        Mocks mine = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                seen.add(args.type);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of("mine"), args.inputs));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                seen.add(args.token);
                return CompletableFuture.completedFuture(Map.of("answer", "42"));
            }
        };
        TestResult result = PulumiTest.withMocks(DsvmPoolMocks.around(mine)).runTest(ctx -> {
            program(ctx);
            new com.pulumi.resources.CustomResource("example:index:Thing", "thing",
                    com.pulumi.resources.ResourceArgs.Empty, null) {
            };
        });
        assertThat(result.exceptions()).isEmpty();
        assertThat(PulumiTest.extractValue(result.output("cpuHostKey", String.class))).startsWith("ssh-ed25519 ");
        assertThat(seen).contains("example:index:Thing")
                .noneMatch(type -> type.startsWith("azure-native:"))
                .doesNotContainAnyElementsOf(DsvmPoolMocks.COMPONENT_RANDOM_TYPES)
                .doesNotContainAnyElementsOf(DsvmPoolMocks.COMPONENT_INVOKES);
    }
}
