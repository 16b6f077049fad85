package io.acai.launcher.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two runnable jars the local runtime starts for machines that run the project's own apps.
 *
 * @param cloudJar {@code cloud-app.jar}
 * @param edgeJar {@code edge-app.jar}
 */
public record AppJars(Path cloudJar, Path edgeJar) {

    static final String CLOUD = "cloud-app/target/cloud-app.jar";
    static final String EDGE = "edge-app/target/edge-app.jar";

    /**
     * Finds the jars in the project the launcher was built in: relative to the working directory, to
     * the project two levels above the running {@code launcher.jar} (or above {@code target/classes}),
     * or to the {@code acai.root} system property.
     *
     * @throws IllegalStateException naming every path tried when no candidate has both jars
     */
    public static AppJars locate() {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(Path.of("").toAbsolutePath());
        launcherProject().ifPresent(roots::add);
        String property = System.getProperty("acai.root");
        if (property != null && !property.isBlank()) {
            roots.add(Path.of(property).toAbsolutePath());
        }
        List<String> tried = new ArrayList<>();
        for (Path root : roots) {
            AppJars jars = new AppJars(root.resolve(CLOUD).normalize(), root.resolve(EDGE).normalize());
            if (Files.isRegularFile(jars.cloudJar()) && Files.isRegularFile(jars.edgeJar())) {
                return jars;
            }
            tried.add(jars.cloudJar() + " and " + jars.edgeJar());
        }
        throw new IllegalStateException("cannot find the app jars (build them with mvn package); tried: "
                + String.join("; ", tried));
    }

    /** The project directory of the running launcher: {@code <root>/launcher/target/launcher.jar} or {@code .../target/classes}. */
    private static java.util.Optional<Path> launcherProject() {
        try {
            Path location = Path.of(AppJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            if (target != null && target.getParent() != null && target.getParent().getParent() != null) {
                return java.util.Optional.of(target.getParent().getParent());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            // no code source: only the working directory is tried
        }
        return java.util.Optional.empty();
    }

    /** The paths among the two jars that do not exist. */
    List<Path> missing() {
        return List.of(cloudJar, edgeJar).stream().filter(p -> !Files.isRegularFile(p)).toList();
    }
}
