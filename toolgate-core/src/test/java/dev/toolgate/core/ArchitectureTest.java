package dev.toolgate.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's dependency rules (docs/architecture.md, "Modules and dependency rules"): it never depends on the
 * server, on Spring or on any web framework, and its packages form no cycle.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.toolgate.core");

    @Test
    void coreNeverDependsOnTheServerSpringOrAWebFramework() {
        noClasses()
                .that()
                .resideInAPackage("dev.toolgate.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.toolgate.server..",
                        "org.springframework..",
                        "jakarta.servlet..",
                        "javax.servlet..",
                        "jakarta.ws.rs..",
                        "org.glassfish.jersey..",
                        "io.micronaut..",
                        "io.quarkus..",
                        "io.javalin..",
                        "io.vertx..",
                        "io.netty..",
                        "io.undertow..",
                        "org.eclipse.jetty..",
                        "org.apache.catalina..")
                .check(CORE);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("dev.toolgate.core.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
