package io.github.dsvmpool.engine;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * A thin program jar for the Java host's jar start ({@code java -jar}, discovery with {@code java -cp}): only a
 * manifest naming the main class, with this test run's class path as its Class-Path, as target/dsvm-pool.jar
 * names target/lib (pom.xml program-jar).
 */
final class ProgramJar {
    private ProgramJar() {
    }

    static Path write(Path jar, Class<?> mainClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        // URLs: folders end in "/", special characters are escaped.
        attributes.put(Attributes.Name.CLASS_PATH, Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            return jar;
        }
    }
}
