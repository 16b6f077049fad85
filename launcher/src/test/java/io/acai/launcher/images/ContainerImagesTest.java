package io.acai.launcher.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code images/build.sh} and {@code images/verify.sh}: the script checks of issue 7. The
 * end-to-end check (podman, two containers, one model update) needs root, podman and the app jars,
 * which {@code mvn verify} packages before this module's tests; it is skipped, saying which is
 * missing, elsewhere.
 */
class ContainerImagesTest {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));

    @Test
    void unknownVariantStopsBeforeBuildingAnything() throws Exception {
        Result result = run(List.of(ROOT.resolve("images/build.sh").toString(), "--engine", "true", "cloud", "bogus"), 30);
        assertEquals(2, result.exitCode, result.output);
        assertTrue(result.output.contains("unknown variant 'bogus'"), result.output);
        assertTrue(!result.output.contains("building"), result.output);
    }

    @Test
    void missingJarIsNamedBeforeBuildingAnything() throws Exception {
        assumeTrue(!Files.exists(ROOT.resolve("cloud-app/target/cloud-app-gpu.jar")),
                "cloud-app-gpu.jar exists here, so it cannot stand for a missing jar");
        Result result = run(List.of(ROOT.resolve("images/build.sh").toString(), "--engine", "true", "cloud-gpu"), 30);
        assertEquals(1, result.exitCode, result.output);
        assertTrue(result.output.contains("cloud-app/target/cloud-app-gpu.jar is missing"), result.output);
        assertTrue(result.output.contains("mvn -B -Pgpu package"), result.output);
    }

    @Test
    void edgeCompletesOneModelUpdateWithTheCloudAcrossTwoContainers() throws Exception {
        assumeTrue(!"false".equals(System.getProperty("acai.images")), "disabled with -Dacai.images=false");
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: podman networks and debootstrap need root");
        assumeTrue(onPath("podman"), "podman is not installed (apt-get install podman runc)");
        assumeTrue(onPath("debootstrap") || imageExists("localhost/acai-base:bookworm-jre17"),
                "debootstrap is not installed and there is no local Debian base image");
        for (String jar : List.of("cloud-app/target/cloud-app.jar", "edge-app/target/edge-app.jar")) {
            assumeTrue(Files.isRegularFile(ROOT.resolve(jar)), jar + " is missing: run mvn -B verify (or package) first");
        }
        Result result = run(List.of(ROOT.resolve("images/verify.sh").toString(), "420"), 1500);
        System.out.println(result.output);
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("completed a model update"), result.output);
    }

    private static boolean onPath(String command) throws Exception {
        return run(List.of("sh", "-c", "command -v " + command), 10).exitCode == 0;
    }

    private static boolean imageExists(String image) throws Exception {
        return onPath("podman") && run(List.of("podman", "image", "exists", image), 30).exitCode == 0;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("acai-images", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor(20, TimeUnit.SECONDS);
                return new Result(124, Files.readString(log, StandardCharsets.UTF_8) + "\n(timed out after "
                        + timeoutSeconds + " s)");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
