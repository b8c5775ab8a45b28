package io.github.dsvmpool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.testing.DsvmPoolMocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16.1: two teams deploying the same stack files into their own subscriptions get different globally
 * unique names, taken from the subscription the provider reports, and the VMs mount the account so named.
 */
class SubscriptionNamesTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** The component's invokes answered for {@code subscriptionId}; every resource recorded. */
    static final class Subscription implements Mocks {
        final String subscriptionId;
        final DsvmPoolMocks pool = new DsvmPoolMocks();
        final List<ResourceArgs> resources = new CopyOnWriteArrayList<>();

        Subscription(String subscriptionId) {
            this.subscriptionId = subscriptionId;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            resources.add(args);
            return pool.newResourceAsync(args);
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return pool.callAsync(args).thenApply(result -> {
                if (!args.token.equals(DsvmPoolMocks.CLIENT_CONFIG)) {
                    return result;
                }
                var answer = new HashMap<>(result);
                answer.put("subscriptionId", subscriptionId);
                return answer;
            });
        }

        Object input(String type, String property) {
            return resources.stream().filter(r -> r.type.equals(type)).findFirst().orElseThrow()
                    .inputs.get(property);
        }
    }

    private static Subscription deploy(String subscriptionId) {
        var mocks = new Subscription(subscriptionId);
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> new DsvmPool("dsvm-dev", DsvmPoolArgs.builder()
                .settings(PoolSettings.builder().location("westeurope")
                        .allowedSourceRanges(List.of("198.51.100.0/24")).storageKeySource(io.github.dsvmpool.config.StorageKeySource.KEY_VAULT).build())
                .adminPassword(Output.of("Library-Password-77")).build()));
        assertThat(result.exceptions()).isEmpty();
        PulumiTest.cleanup();
        return mocks;
    }

    @Test
    void theSameStackInTwoSubscriptionsGetsOtherGloballyUniqueNames() {
        var teamA = deploy("11111111-2222-4333-8444-555555555555");
        var teamB = deploy("99999999-8888-4777-8666-555555555555");
        List<String> differing = new ArrayList<>();
        for (var name : List.of(
                List.of("azure-native:storage:StorageAccount", "accountName"),
                List.of("azure-native:keyvault:Vault", "vaultName"))) {
            Object a = teamA.input(name.get(0), name.get(1));
            Object b = teamB.input(name.get(0), name.get(1));
            assertThat(a).isNotNull();
            if (!a.equals(b)) {
                differing.add(name.get(1));
            }
        }
        @SuppressWarnings("unchecked")
        var labelA = ((Map<String, Object>) teamA.input("azure-native:network:PublicIPAddress", "dnsSettings"))
                .get("domainNameLabel");
        @SuppressWarnings("unchecked")
        var labelB = ((Map<String, Object>) teamB.input("azure-native:network:PublicIPAddress", "dnsSettings"))
                .get("domainNameLabel");
        assertThat(differing).containsExactly("accountName", "vaultName");
        assertThat(labelA).isNotEqualTo(labelB);
        // The same subscription again: the same names (stable across updates).
        var teamAAgain = deploy("11111111-2222-4333-8444-555555555555");
        assertThat(teamAAgain.input("azure-native:storage:StorageAccount", "accountName"))
                .isEqualTo(teamA.input("azure-native:storage:StorageAccount", "accountName"));
    }
}
