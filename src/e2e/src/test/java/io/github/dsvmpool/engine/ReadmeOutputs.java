package io.github.dsvmpool.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The stack outputs the user documentation lists: the first column of the table under "## Outputs". */
final class ReadmeOutputs {
    private static final Pattern NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");

    private ReadmeOutputs() {
    }

    static Set<String> names() throws IOException {
        // The README has the table; docs/*.md are searched should it move there.
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        if (Files.isDirectory(Path.of("docs"))) {
            try (Stream<Path> docs = Files.list(Path.of("docs"))) {
                docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
            }
        }
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document);
            int heading = lines.indexOf("## Outputs");
            if (heading >= 0) {
                return table(lines.subList(heading + 1, lines.size()));
            }
        }
        throw new AssertionError("no '## Outputs' section in " + documents);
    }

    private static Set<String> table(List<String> section) {
        Set<String> names = new TreeSet<>();
        boolean inTable = false;
        for (String line : section) {
            if (line.startsWith("|")) {
                inTable = true;
                String firstCell = line.split("\\|")[1];
                Matcher name = NAME.matcher(firstCell);
                while (name.find()) {
                    names.add(name.group(1));
                }
            } else if (inTable || line.startsWith("#")) {
                break;
            }
        }
        assertThat(names).as("output names in the table under ## Outputs").isNotEmpty();
        return names;
    }
}
