package io.github.dsvmpool.tools.plan;

import io.github.dsvmpool.offline.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds and reads a stack's committed {@code Pulumi.<stack>.yaml} in the project folder, as Pulumi would. */
public final class StackFiles {
    /** Pulumi's rule for stack names (letters, digits, '-', '_', '.'), which also keeps paths inside the folder. */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.yaml");

    private StackFiles() {
    }

    public static Path path(Path projectDirectory, String stack) {
        return projectDirectory.resolve("Pulumi." + stack + ".yaml");
    }

    /** @throws PlanInputException for a bad name, an unknown stack, or a file that cannot be read */
    public static StackFile read(Path projectDirectory, String stack) throws PlanInputException {
        checkName(stack);
        Path file = path(projectDirectory, stack);
        if (!Files.isRegularFile(file)) {
            List<String> known = knownStacks(projectDirectory);
            throw new PlanInputException("unknown stack '" + stack + "': " + file + " does not exist; "
                    + (known.isEmpty() ? "no stack files found there" : "known stacks: " + String.join(", ", known)));
        }
        try {
            return StackFile.read(file);
        } catch (IOException e) {
            throw new PlanInputException("cannot read stack file: " + e.getMessage(), e);
        }
    }

    /** @throws PlanInputException unless {@code stack} is a name Pulumi accepts (and so a safe file name) */
    public static void checkName(String stack) throws PlanInputException {
        if (!STACK_NAME.matcher(stack).matches() || stack.startsWith(".")) {
            throw new PlanInputException("'" + stack + "' is not a stack name: use letters, digits, '-', '_' or '.'");
        }
    }

    /** Stacks that have a stack file in the project folder, sorted. */
    public static List<String> knownStacks(Path projectDirectory) {
        try (Stream<Path> files = Files.list(projectDirectory)) {
            return files.map(file -> STACK_FILE.matcher(file.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
