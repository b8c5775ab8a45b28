package io.github.dsvmpool.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages in layers, without cycles (docs/development.md, "How the code is laid out"): problems and
 * vm at the bottom, then config (the settings), plans (what follows from them, and validation), stackconfig (the
 * stack reader) and pool (the resources).
 */
class PackageLayersTest {
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.github.dsvmpool");

    @Test
    void everyPackageIsFreeOfCycles() {
        // (**) makes each package, subpackages included, a slice of its own.
        slices().matching("io.github.dsvmpool.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void theSettingsDoNotDependOnWhatFollowsFromThem() {
        noClasses().that().resideInAnyPackage("io.github.dsvmpool.config..", "io.github.dsvmpool.problems..",
                "io.github.dsvmpool.vm..").should().dependOnClassesThat().resideInAnyPackage(
                "io.github.dsvmpool.plans..", "io.github.dsvmpool.stackconfig..", "io.github.dsvmpool.pool..")
                .check(LIBRARY);
    }

    @Test
    void problemsAndTheVmScriptsDependOnNoOtherPackage() {
        noClasses().that().resideInAnyPackage("io.github.dsvmpool.problems..", "io.github.dsvmpool.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.dsvmpool.config..",
                        "io.github.dsvmpool.plans..", "io.github.dsvmpool.stackconfig..", "io.github.dsvmpool.pool..",
                        "io.github.dsvmpool.random..")
                .check(LIBRARY);
    }

    /**
     * The same layers in the sources, javadoc included: bytecode does not show an import used only by a
     * {@code {@link}} or a constant the compiler inlined, and either still ties a lower package to a higher one.
     */
    @Test
    void noSourceOfALowerPackageNamesAHigherOne() throws IOException {
        Path root = Path.of("src/component/src/main/java/io/github/dsvmpool");
        Map<String, String> forbidden = Map.of(
                "problems", "config|plans|stackconfig|pool|random|network",
                "vm", "config|plans|stackconfig|pool|random|network",
                "config", "plans|stackconfig|pool|network",
                "plans/autoscale", "plans\\.[A-Z]|stackconfig|pool|network",
                "plans", "stackconfig|pool");
        var offenders = new java.util.ArrayList<String>();
        for (var layer : forbidden.entrySet()) {
            Pattern higher = Pattern.compile("io\\.github\\.dsvmpool\\.(" + layer.getValue() + ")");
            try (Stream<Path> files = Files.walk(root.resolve(layer.getKey()))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    boolean ownSubpackage = layer.getKey().equals("plans") && root.relativize(file).startsWith("plans/autoscale");
                    List<String> lines = Files.readAllLines(file);
                    for (int line = 0; line < lines.size() && !ownSubpackage; line++) {
                        if (higher.matcher(lines.get(line)).find()) {
                            offenders.add(root.relativize(file) + ":" + (line + 1) + ": " + lines.get(line).strip());
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
