package io.acai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The rules over the testkit's own main classes: one package, which uses ArchUnit and AssertJ. */
class PackageRulesTest {

    private static final String ROOT = "io.acai.testkit";

    @Test
    void importingFailsWhenANamedPackageIsAbsent() {
        assertThat(PackageRules.mainClasses(ROOT).contain(PackageRules.class)).isTrue();
        assertThat(PackageRules.mainClasses(ROOT).contain(PackageRulesTest.class)).as("tests left out").isFalse();
        assertThatThrownBy(() -> PackageRules.mainClasses(ROOT, "absent"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("so that no rule passes by reading nothing")
                .hasMessageContaining(ROOT + ".absent");
    }

    @Test
    void rulesFailOnTheDependenciesTheyForbid() {
        JavaClasses testkit = PackageRules.mainClasses(ROOT);
        PackageRules.noCycles(ROOT).check(testkit);
        PackageRules.noClassUses("io.netty..").check(testkit);
        assertThatThrownBy(() -> PackageRules.noClassUses("com.tngtech.archunit..").check(testkit))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PackageRules");
        assertThatThrownBy(() -> PackageRules.onlyPackageUses(ROOT, "elsewhere", "org.assertj..").check(testkit))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PackageRules");
        assertThatThrownBy(() -> PackageRules.packageDoesNotUse("io.acai", "testkit", "java.io..").check(testkit))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ConsoleCapture");
    }
}
