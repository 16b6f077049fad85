package io.acai.detection;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.acai.testkit.PackageRules;
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
        detection = PackageRules.mainClasses("io.acai.detection", "darknet");
    }

    @Test
    void theCoreHasNoNativeOrNetworkDependencies() {
        PackageRules.noClassUses("org.bytedeco..", "ai.djl..", "io.netty..")
                .because("detection holds the types and the darknet format that the launcher, the edge and the"
                        + " cloud share; OpenCV, DJL/PyTorch and Netty belong to the modules that run them")
                .check(detection);
    }
}
