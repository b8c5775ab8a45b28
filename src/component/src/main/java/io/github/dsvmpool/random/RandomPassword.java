package io.github.dsvmpool.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * {@code random:index/randomPassword:RandomPassword}: a password the random provider generates once and keeps
 * in the stack's state. Its {@code result} is a secret: the provider's schema marks it so, and this binding
 * asks the engine to treat it as one too ({@code additionalSecretOutputs}), as the generated SDK does.
 */
@ResourceType(type = RandomPassword.TYPE, version = RandomProvider.VERSION)
public final class RandomPassword extends CustomResource {
    public static final String TYPE = "random:index/randomPassword:RandomPassword";

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    @Export(name = "length", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> length;

    public RandomPassword(String name, RandomPasswordArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(CustomResourceOptions.builder()
                // Pins the plugin the engine installs to the one discovery lists.
                .version(RandomProvider.VERSION)
                .additionalSecretOutputs(List.of("result", "bcryptHash"))
                .build(), options));
    }

    /** The generated password, a secret. */
    public Output<String> result() {
        return result;
    }

    public Output<Integer> length() {
        return length;
    }
}
