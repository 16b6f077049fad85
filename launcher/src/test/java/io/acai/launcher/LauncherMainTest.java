package io.acai.launcher;

import io.acai.launcher.kubernetes.ProjectImages;
import io.acai.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherMainTest {

    private static ConsoleCapture launch(String... args) {
        return ConsoleCapture.run(() -> LauncherMain.execute(args));
    }

    private static Path config(Path dir, String json) throws Exception {
        return Files.writeString(dir.resolve("exp.json"), json);
    }

    private static final String VALID = """
            {"machines": [{"name": "cloud", "category": "server", "port": 7000},
                          {"name": "cam", "category": "client", "app": {"rate": 5}}],
             "connections": [{"node1": "cloud", "node2": "cam", "bandwidth": "10mbps", "latency": "20ms", "loss": 1}]}
            """;

    @Test
    void validatePrintsThePlanAndExitsZero(@TempDir Path dir) throws Exception {
        ConsoleCapture outcome = launch("validate", config(dir, VALID).toString());
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains(": valid", "cam (client): edge-app.jar {} 7000 edge_inf.log",
                "link cloud -> cam: 10.0 Mbit/s, delay 20ms");
    }

    @Test
    void validateAndManifestsNeverPrintAToken(@TempDir Path dir) throws Exception {
        Path config = config(dir, """
                {"machines": [{"name": "cloud", "category": "server", "port": 7000, "app": {"token": "s3cret-a1"}},
                              {"name": "cam", "category": "client", "app": {"rate": 5, "token": "s3cret-a1"}},
                              {"name": "cam2", "category": "client",
                               "args": ["{}", "7000", "i.log", "u.log", "i.csv", "u.csv", "5", "cam2", "--token", "s3cret-b2"]},
                              {"name": "own", "category": "client", "command": ["my-edge", "--token=s3cret-c3"],
                               "args": ["--token", "s3cret-d4"]}]}
                """);
        ConsoleCapture validate = launch("validate", config.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out() + validate.err()).doesNotContain("s3cret");
        assertThat(validate.out()).contains("cam (client): edge-app.jar {} 7000", "token: set (from config",
                "own (client): my-edge --token=(set; not shown) --token (set; not shown)");

        ConsoleCapture manifests = launch("manifests", config.toString());
        assertThat(manifests.exitCode()).as(manifests.err()).isZero();
        assertThat(manifests.out()).contains("secretKeyRef", "acai-tokens").doesNotContain("s3cret-a1")
                .doesNotContain("s3cret-b2").doesNotContain(java.util.Base64.getEncoder().encodeToString("s3cret-a1".getBytes()));
    }

    @Test
    void validatePrintsEveryErrorAndExitsOne(@TempDir Path dir) throws Exception {
        ConsoleCapture outcome = launch("validate", config(dir, """
                {"machines": [{"name": "cloud", "category": "server", "resources": {"limits": {"cpu": "2x"}}},
                              {"name": "cam", "category": "client"}],
                 "connections": [{"node1": "cloud", "node2": "camera"}]}
                """).toString());
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("2 errors", "machines[0].resources.limits.cpu: \"2x\" is not a CPU quantity",
                "connections[0].node2: \"camera\" is not a machine of this config");
    }

    @Test
    void manifestsPrintsEveryObjectAsYaml(@TempDir Path dir) throws Exception {
        ConsoleCapture outcome = launch("manifests", config(dir, VALID).toString(), "--namespace", "lab", "--shaping", "chaos-mesh");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("kind: \"Namespace\"", "name: \"lab\"", "kind: \"Deployment\"", "kind: \"Service\"",
                "kind: \"NetworkChaos\"", "- \"cloud\"");
        assertThat(outcome.out().split("(?m)^---$", -1).length - 1).as("documents").isGreaterThanOrEqualTo(6);
    }

    @Test
    void manifestsUseTheImageTagGiven(@TempDir Path dir) throws Exception {
        ConsoleCapture outcome = launch("manifests", config(dir, VALID).toString(), "--image-tag", "lab-7", "--ready-timeout", "10m");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("acai-cloud:lab-7").doesNotContain("acai-cloud:" + ProjectImages.VERSION);

        ConsoleCapture badTag = launch("manifests", config(dir, VALID).toString(), "--image-tag", "-x");
        assertThat(badTag.exitCode()).isEqualTo(2);
        assertThat(badTag.err()).contains("'-x' (expected: an image tag");
        ConsoleCapture badTimeout = launch("manifests", config(dir, VALID).toString(), "--ready-timeout", "0s");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("'0s' is zero");
    }

    @Test
    void manifestsPutTheProjectsImagesUnderTheRegistryOfTheConfigOrTheOption(@TempDir Path dir) throws Exception {
        String withRegistry = VALID.replaceFirst("\\{", "{\"experiment\": {\"imageRegistry\": \"reg.example.com:5000/team/\"},");
        ConsoleCapture fromConfig = launch("manifests", config(dir, withRegistry).toString());
        assertThat(fromConfig.exitCode()).as(fromConfig.err()).isZero();
        assertThat(fromConfig.out()).contains("image: \"reg.example.com:5000/team/acai-cloud:" + ProjectImages.VERSION + "\"",
                "image: \"reg.example.com:5000/team/acai-edge:" + ProjectImages.VERSION + "\"")
                .doesNotContain("image: \"acai-");

        ConsoleCapture fromOption = launch("manifests", config(dir, withRegistry).toString(), "--image-registry",
                "other.example/lab", "--image-tag", "lab-7");
        assertThat(fromOption.exitCode()).as(fromOption.err()).isZero();
        assertThat(fromOption.out()).contains("image: \"other.example/lab/acai-cloud:lab-7\"",
                "image: \"other.example/lab/acai-edge:lab-7\"").doesNotContain("reg.example.com");

        ConsoleCapture bad = launch("manifests", config(dir, VALID).toString(), "--image-registry", "https://reg.example");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'https://reg.example' has a scheme (expected: a registry host");
    }

    @Test
    void aMissingConfigStopsTheRunBeforeAnythingStarts(@TempDir Path dir) {
        Path logs = dir.resolve("logs");
        ConsoleCapture outcome = launch(logs.toString(), dir.resolve("missing.json").toString());
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("missing.json: 1 error", "no such file");
        assertThat(logs).doesNotExist();
    }

    @Test
    void anInvalidConfigStopsTheRunBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        ConsoleCapture outcome = launch("run", logs.toString(), config(dir, "{\"machines\": []}").toString(), "--quiet");
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("machines: [] is empty");
        assertThat(logs).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws Exception {
        assertThat(launch().exitCode()).isEqualTo(2);
        assertThat(launch("validate").exitCode()).isEqualTo(2);
        ConsoleCapture badDuration = launch(dir.resolve("logs").toString(), config(dir, VALID).toString(), "--duration", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("'soon' is not a duration");
        assertThat(launch("validate", "x.json", "--runtime", "docker").err()).contains("'docker' (expected: local or kubernetes)");
    }

    @Test
    void theDefaultCommandIsRun() {
        assertThat(LauncherMain.withDefaultCommand(new String[] {"logs", "user_config.json"}))
                .containsExactly("run", "logs", "user_config.json");
        assertThat(LauncherMain.withDefaultCommand(new String[] {"--quiet", "logs", "c.json"}))
                .containsExactly("run", "--quiet", "logs", "c.json");
        assertThat(LauncherMain.withDefaultCommand(new String[] {"validate", "c.json"})).containsExactly("validate", "c.json");
        assertThat(LauncherMain.withDefaultCommand(new String[] {"--help"})).containsExactly("--help");
        assertThat(LauncherMain.withDefaultCommand(new String[] {"-V"})).containsExactly("-V");
        assertThat(LauncherMain.withDefaultCommand(new String[] {"report", "logs"})).containsExactly("report", "logs");
        assertThat(LauncherMain.withDefaultCommand(new String[] {"version", "c.json"}))
                .containsExactly("run", "version", "c.json");
    }
}
