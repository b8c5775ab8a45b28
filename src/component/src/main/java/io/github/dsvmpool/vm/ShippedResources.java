package io.github.dsvmpool.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files shipped in the jar next to these classes (the scripts that run on the VMs). */
public final class ShippedResources {
    private ShippedResources() {
    }

    /** The resource's text (UTF-8). */
    public static String text(String name) {
        try (InputStream in = ShippedResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
