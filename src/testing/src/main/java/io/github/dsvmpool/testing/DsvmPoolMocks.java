package io.github.dsvmpool.testing;

import com.pulumi.test.Mocks;
import io.github.dsvmpool.offline.RecordingMocks;
import io.github.dsvmpool.random.RandomBytes;
import io.github.dsvmpool.random.RandomPassword;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Mocks for the Pulumi Java SDK's test engine ({@code com.pulumi.test.PulumiTest}) that answer what a
 * {@code DsvmPool} asks Azure for, so that a consumer's own unit test of a program with pools runs in a few
 * lines and without credentials:
 *
 * <pre>{@code
 * var result = PulumiTest.withMocks(new DsvmPoolMocks()).runTest(ctx -> MyProgram.stack(ctx));
 * assertThat(result.exceptions()).isEmpty();
 * }</pre>
 *
 * <p>The component makes two invokes, {@value #CLIENT_CONFIG} (the subscription id, for the load balancer's ids)
 * and {@value #LIST_STORAGE_ACCOUNT_KEYS} (the share's key, SMB only); without answers to them the SDK fails deep
 * inside with a {@code NullPointerException}. These mocks answer both (subscription {@value #SUBSCRIPTION_ID}, key
 * {@value #STORAGE_KEY}), and answer every resource with its inputs plus an id, its Azure name (or its logical
 * name where Azure would name it) and, for public IPs, an address and an FQDN. Invokes and resources of your own
 * go to the mocks given to {@link #around(Mocks)}.
 */
public final class DsvmPoolMocks implements Mocks {
    /** The invoke that reads the caller's subscription. */
    public static final String CLIENT_CONFIG = "azure-native:authorization:getClientConfig";
    /** The invoke that reads the storage account's keys. */
    public static final String LIST_STORAGE_ACCOUNT_KEYS = "azure-native:storage:listStorageAccountKeys";
    /** Every invoke the component makes. */
    public static final Set<String> COMPONENT_INVOKES = Set.of(CLIENT_CONFIG, LIST_STORAGE_ACCOUNT_KEYS);
    /**
     * The random provider's resources the component declares, answered here even {@link #around(Mocks) around}
     * your mocks: the pool cannot be built without their values.
     */
    public static final Set<String> COMPONENT_RANDOM_TYPES = Set.of(RandomPassword.TYPE, RandomBytes.TYPE);
    /** The subscription id the mocks report. */
    public static final String SUBSCRIPTION_ID = RecordingMocks.SUBSCRIPTION_ID;
    /** The fake storage key the mocks report, so that a test can check it appears only in secrets. */
    public static final String STORAGE_KEY = RecordingMocks.STORAGE_KEY;

    static {
        // A consumer's test builds these mocks before the SDK's first run touches the common fork/join pool:
        // the last moment to give it the workers the SDK needs on JDK 25 with 2 CPUs (pulumi-java issue 2270).
        io.github.dsvmpool.launch.CommonPool.ensureParallelism();
    }

    private final Optional<Mocks> others;
    private final RecordingMocks pool = new RecordingMocks();

    /** Mocks that answer the component's invokes and every resource. */
    public DsvmPoolMocks() {
        this(Optional.empty());
    }

    private DsvmPoolMocks(Optional<Mocks> others) {
        this.others = others;
    }

    /**
     * Mocks that answer the component's invokes and resources, and pass the rest to {@code others}.
     *
     * @param others your mocks: they get every invoke other than {@link #COMPONENT_INVOKES} and every resource whose
     *               type is neither {@code azure-native:*} nor one of {@link #COMPONENT_RANDOM_TYPES}
     * @return the combined mocks
     */
    public static DsvmPoolMocks around(Mocks others) {
        return new DsvmPoolMocks(Optional.of(Objects.requireNonNull(others, "others")));
    }

    /**
     * Answers a resource: its inputs, an id and the outputs the component reads.
     *
     * @param args the resource the program registers
     * @return its id and state
     */
    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (others.isPresent() && !args.type.startsWith("azure-native:")
                && !COMPONENT_RANDOM_TYPES.contains(args.type)) {
            return others.get().newResourceAsync(args);
        }
        return pool.newResourceAsync(args);
    }

    /**
     * Answers the component's invokes; passes others on (or answers an empty result without other mocks).
     *
     * @param args the invoke
     * @return its result
     */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (COMPONENT_INVOKES.contains(args.token) || others.isEmpty()) {
            return pool.callAsync(args);
        }
        return others.get().callAsync(args);
    }
}
