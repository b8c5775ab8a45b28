package io.github.dsvmpool.engine;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints each engine test's wall time ("[engine] Class.method: 12.3 s"), the figure docs/engine-tests.md keeps. */
final class WallTime implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WallTime.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), System.nanoTime());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        long started = context.getStore(NAMESPACE).remove(context.getUniqueId(), Long.class);
        System.out.printf(Locale.ROOT, "[engine] %s.%s on JDK %s: %.1f s%n",
                context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName(),
                Runtime.version().feature(), (System.nanoTime() - started) / 1e9);
        System.out.flush();
    }
}
