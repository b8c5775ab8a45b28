package io.github.dsvmpool.tools.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plan's output folder, replaced whole or not at all: the files are written into a temporary sibling
 * folder and renamed into place only when all are written, so a reader never sees a half-written or mixed plan.
 * The folder must hold plan files only: the tool replaces and removes it, and refusing a folder with other
 * files in it keeps {@code --out .} from wiping a working tree.
 */
final class PlanOutput {
    static final List<String> FILE_NAMES = List.of("tree.txt", "plan.json", "summary.md");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private PlanOutput() {
    }

    /** @throws PlanInputException when {@code folder} exists and is not a plan folder this tool may replace */
    static void checkReplaceable(Path folder) throws PlanInputException {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new PlanInputException("output " + folder + " exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> foreign = entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !FILE_NAMES.contains(name)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new PlanInputException("refusing to replace output folder " + folder + ": it holds files that"
                        + " are not plan files (" + String.join(", ", foreign) + "); pick an empty or new folder");
            }
        } catch (IOException e) {
            throw new PlanInputException("cannot read output folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Puts exactly {@code files} (name to content) in {@code folder}, replacing a previous plan. */
    static void replace(Path folder, Map<String, String> files) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path staging = freshFolder(parent, "." + name + ".new-");
        try {
            for (var file : files.entrySet()) {
                Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Path previous = null;
            if (Files.exists(target)) {
                previous = unusedName(parent, "." + name + ".old-");
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (previous != null) {
                deleteTree(previous);
            }
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Removes a previous plan from {@code folder} after a failed run, so that no stale plan can pass for the
     * current one (a script that reads the files without checking the exit code would otherwise compare old
     * files). Only a folder that {@link #checkReplaceable} accepts is touched.
     *
     * @return whether a previous plan was removed
     */
    static boolean removePrevious(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        deleteTree(folder);
        return true;
    }

    /**
     * A new, empty folder made with the user's umask (so usually 0755, readable as the user's other files are);
     * {@code Files.createTempDirectory} would make it 0700, and the plan folder would keep that mode.
     */
    private static Path freshFolder(Path parent, String prefix) throws IOException {
        Path folder = unusedName(parent, prefix);
        return Files.createDirectory(folder);
    }

    private static Path unusedName(Path parent, String prefix) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Path candidate = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            if (!Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new IOException("no unused temporary name in " + parent);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
