package dev.toolgate.server;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The server's packages form no cycle (docs/architecture.md, "Modules and dependency rules"). Unlike
 * {@code slices().matching("dev.toolgate.server.(*)..")}, the root package (the application class) is a slice
 * of its own too, so a sub-package that reaches back to it is caught as well.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.toolgate.server";

    @Test
    void serverPackagesAreFreeOfCycles() {
        JavaClasses server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        slices().assignedFrom(new FirstSegmentOrRoot())
                .should()
                .beFreeOfCycles()
                .check(server);
    }

    /** One slice per package directly under {@code dev.toolgate.server}, and one for the root package itself. */
    private static final class FirstSegmentOrRoot implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (name.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.", 2)[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.toolgate.server, the root package included";
        }
    }
}
