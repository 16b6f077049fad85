package io.acai.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.acai.testkit.PackageRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher, read from its compiled main classes: it deploys and measures the apps, it never runs a detector. */
class LauncherArchitectureTest {

    private static JavaClasses launcher;

    @BeforeAll
    static void importMainClasses() {
        launcher = PackageRules.mainClasses("io.acai.launcher", "config", "run");
    }

    @Test
    void theLauncherDoesNotDependOnOpenCvOrDjl() {
        PackageRules.noClassUses("io.acai.detection.opencv..", "org.bytedeco..", "ai.djl..")
                .because("the launcher jar stays free of native libraries (OpenCV, DJL and PyTorch): it runs on"
                        + " machines that only deploy the apps")
                .check(launcher);
    }
}
