package io.github.dsvmpool.provider;

import com.pulumi.provider.internal.ComponentProviderHost;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.schema.PackageSpec;

/**
 * The component package's provider: serves {@code dsvm-pool:index:DsvmPool} (this package's {@link DsvmPool}) to
 * the Pulumi engine with the SDK's {@code ComponentProviderHost} (internal API of com.pulumi:pulumi 1.36.1).
 */
public final class ProviderMain {
    /** The package name, the first part of every type token. */
    public static final String PACKAGE = "dsvm-pool";

    private ProviderMain() {
    }

    /**
     * Starts the provider; the engine passes its address.
     *
     * @param args the engine's arguments
     * @throws Exception when the provider cannot start
     */
    public static void main(String[] args) throws Exception {
        // pulumi-java issue 2270: the provider's deployments would spin forever on JDK 25 with 2 CPUs.
        io.github.dsvmpool.launch.CommonPool.ensureParallelism();
        new ComponentProviderHost(PACKAGE, DsvmPool.class.getPackage()).start(args);
    }

    /**
     * The schema the provider serves, generated in-process as {@code getSchema} does.
     *
     * @return the package's schema
     */
    public static PackageSpec schema() {
        return ComponentAnalyzer.generateSchema(new Metadata(PACKAGE), DsvmPool.class);
    }
}
