package io.github.dsvmpool.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose tools are missing, saying why and how to install them on the console: Surefire shows only
 * "Skipped: 1" there and keeps the reason in its report files, where nobody looks. Fails instead on CI
 * ({@code CI=true}), where every tool must be installed.
 */
public final class Skip {
    private Skip() {
    }

    public static void becauseOf(String reasonWithInstallCommand) {
        if ("true".equals(System.getenv("CI"))) {
            fail(reasonWithInstallCommand);
        }
        // The forked JVM's stdout is what Surefire prints on the console while the test class runs.
        System.out.println("[SKIPPED] " + reasonWithInstallCommand);
        System.out.flush();
        Assumptions.abort(reasonWithInstallCommand);
    }
}
