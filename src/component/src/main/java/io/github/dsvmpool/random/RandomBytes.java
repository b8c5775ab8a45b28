package io.github.dsvmpool.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * {@code random:index/randomBytes:RandomBytes}: bytes the random provider draws once (from a cryptographic
 * generator) and keeps in the stack's state, "intended to be used as a secret, or key" (Pulumi Registry, random
 * provider, RandomBytes). Both encodings, {@code base64} and {@code hex}, are secrets: the provider's schema marks
 * them so, and this binding asks the engine to treat them as such too ({@code additionalSecretOutputs}), as the
 * generated SDK does. A change of {@code length} or {@code keepers} replaces the resource (new bytes).
 */
@ResourceType(type = RandomBytes.TYPE, version = RandomProvider.VERSION)
public final class RandomBytes extends CustomResource {
    public static final String TYPE = "random:index/randomBytes:RandomBytes";

    @Export(name = "base64", refs = {String.class}, tree = "[0]")
    private Output<String> base64;

    @Export(name = "hex", refs = {String.class}, tree = "[0]")
    private Output<String> hex;

    @Export(name = "length", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> length;

    @Export(name = "keepers", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private Output<Map<String, String>> keepers;

    public RandomBytes(String name, RandomBytesArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(CustomResourceOptions.builder()
                // Pins the plugin the engine installs to the one discovery lists.
                .version(RandomProvider.VERSION)
                .additionalSecretOutputs(List.of("base64", "hex"))
                .build(), options));
    }

    /** The bytes in standard base64, a secret. */
    public Output<String> base64() {
        return base64;
    }

    /** The bytes in lowercase hexadecimal, a secret. */
    public Output<String> hex() {
        return hex;
    }

    public Output<Integer> length() {
        return length;
    }

    public Output<Map<String, String>> keepers() {
        return keepers;
    }
}
