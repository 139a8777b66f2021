package dev.toolgate.verify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * toolgate-verify depends on nothing but the JDK (docs/architecture.md, "Modules and dependency rules"), so a
 * tenant can drop it into any Java endpoint.
 */
class ArchitectureTest {

    @Test
    void verifyDependsOnTheJdkOnly() {
        JavaClasses verify = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.toolgate.verify");
        classes()
                .that()
                .resideInAPackage("dev.toolgate.verify..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.toolgate.verify..", "java..", "javax.crypto..")
                .check(verify);
    }
}
