package io.acai.cloud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.acai.cloud.retrain.EdgeFleet;
import io.acai.testkit.PackageRules;
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
        cloud = PackageRules.mainClasses(ROOT, "holdout", "retrain", "server", "store");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        PackageRules.noCycles(ROOT)
                .because("a package that needs another which needs it back cannot be understood, tested"
                        + " or moved on its own")
                .check(cloud);
    }

    @Test
    void onlyTheServerUsesNetty() {
        PackageRules.onlyPackageUses(ROOT, "server", "io.netty..")
                .because("the server is the cloud's transport: no Channel or other Netty type leaves it")
                .check(cloud);
    }

    @Test
    void theRetrainLogicDoesNotKnowTheServer() {
        PackageRules.packageDoesNotUse(ROOT, "retrain", ROOT + ".server..")
                .because("the retrain loop reaches the edges only through its own EdgeFleet")
                .check(cloud);
    }

    @Test
    void theStoreDoesNotKnowTheServerOrTheRetrainLogic() {
        PackageRules.packageDoesNotUse(ROOT, "store", ROOT + ".server..", ROOT + ".retrain..")
                .because("the store keeps the model versions on disk, below the retrain loop and the server that use it")
                .check(cloud);
    }

    @Test
    void theHeldOutScoringKnowsOnlyTheStore() {
        PackageRules.packageDoesNotUse(ROOT, "holdout", ROOT + ".server..", ROOT + ".retrain..", "io.netty..",
                        "ai.djl..")
                .because("the retrain loop hands it each pushed version; it scores through the edges' detector, "
                        + "not through training or the transport")
                .check(cloud);
    }

    @Test
    void theServerImplementsTheRetrainLogicsEdgeFleet() {
        classes().that().haveFullyQualifiedName(ROOT + ".server.ConnectedEdges")
                .should().implement(EdgeFleet.class)
                .because("the server decides how a version reaches the edges the retrain loop names")
                .check(cloud);
    }
}
