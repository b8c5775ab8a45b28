/**
 * A small typed binding of the random provider's {@code RandomPassword} and {@code RandomBytes}, written here
 * because {@code com.pulumi:random} is not in the Maven registry this project builds from. The engine installs and runs
 * the real provider plugin ({@code random} at {@link io.github.dsvmpool.random.RandomProvider#VERSION}), found by
 * plugin discovery through {@code com/pulumi/random/plugin.json} on the classpath. When {@code com.pulumi:random}
 * becomes available, replace this package (and that resource, which its jar carries too) with it.
 */
package io.github.dsvmpool.random;
