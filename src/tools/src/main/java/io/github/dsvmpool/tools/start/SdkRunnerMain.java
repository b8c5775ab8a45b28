package io.github.dsvmpool.tools.start;

import com.pulumi.Pulumi;
import io.github.dsvmpool.App;

/** The stack's main with the SDK's own {@code Pulumi.run} (its polling task runner): the engine benchmark's other side. */
public final class SdkRunnerMain {
    private SdkRunnerMain() {
    }

    public static void main(String[] args) {
        App.start(App::stackOrRunError, Pulumi::run);
    }
}
