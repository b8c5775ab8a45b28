package io.github.dsvmpool.launch;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The SDK's engine logger, minus the wire dumps in its own debug lines. The SDK (pulumi 1.36.1) sends the engine
 * a debug line with the whole request and answer of every registration ({@code request=...}, {@code result=...},
 * {@code data=...}), secret values in clear: the generated admin password among them. The engine prints debug
 * lines with {@code pulumi up --debug}, so a troubleshooting run would put the password into a terminal or a CI
 * log. The Python and Node.js SDKs had the same leak and now log these only in excessive-debug mode
 * (pulumi/pulumi#24479, #24478); for Java it is pulumi/pulumi-java#618, open. Here such a line keeps what it says
 * (type, name, flags) and loses the dump; every other line, and every error and warning, passes unchanged.
 * Checked over real gRPC by {@code RealEngineLaunchTest}.
 */
public final class RedactingEngineLogger implements EngineLogger {
    /** What replaces a dump: said so that nobody mistakes it for an empty request. */
    static final String OMITTED = "[omitted by dsvm-pool: it may hold secret values]";
    /** One of the SDK's debug lines that end in a dump: how the line starts, and what starts its dump. */
    private record Dump(String line, String dump) {
    }

    private static final List<Dump> DUMPS = List.of(
            new Dump("Registering resource monitor start: ", ", request="),
            new Dump("Registering resource monitor end: ", ", result="),
            new Dump("Read response for resource: ", ", data="));

    private final EngineLogger delegate;

    public RedactingEngineLogger(EngineLogger delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    // Each level goes to the delegate's own method: the SDK's logger maps levels in its overrides (its debug is
    // FINEST, the interface's default FINE, which its logAsync refuses).
    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId,
                                            Boolean ephemeral) {
        return delegate.logAsync(level, redact(message), resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return delegate.debugAsync(redact(message), resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> infoAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return delegate.infoAsync(redact(message), resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> warnAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return delegate.warnAsync(redact(message), resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> errorAsync(String message, Resource resource, Integer streamId, Boolean ephemeral) {
        return delegate.errorAsync(redact(message), resource, streamId, ephemeral);
    }

    /** The message without the dump it ends in, when it is one of the SDK's dumping lines; else unchanged. */
    static String redact(String message) {
        if (message == null) {
            return null;
        }
        for (Dump known : DUMPS) {
            if (message.startsWith(known.line())) {
                int start = message.indexOf(known.dump());
                if (start >= 0) {
                    return message.substring(0, start + known.dump().length()) + OMITTED;
                }
            }
        }
        return message;
    }

    @Override
    public int getErrorCount() {
        return delegate.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return delegate.hasLoggedErrors();
    }
}
