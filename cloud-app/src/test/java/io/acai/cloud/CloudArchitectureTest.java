package io.acai.cloud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.acai.cloud.retrain.EdgeFleet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cloud's package structure, read from its compiled main classes: Netty stays in the server,
 * the retrain logic talks to edges through its own {@link EdgeFleet} and knows nothing of the
 * server, and no two packages need each other.
 */
class CloudArchitectureTest {

    private static final String ROOT = "io.acai.cloud";

    private static JavaClasses cloud;

    @BeforeAll
    static void importMainClasses() {
        cloud = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(cloud).as("the cloud's main classes, so that no rule passes by reading nothing")
                .extracting(JavaClass::getPackageName)
                .contains(ROOT, ROOT + ".retrain", ROOT + ".server", ROOT + ".store");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().assignedFrom(packagesOf(ROOT)).should().beFreeOfCycles()
                .because("a package that needs another which needs it back cannot be understood, tested"
                        + " or moved on its own")
                .check(cloud);
    }

    @Test
    void onlyTheServerUsesNetty() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".server..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("the server is the cloud's transport: no Channel or other Netty type leaves it")
                .check(cloud);
    }

    @Test
    void theRetrainLogicDoesNotKnowTheServer() {
        noClasses().that().resideInAPackage(ROOT + ".retrain..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".server..")
                .because("the retrain loop reaches the edges only through its own EdgeFleet")
                .check(cloud);
    }

    @Test
    void theStoreDoesNotKnowTheServerOrTheRetrainLogic() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".server..", ROOT + ".retrain..")
                .because("the store keeps the model versions on disk, below the retrain loop and the server that use it")
                .check(cloud);
    }

    @Test
    void theServerImplementsTheRetrainLogicsEdgeFleet() {
        classes().that().haveFullyQualifiedName(ROOT + ".server.ConnectedEdges")
                .should().implement(EdgeFleet.class)
                .because("the server decides how a version reaches the edges the retrain loop names")
                .check(cloud);
    }

    /** Each package under {@code root} its own slice, {@code root} itself included. */
    private static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
    }
}
