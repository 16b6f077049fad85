package io.acai.launcher.local;

import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** For tests that start the real apps: the jars {@code mvn package} built, or the test is skipped saying why. */
public final class PackagedJars {

    private PackagedJars() {
    }

    /** The app jars, on Linux; skips the calling test elsewhere or when a jar is missing, naming the paths tried. */
    public static AppJars orSkip() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the local runtime runs on Linux");
        try {
            return AppJars.locate();
        } catch (IllegalStateException e) {
            return abort(e.getMessage());
        }
    }
}
