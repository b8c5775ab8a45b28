package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import io.github.dsvmpool.plans.GeneratedPasswordPolicy;
import io.github.dsvmpool.random.RandomPassword;
import io.github.dsvmpool.random.RandomPasswordArgs;

/** The admin password the pool generates when none is given: a random provider password, kept in state. */
final class AdminPassword {
    private AdminPassword() {
    }

    /** Declares the {@code <pool>-admin-password} child and returns its result, a secret. */
    static Output<String> generate(PartContext context) {
        int minimum = GeneratedPasswordPolicy.MINIMUM_PER_CLASS;
        var password = new RandomPassword(context.childName("admin-password"), RandomPasswordArgs.builder()
                .length(GeneratedPasswordPolicy.LENGTH)
                .classes(true, true, true, true)
                .minimums(minimum, minimum, minimum, minimum)
                .overrideSpecial(GeneratedPasswordPolicy.SPECIAL_CHARACTERS)
                .build(), context.options().build());
        return password.result().asSecret();
    }
}
