package io.github.dsvmpool.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a program jar was built from: the SHA-256 of every file of {@link BuildLayout#PROGRAM_SOURCES} (the poms
 * and the main sources of the modules the program runs), one line per file ({@code <hash> <path>}, sorted by
 * path). Contents, not timestamps, so a fresh checkout of the same commit matches and a touched but unchanged
 * file does not count. The build writes it into the jar (src/stack/pom.xml, prepare-package) and
 * {@link StaleJarGuard} compares it with the repository at start.
 */
public final class SourceFingerprint {
    /** Where the fingerprint lives inside the jar (and in target/classes, from which the jar is made). */
    public static final String RESOURCE = "META-INF/dsvm-pool/source-fingerprint.txt";

    private SourceFingerprint() {
    }

    /** {@code SourceFingerprint <repository root> <classes directory>}: writes the fingerprint (build step). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SourceFingerprint <repository root> <classes directory>");
        }
        Path target = Path.of(args[1]).resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        String fingerprint = format(of(Path.of(args[0])));
        // Rewritten only when it changes, so that an unchanged build leaves the jar as it is.
        if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(fingerprint)) {
            Files.writeString(target, fingerprint, StandardCharsets.UTF_8);
        }
    }

    /** Relative path (with '/') to the file's SHA-256, for every input file of the program. */
    public static Map<String, String> of(Path projectDirectory) {
        return of(projectDirectory, BuildLayout.PROGRAM_SOURCES);
    }

    /** The same for the given inputs (files or folders, relative to {@code projectDirectory}). */
    public static Map<String, String> of(Path projectDirectory, List<String> inputs) {
        var hashes = new TreeMap<String, String>();
        for (String input : inputs) {
            Path root = projectDirectory.resolve(input);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String relative = projectDirectory.relativize(file).toString().replace('\\', '/');
                    hashes.put(relative, sha256(Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes;
    }

    public static String format(Map<String, String> fingerprint) {
        var text = new StringBuilder();
        fingerprint.forEach((path, hash) -> text.append(hash).append(' ').append(path).append('\n'));
        return text.toString();
    }

    public static Map<String, String> parse(String text) {
        var fingerprint = new TreeMap<String, String>();
        text.lines().filter(line -> !line.isBlank()).forEach(line -> {
            int space = line.indexOf(' ');
            fingerprint.put(line.substring(space + 1), line.substring(0, space));
        });
        return fingerprint;
    }

    /** The paths that were added, removed or changed between two fingerprints, sorted. */
    public static List<String> differences(Map<String, String> built, Map<String, String> now) {
        var paths = new TreeMap<String, Boolean>();
        built.keySet().forEach(path -> paths.put(path, true));
        now.keySet().forEach(path -> paths.put(path, true));
        var changed = new ArrayList<String>();
        paths.keySet().stream().filter(path -> !java.util.Objects.equals(built.get(path), now.get(path)))
                .forEach(changed::add);
        return changed;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
