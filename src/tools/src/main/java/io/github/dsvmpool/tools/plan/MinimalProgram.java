package io.github.dsvmpool.tools.plan;

import com.pulumi.Context;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;

/**
 * The smallest Pulumi Java program of this kind: one Azure resource group. {@link PlanBenchmark} runs it the
 * same way as the real stack, so the ratio between the two shows what the pool itself costs over the fixed
 * cost of the SDK and the mock engine.
 */
public final class MinimalProgram {
    private MinimalProgram() {
    }

    public static void stack(Context ctx) {
        var group = new ResourceGroup("minimal-rg", ResourceGroupArgs.builder().location("westeurope").build());
        ctx.export("resourceGroupName", group.name());
    }
}
