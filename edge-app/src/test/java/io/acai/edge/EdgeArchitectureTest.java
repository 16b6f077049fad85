package io.acai.edge;

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
import io.acai.edge.upload.CloudLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's package structure, read from its compiled main classes: Netty stays in the link to
 * the cloud, the update logic talks to the cloud through its own {@link CloudLink} and
 * {@code CloudListener} and knows nothing of the link, and no two packages need each other.
 */
class EdgeArchitectureTest {

    private static final String ROOT = "io.acai.edge";

    private static JavaClasses edge;

    @BeforeAll
    static void importMainClasses() {
        edge = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(edge).as("the edge's main classes, so that no rule passes by reading nothing")
                .extracting(JavaClass::getPackageName)
                .contains(ROOT, ROOT + ".upload", ROOT + ".link", ROOT + ".model");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().assignedFrom(packagesOf(ROOT)).should().beFreeOfCycles()
                .because("a package that needs another which needs it back cannot be understood, tested"
                        + " or moved on its own")
                .check(edge);
    }

    @Test
    void onlyTheLinkUsesNetty() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".link..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("the link is the edge's transport: no Channel or other Netty type leaves it")
                .check(edge);
    }

    @Test
    void theUpdateLogicDoesNotKnowTheLink() {
        noClasses().that().resideInAPackage(ROOT + ".upload..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".link..")
                .because("the update logic reaches the cloud only through its own CloudLink and CloudListener")
                .check(edge);
    }

    @Test
    void theModelDoesNotKnowTheLinkOrTheUpdateLogic() {
        noClasses().that().resideInAPackage(ROOT + ".model..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".link..", ROOT + ".upload..")
                .because("the model swap loads and serves detectors, below the update logic and the link that feed it")
                .check(edge);
    }

    @Test
    void theLinkImplementsTheUpdateLogicsCloudLink() {
        classes().that().haveFullyQualifiedName(ROOT + ".link.CloudClient")
                .should().implement(CloudLink.class)
                .because("the link decides how the update logic's uploads reach the cloud")
                .check(edge);
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
