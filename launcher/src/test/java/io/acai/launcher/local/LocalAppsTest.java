package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.detection.SharedData;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real apps in the namespace mode: a cloud and one edge behind a shaped link, the edge reaching
 * the cloud through the relay address that {@code {}} stands for, both with the real Yolo-Fastest
 * model from ../shared (no uploads: this checks the runtime, not the learning loop). Needs root on
 * Linux, ../shared and the two app jars ({@code mvn package}); skipped otherwise.
 */
class LocalAppsTest {

    @TempDir
    Path logs;

    @Test
    void edgeRunsInferenceAndReachesTheCloudThroughTheShapedLink() throws Exception {
        HostObjects.requireNamespaces();
        AppJars jars = PackagedJars.orSkip();
        Path models = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco");
        String model = models.resolve("yolo-fastest-1.1.cfg").toAbsolutePath() + ","
                + models.resolve("yolo-fastest-1.1.weights").toAbsolutePath() + ","
                + models.resolve("coco.names").toAbsolutePath();
        int port = FreePort.pick();
        MachinePlan cloud = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
                .optArgs(List.of(Integer.toString(port), "cloud.log", "cloud.csv", "--model", model)).optPort(port)
                .optResources(new Resources(0, 1000, 0, 3L << 30, 0)).build();
        MachinePlan edge = MachinePlan.builder().setName("edge1").setRole(Role.EDGE)
                .optArgs(List.of("{}", Integer.toString(port), "edge_inf.log", "edge_update.log", "edge_inf.csv",
                        "edge_update.csv", "5", "edge1", "--duration", "60s", "--model", model,
                        "--upload-threshold", "1000000"))
                .optResources(new Resources(0, 1000, 0, 1L << 30, 0)).build();
        List<LinkPlan> links = List.of(
                new LinkPlan("edge1", "cloud", 20_000_000, Duration.ofMillis(20), Duration.ZERO, 0),
                new LinkPlan("cloud", "edge1", 50_000_000, Duration.ofMillis(20), Duration.ZERO, 0));
        ExperimentPlan plan = new ExperimentPlan("apps", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                RuntimeKind.LOCAL, List.of(cloud, edge), links);
        try (LocalDeployment deployment = (LocalDeployment) new LocalRuntime(jars).deploy(plan, logs)) {
            Path inference = logs.resolve("edge1").resolve("edge_inf.csv");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lines(inference) >= 3 || deployment.states().get("edge1") != MachineState.RUNNING);
            assertThat(lines(inference)).as("edge_inf.csv rows; edge log:\n" + deployment.logTail("edge1", 30)).isGreaterThanOrEqualTo(3);
            assertThat(deployment.states()).as(deployment.logTail("cloud", 30)).containsEntry("cloud", MachineState.RUNNING);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(text(logs.resolve("cloud").resolve("cloud.log")) + deployment.logTail("cloud", 200))
                            .as("the cloud saw the edge through the relay").contains("edge edge1 connected"));
            assertThat(deployment.sample()).extracting(u -> u.machine()).contains("cloud", "edge1");
        }
    }

    private static String text(Path file) throws java.io.IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (var stream = Files.lines(file)) {
            return stream.count();
        }
    }
}
