package io.acai.detection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector's core, read from its compiled main classes: plain Java that every module can use,
 * with the native engines in modules of their own ({@code opencv-detector}, the cloud's DJL training).
 */
class DetectionArchitectureTest {

    private static JavaClasses detection;

    @BeforeAll
    static void importMainClasses() {
        detection = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.acai.detection");
        assertThat(detection).as("the detection module's main classes, so that no rule passes by reading nothing")
                .extracting(JavaClass::getPackageName)
                .contains("io.acai.detection", "io.acai.detection.darknet");
    }

    @Test
    void theCoreHasNoNativeOrNetworkDependencies() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "ai.djl..", "io.netty..")
                .because("detection holds the types and the darknet format that the launcher, the edge and the"
                        + " cloud share; OpenCV, DJL/PyTorch and Netty belong to the modules that run them")
                .check(detection);
    }
}
