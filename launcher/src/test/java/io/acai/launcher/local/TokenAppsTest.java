package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.RuntimeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real apps on loopback with a token in the config: the cloud requires it, the edge presents it, both read it
 * from the environment the launcher gives them, and no process listing shows it. Needs the two app jars
 * ({@code mvn package}); skipped otherwise.
 */
class TokenAppsTest {

    private static final String TOKEN = "s3cret-apps-5e2d";

    @TempDir
    Path dir;

    @Test
    void theAppsGetTheirTokenOutsideTheirCommandLines() throws Exception {
        AppJars jars = PackagedJars.orSkip();
        int port = FreePort.pick();
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"experiment": {"name": "tokens", "duration": "2m"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": %d,
                    "app": {"token": "%s", "holdoutFrames": 0, "minRetrainImages": 1000}},
                   {"name": "edge1", "category": "client",
                    "app": {"token": "%s", "rate": 2, "uploadThreshold": 1000, "threads": 1}}
                 ]}
                """.formatted(port, TOKEN, TOKEN));
        ExperimentPlan plan = UserConfigReader.read(config, RuntimeKind.LOCAL);
        Path logs = dir.resolve("logs");
        try (LocalDeployment deployment = (LocalDeployment) new LocalRuntime(jars, false, false).deploy(plan, logs)) {
            Path cloudLog = logs.resolve("cloud").resolve("cloud.log");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    text(cloudLog).contains("edge edge1 connected")
                            || deployment.states().containsValue(MachineState.EXITED));
            assertThat(text(cloudLog)).as("cloud.log; edge: " + deployment.logTail("edge1", 20))
                    .contains("token required").contains("edge edge1 connected");
            Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
            String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ps.waitFor()).isZero();
            assertThat(listing).contains("cloud-app.jar", "edge-app.jar").doesNotContain(TOKEN);
        }
        assertThat(text(logs.resolve("cloud").resolve("cloud.log")) + text(logs.resolve("edge1").resolve("edge_update.log"))
                + text(logs.resolve("cloud").resolve("stdout.log")) + text(logs.resolve("edge1").resolve("stdout.log")))
                .doesNotContain(TOKEN);
    }

    private static String text(Path file) throws java.io.IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }
}
