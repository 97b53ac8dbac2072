package escaperoutes.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model knows nothing of files, JSON, charts or the command line: it may use MASON, the JDK and Commons Math's
 * special functions, and nothing else.
 */
class ModelImportsTest {

    @Test
    void modelDependsOnlyOnMasonTheJdkAndSpecialFunctions() {
        JavaClasses model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("escaperoutes.model");
        classes().that().resideInAPackage("escaperoutes.model")
                .should().onlyDependOnClassesThat().resideInAnyPackage("escaperoutes.model", "java..", "sim..",
                        "ec..", "org.apache.commons.math3.special")
                .check(model);
    }
}
