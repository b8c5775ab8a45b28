package io.github.dsvmpool.pool;

import com.pulumi.deployment.Deployment;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The pool names already declared in the running program. A second pool with a name already used would derive
 * the same Azure names (storage account, DNS label, load balancer) and the same logical names, so it is refused
 * before any child rather than failing later in the engine or in Azure.
 */
final class PoolNames {
    private static final Map<Object, Set<String>> DECLARED = Collections.synchronizedMap(new WeakHashMap<>());

    private PoolNames() {
    }

    /** The names declared so far in this deployment (one program run). */
    private static Set<String> declared() {
        return DECLARED.computeIfAbsent(Deployment.getInstance(), ignored -> Collections.synchronizedSet(new HashSet<>()));
    }

    static boolean isDeclared(String name) {
        return declared().contains(name);
    }

    /** Records the name; returns false when it was already declared. */
    static boolean declare(String name) {
        return declared().add(name);
    }
}
