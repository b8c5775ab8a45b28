package io.github.dsvmpool.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
