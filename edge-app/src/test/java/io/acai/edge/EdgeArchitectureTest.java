package io.acai.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.acai.edge.upload.CloudLink;
import io.acai.testkit.PackageRules;
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
        edge = PackageRules.mainClasses(ROOT, "upload", "link", "model");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        PackageRules.noCycles(ROOT)
                .because("a package that needs another which needs it back cannot be understood, tested"
                        + " or moved on its own")
                .check(edge);
    }

    @Test
    void onlyTheLinkUsesNetty() {
        PackageRules.onlyPackageUses(ROOT, "link", "io.netty..")
                .because("the link is the edge's transport: no Channel or other Netty type leaves it")
                .check(edge);
    }

    @Test
    void theUpdateLogicDoesNotKnowTheLink() {
        PackageRules.packageDoesNotUse(ROOT, "upload", ROOT + ".link..")
                .because("the update logic reaches the cloud only through its own CloudLink and CloudListener")
                .check(edge);
    }

    @Test
    void theModelDoesNotKnowTheLinkOrTheUpdateLogic() {
        PackageRules.packageDoesNotUse(ROOT, "model", ROOT + ".link..", ROOT + ".upload..")
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
}
