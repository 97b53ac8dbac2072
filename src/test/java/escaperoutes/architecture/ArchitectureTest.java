package escaperoutes.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layers of {@code ../shared/STYLE.md}, checked on the compiled classes (so a fully qualified name in the
 * code counts as much as an import; a name in a comment does not). Each layer may use the layers below it, never one
 * above; no two packages use each other, directly or round a longer loop.
 */
class ArchitectureTest {

    /**
     * The layers, top first. The packages in one layer do not need each other (the cycle rule keeps them from using
     * each other both ways).
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("cli"),
            List.of("gui"),
            List.of("spark"),
            List.of("experiment"),
            List.of("chart"),
            List.of("calibration", "sweep"),
            List.of("output", "simulation", "design", "parameter", "evidence", "posterior"),
            List.of("scenario", "observe"),
            List.of("model"),
            List.of("io", "stats"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The compiled main classes alone: scanning the whole class path for the package takes seconds more.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
    }

    @Test
    void everyPackageIsInALayer() {
        List<String> known = LAYERS.stream().flatMap(List::stream).map(ArchitectureTest::pkg).toList();
        classes().should().resideInAnyPackage(known.toArray(String[]::new))
                .because("a new package takes its place in the layers of ArchitectureTest.LAYERS")
                .check(classes);
    }

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        for (int i = 1; i < LAYERS.size(); i++) {
            List<String> above = new ArrayList<>();
            LAYERS.subList(0, i).forEach(layer -> layer.stream().map(ArchitectureTest::pkg).forEach(above::add));
            ArchRule rule = noClasses().that().resideInAnyPackage(layer(i))
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .because("dependencies point down the layers: " + LAYERS);
            if (LAYERS.get(i).equals(List.of("spark"))) {
                // Compiled only by the spark profile: `mvn test` without it has no classes there to check.
                rule = rule.allowEmptyShould(true);
            }
            rule.check(classes);
        }
    }

    @Test
    void nothingBelowTheCommandLineUsesIt() {
        noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
                .check(classes);
    }

    @Test
    void chartsKnowOnlyTheFilesIoDescribes() {
        noClasses().that().resideInAPackage(pkg("chart"))
                .should().dependOnClassesThat().resideInAnyPackage(LAYERS.stream().flatMap(List::stream)
                        .filter(name -> !List.of("chart", "io", "stats").contains(name)).map(ArchitectureTest::pkg)
                        .toArray(String[]::new))
                .because("charts are drawn from result tables (read back, or handed over in memory), whatever made "
                        + "them")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("escaperoutes.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theModelUsesOnlyMasonTheJdkAndCommonsMathsSpecialFunctions() {
        classes().that().resideInAPackage(pkg("model"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("model"), "java..", "sim..", "ec.util..",
                        "org.apache.commons.math3.special..")
                .because("the model does no I/O and knows nothing of files, JSON, charts or the command line")
                .check(classes);
    }

    private static String[] layer(int i) {
        return LAYERS.get(i).stream().map(ArchitectureTest::pkg).toArray(String[]::new);
    }

    private static String pkg(String name) {
        return "escaperoutes." + name + "..";
    }

}
