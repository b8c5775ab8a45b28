package io.github.dsvmpool.launch;

import com.pulumi.deployment.internal.DeploymentImpl;
import java.util.logging.Logger;

/**
 * The SDK (pulumi 1.36.1, {@code DeploymentImpl.DefaultEngineLogger}) sends every program message to the engine
 * and also logs it to its java.util.logging logger, whose console handler writes it to stderr; the language host
 * hands stderr to the engine too, so under the real CLI every warning and error appeared twice (the second time
 * as "SEVERE: ..." with a timestamp line). The engine's copy is the one Pulumi shows and keeps: this turns off the
 * console copy. Failures to reach the engine are still printed ({@link CallbackRunner}).
 */
public final class EngineLogEcho {
    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger forgets its settings. */
    private static final Logger SDK_LOGGER = Logger.getLogger(DeploymentImpl.class.getName());

    private EngineLogEcho() {
    }

    /** Call in main, before the SDK starts. */
    public static void off() {
        SDK_LOGGER.setUseParentHandlers(false);
    }
}
