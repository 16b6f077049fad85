package io.acai.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher, read from its compiled main classes: it deploys and measures the apps, it never runs a detector. */
class LauncherArchitectureTest {

    private static JavaClasses launcher;

    @BeforeAll
    static void importMainClasses() {
        launcher = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.acai.launcher");
        assertThat(launcher).as("the launcher's main classes, so that no rule passes by reading nothing")
                .extracting(JavaClass::getPackageName)
                .contains("io.acai.launcher", "io.acai.launcher.config", "io.acai.launcher.run");
    }

    @Test
    void theLauncherDoesNotDependOnOpenCvOrDjl() {
        noClasses().should()
                .dependOnClassesThat().resideInAnyPackage("io.acai.detection.opencv..", "org.bytedeco..", "ai.djl..")
                .because("the launcher jar stays free of native libraries (OpenCV, DJL and PyTorch): it runs on"
                        + " machines that only deploy the apps")
                .check(launcher);
    }
}
