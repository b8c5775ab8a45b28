package io.github.dsvmpool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.test.PulumiTest;
import io.github.dsvmpool.testing.DsvmPoolMocks;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@link EntraLogin} sends an explicit empty principalType: azure-native 2.10.0's generated builder fills a
 * missing principalType with "User" (the REST spec's documented default) before the request leaves the
 * program, so leaving it out is not enough for Azure to check that the group exists. When this test fails, an
 * upgrade stopped doing that and the explicit empty value can go.
 */
class RoleAssignmentDefaultTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theGeneratedBuilderFillsAMissingPrincipalTypeWithUser() {
        var registered = new CopyOnWriteArrayList<Object>();
        var pool = new DsvmPoolMocks();
        var mocks = new com.pulumi.test.Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.add(args.inputs.get("principalType"));
                return pool.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<java.util.Map<String, Object>> callAsync(CallArgs args) {
                return pool.callAsync(args);
            }
        };
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> new RoleAssignment("plain",
                RoleAssignmentArgs.builder()
                        .scope("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg")
                        .roleDefinitionId("/providers/Microsoft.Authorization/roleDefinitions/"
                                + "fb879df8-f326-4884-b1cf-06f3ad86be52")
                        .principalId("6f1c5d2e-3b4a-4c8d-9e0f-1a2b3c4d5e6f")
                        .build()));
        assertThat(result.exceptions()).isEmpty();
        assertThat(registered).isEqualTo(List.of("User"));
    }
}
