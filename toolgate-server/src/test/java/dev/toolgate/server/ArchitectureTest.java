package dev.toolgate.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The server's packages form no cycle (docs/architecture.md, "Modules and dependency rules"). Unlike
 * {@code slices().matching("dev.toolgate.server.(*)..")}, the root package (the application class) is a slice
 * of its own too, so a sub-package that reaches back to it is caught as well. And in the main code of the core,
 * verify, knowledge and server modules, values with many parts are built through factories or builders
 * (docs/architecture.md, "Code shape").
 */
class ArchitectureTest {

    private static final String ROOT = "dev.toolgate.server";

    /** The most positional arguments a constructor of a project class may be called with from outside its type. */
    private static final int MAX_POSITIONAL_ARGUMENTS = 6;

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

    @Test
    void longConstructorsAreCalledOnlyByTheirOwnTypeItsBuilderOrFactory() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.toolgate.core", "dev.toolgate.verify", "dev.toolgate.knowledge", ROOT);
        classes().should(callNoLongConstructorOfAnotherType()).check(main);
    }

    /**
     * A call to a project class's constructor with more than {@value #MAX_POSITIONAL_ARGUMENTS} parameters is allowed
     * only from that class or a class nested in it (its builder or factory).
     */
    private static ArchCondition<JavaClass> callNoLongConstructorOfAnotherType() {
        return new ArchCondition<>("call no constructor of more than " + MAX_POSITIONAL_ARGUMENTS
                + " parameters of another project type (use its builder or factory)") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaConstructorCall call : origin.getConstructorCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    int parameters = call.getTarget().getRawParameterTypes().size();
                    if (parameters > MAX_POSITIONAL_ARGUMENTS
                            && target.getPackageName().startsWith("dev.toolgate.")
                            && !nestedIn(origin, target)) {
                        events.add(SimpleConditionEvent.violated(
                                call, call.getDescription() + " passes " + parameters + " positional arguments"));
                    }
                }
            }
        };
    }

    /** Whether {@code origin} is {@code target} or a class nested (at any depth) in it. */
    private static boolean nestedIn(JavaClass origin, JavaClass target) {
        for (Optional<JavaClass> c = Optional.of(origin);
                c.isPresent();
                c = c.get().getEnclosingClass()) {
            if (c.get().equals(target)) {
                return true;
            }
        }
        return false;
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
