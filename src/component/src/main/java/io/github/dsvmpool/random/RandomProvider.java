package io.github.dsvmpool.random;

/** The random provider plugin this binding was written against (pulumi/pulumi-random, latest v4 release). */
public final class RandomProvider {
    /** Must equal the version in {@code com/pulumi/random/plugin.json}; a test holds them together. */
    public static final String VERSION = "4.21.1";
    public static final String PLUGIN_JSON = "com/pulumi/random/plugin.json";

    private RandomProvider() {
    }
}
