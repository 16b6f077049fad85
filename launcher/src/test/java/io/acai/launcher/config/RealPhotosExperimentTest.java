package io.acai.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiments/real-photos.json}: Yolo-Fastest on COCO128 at night, read from {@code ../shared} beside the
 * checkout. It validates with the shared data there, and says which path is missing where it is not.
 */
class RealPhotosExperimentTest {

    static final String FILE = "experiments/real-photos.json";

    @TempDir
    Path tmp;

    @Test
    void validatesWithTheSharedModelAndPhotos() throws Exception {
        Path root = ConfigFiles.projectRoot();
        Path shared = root.resolve("../shared/data").normalize();
        assumeTrue(Files.isDirectory(shared.resolve("coco128"))
                        && Files.isDirectory(shared.resolve("yolo-fastest/yolo-fastest-1.1_coco")),
                shared + "/coco128 or yolo-fastest/yolo-fastest-1.1_coco missing: the experiment reads them from "
                        + "../shared beside the checkout");
        ExperimentPlan plan = UserConfigReader.read(root.resolve(FILE), null);

        assertThat(plan.duration()).isLessThanOrEqualTo(Duration.ofMinutes(5));
        MachinePlan edge = plan.machine("edge-1").orElseThrow();
        MachinePlan control = plan.machine("edge-1-static").orElseThrow();
        String coco128 = shared.resolve("coco128").toString();
        assertThat(edge.args()).containsSequence("--data", coco128, "--data-drift", "night", "--drift-after", "20000ms")
                .anyMatch(a -> a.contains(shared.resolve("yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1.weights")
                        .toString()));
        assertThat(control.isControl()).isTrue();
        assertThat(edge.args()).containsSequence("--upload-quality", "0.75");
        assertThat(control.args()).containsSequence("--data", coco128, "--data-drift", "night").contains("--static")
                .doesNotContain("--upload-quality");
        assertThat(plan.cloud().args()).containsSequence("--holdout-data", coco128)
                .containsSequence("--holdout-drift", "night").contains("--freeze-backbone")
                .containsSequence("--holdout-judge", "iou").containsSequence("--holdout-conf", "0.25");
    }

    @Test
    void namesEveryMissingPathWhereTheSharedDataIsAbsent() throws Exception {
        Path config = tmp.resolve("experiments/real-photos.json");
        Files.createDirectories(config.getParent());
        Files.copy(ConfigFiles.projectRoot().resolve(FILE), config);

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("experiment.model: \"../../shared/data/yolo-fastest")
                .contains("machines[1].app.data: \"../../shared/data/coco128\" does not exist (looked for "
                        + tmp.resolve("../shared/data/coco128").normalize())
                .contains("machines[0].app.holdoutData: \"../../shared/data/coco128\" does not exist");
    }

    @Test
    void refusesADataDriftWithoutDataAndAnUnknownOne() {
        String config = """
                {"experiment": {"duration": "1m"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": 5000, "app": {"holdoutDrift": "night"}},
                   {"name": "edge-1", "category": "client", "app": {"dataDrift": "fog"}}],
                 "connections": [{"node1": "cloud", "node2": "edge-1", "bandwidth": "10mbps", "latency": "1ms"}]}
                """;
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> UserConfigReader.parse(config, Path.of("c.json"), Path.of("."), null));
        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .contains("machines[1].app.dataDrift: is a drift on the photos of data (expected: data with it)")
                .contains("machines[1].app.dataDrift: \"fog\" (expected: night, noise, blur or classes:NAME[,NAME...])")
                .contains("machines[0].app.holdoutDrift: is the edges' drift on the photos of holdoutData");
    }
}
