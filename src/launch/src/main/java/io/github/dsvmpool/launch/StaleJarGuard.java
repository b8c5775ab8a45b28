package io.github.dsvmpool.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Pulumi Java host runs the jar named in Pulumi.yaml as it is and never builds it, so a jar older than the
 * sources would deploy the old program without a word. This refuses to start such a jar, before anything is
 * declared. It checks only when the program runs from a jar; under Maven ({@code target/classes}) and in tests
 * the classes are always freshly compiled.
 */
public final class StaleJarGuard {
    /** The one command that brings the jar up to date. */
    public static final String REBUILD_COMMAND = BuildLayout.REBUILD_COMMAND;

    /** {@code java -cp src/stack/target/dsvm-pool.jar ...StaleJarGuard}: exit 0 when the jar is current, else 1 and why. */
    public static void main(String[] args) {
        problem(StaleJarGuard.class).ifPresent(problem -> {
            System.err.println(problem);
            System.exit(1);
        });
    }

    /** Why the jar must not run, as one line; empty when it may. */
    public static Optional<String> problem(Class<?> programClass) {
        Optional<Path> jar = jarOf(programClass);
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> project = projectOf(jar.get());
        if (project.isEmpty()) {
            // A jar copied away from its sources: nothing to compare it with.
            return Optional.empty();
        }
        String built;
        try (InputStream resource = programClass.getClassLoader().getResourceAsStream(SourceFingerprint.RESOURCE)) {
            if (resource == null) {
                return Optional.of(message(jar.get(), "it carries no source fingerprint"));
            }
            built = new String(resource.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.of(message(jar.get(), "its source fingerprint cannot be read (" + e.getMessage() + ")"));
        }
        Map<String, String> now = SourceFingerprint.of(project.get());
        List<String> changed = SourceFingerprint.differences(SourceFingerprint.parse(built), now);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        String which = changed.size() == 1 ? changed.get(0) : changed.get(0) + " and " + (changed.size() - 1) + " more";
        return Optional.of(message(jar.get(), which + " changed since it was built"));
    }

    private static String message(Path jar, String reason) {
        return "dsvm-pool: refusing to run the stale program jar " + jar.getFileName() + ": " + reason
                + "; rebuild it with `" + REBUILD_COMMAND + "` and run again";
    }

    private static Optional<Path> jarOf(Class<?> programClass) {
        var source = programClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The repository the jar was built in: it must still be where the build put it. */
    private static Optional<Path> projectOf(Path jar) {
        return BuildLayout.rootOf(jar);
    }

    private StaleJarGuard() {
    }
}
