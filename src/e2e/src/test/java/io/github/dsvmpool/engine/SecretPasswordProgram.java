package io.github.dsvmpool.engine;

import com.pulumi.Context;
import com.pulumi.resources.CustomResourceOptions;
import io.github.dsvmpool.launch.CommonPool;
import io.github.dsvmpool.launch.ProgramLaunch;
import io.github.dsvmpool.random.RandomPassword;
import io.github.dsvmpool.random.RandomPasswordArgs;

/**
 * The program of the engine fixture (src/test/resources/engine/secret-password): the project's own random binding
 * and launch path, run by the real engine through the Java host's jar start.
 */
public final class SecretPasswordProgram {
    static final int LENGTH = 24;
    static final String STARTED = "secret-password program: declaring the password";

    private SecretPasswordProgram() {
    }

    public static void main(String[] args) {
        CommonPool.ensureParallelism();
        System.out.println(STARTED);
        ProgramLaunch.run(SecretPasswordProgram::stack);
    }

    static void stack(Context ctx) {
        var password = new RandomPassword("password", RandomPasswordArgs.builder()
                .length(LENGTH)
                .classes(true, true, true, false)
                .minimums(1, 1, 1, 0)
                .build(), CustomResourceOptions.builder().build());
        ctx.export("password", password.result().asSecret());
        ctx.export("length", password.length());
    }
}
