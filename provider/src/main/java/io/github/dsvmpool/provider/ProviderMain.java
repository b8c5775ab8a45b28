package io.github.dsvmpool.provider;

import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.ResourceProviderService;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.schema.PackageSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The component package's provider: serves {@code dsvm-pool:index:DsvmPool} (this package's {@link DsvmPool}) to
 * the Pulumi engine, as the SDK's {@code ComponentProviderHost} does (internal API of com.pulumi:pulumi 1.36.1),
 * but with the package's version: that host's {@code Metadata} has the name only, so the schema had no version and
 * the generated SDKs were 0.0.0.
 */
public final class ProviderMain {
    /** The package name, the first part of every type token. */
    public static final String PACKAGE = "dsvm-pool";
    /** The package's version: this project's (filled in by the build, pom.xml). */
    public static final String VERSION = readVersion();

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
        String engine;
        try {
            engine = engineAddress(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // Prints the port on stdout, which the engine reads (as ComponentProviderHost.start).
        new ResourceProviderService(engine, new DescribedComponentProvider(metadata()))
                .startAndBlockUntilShutdown();
    }

    /**
     * The schema the provider serves, generated in-process as {@code getSchema} does.
     *
     * @return the package's schema
     */
    public static PackageSpec schema() {
        return ComponentAnalyzer.generateSchema(metadata(), DsvmPool.class);
    }

    static Metadata metadata() {
        return new Metadata(PACKAGE, VERSION);
    }

    /** The engine starts a provider with its address as the one argument that is not a flag. */
    static String engineAddress(String[] args) {
        List<String> plain = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).toList();
        if (plain.size() != 1) {
            throw new IllegalArgumentException("dsvm-pool provider: expected the engine's address as the only "
                    + "argument that is not a flag; got: " + String.join(" ", args));
        }
        return plain.get(0);
    }

    private static String readVersion() {
        try (InputStream in = ProviderMain.class.getResourceAsStream("version.txt")) {
            if (in == null) {
                throw new IllegalStateException("version.txt is missing next to ProviderMain: build with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
