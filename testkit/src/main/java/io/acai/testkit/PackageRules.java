package io.acai.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of the modules' architecture rules over one root package ({@code io.acai.cloud}) and the packages
 * under it. A package below the root is named relative to it ({@code "server"} for {@code io.acai.cloud.server});
 * the packages a rule forbids are ArchUnit identifiers ({@code "io.netty.."}). Each test adds its own
 * {@code because(...)} and checks the rule against {@link #mainClasses}.
 */
public final class PackageRules {

    private PackageRules() {
    }

    /**
     * The compiled main classes of {@code root} and its packages, failing unless {@code root} and each of
     * {@code subpackages} are among them, so that no rule passes by reading nothing.
     */
    public static JavaClasses mainClasses(String root, String... subpackages) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        List<String> expected = new ArrayList<>(List.of(root));
        for (String subpackage : subpackages) {
            expected.add(root + "." + subpackage);
        }
        assertThat(classes).as("the main classes of %s, so that no rule passes by reading nothing", root)
                .extracting(JavaClass::getPackageName)
                .contains(expected.toArray(String[]::new));
        return classes;
    }

    /** Each package under {@code root} its own slice, {@code root} itself included. */
    public static SliceAssignment packagesOf(String root) {
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

    /** No two packages of {@code root} (itself included) need each other, directly or round a longer cycle. */
    public static ArchRule noCycles(String root) {
        return slices().assignedFrom(packagesOf(root)).should().beFreeOfCycles();
    }

    /** No class of {@code root} outside {@code root.pkg} depends on {@code packages}. */
    public static ArchRule onlyPackageUses(String root, String pkg, String... packages) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages);
    }

    /** No class of {@code root.pkg} depends on {@code packages}. */
    public static ArchRule packageDoesNotUse(String root, String pkg, String... packages) {
        return noClasses().that().resideInAPackage(root + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages);
    }

    /** No class at all depends on {@code packages}. */
    public static ArchRule noClassUses(String... packages) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages);
    }
}
