package io.acai.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.LabeledFrame;
import io.acai.launcher.plan.AppFiles;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.options.TimeSpan;
import io.acai.scenes.DriftScenario;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A static control ({@code app.controlOf}): its command line takes its target's frames (rate, scenario or data,
 * drift, seed) and its target's model and detector settings unless it sets its own, and has no cloud. The errors
 * are in {@code configs/invalid/control-*.json}.
 */
class ControlEdgeConfigTest {

    private static final List<String> FILES = List.of(AppFiles.EDGE_INFERENCE_LOG, AppFiles.EDGE_UPDATE_LOG,
            AppFiles.EDGE_INFERENCE_CSV, AppFiles.EDGE_UPDATE_CSV);

    @Test
    void aControlTakesItsTargetsFramesAndSettingsAndHasNoCloud() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.dir("valid").resolve("controls.json"), null);
        String seed = Long.toString(DriftScenario.seedOf("edge-near"));

        assertThat(plan.controlOf()).containsExactly(Map.entry("edge-near-static", "edge-near"),
                Map.entry("edge-near-other", "edge-near"), Map.entry("edge-data-static", "edge-data"));
        MachinePlan near = plan.machine("edge-near").orElseThrow();
        assertThat(near.isControl()).isFalse();
        assertThat(near.args()).containsExactlyElementsOf(line(MachinePlan.CLOUD_ADDRESS, "7000", "2.5", "edge-near",
                "--model", "/models/edge", "--drift-after", "90000ms", "--judge", "iou", "--upload-threshold", "20",
                "--conf", "0.5", "--threads", "1"));
        assertThat(near.token()).isEqualTo("s3cret");
        assertThat(plan.machines()).filteredOn(MachinePlan::isControl).noneMatch(MachinePlan::hasToken);
        assertThat(plan.machine("edge-near-static").orElseThrow().args()).containsExactlyElementsOf(line("none", "0",
                "2.5", "edge-near-static", "--model", "/models/edge", "--drift-after", "90000ms", "--judge", "iou",
                "--conf", "0.5", "--threads", "1", "--static", "--seed", seed));
        assertThat(plan.machine("edge-near-other").orElseThrow().args()).containsExactlyElementsOf(line("none", "0",
                "2.5", "edge-near-other", "--model", "/models/other", "--drift-after", "90000ms", "--judge", "iou",
                "--conf", "0.3", "--threads", "1", "--static", "--seed", seed));
        // frames from a dataset: no scenario, so no seed to pass; listed before its target, read all the same
        assertThat(plan.machine("edge-data-static").orElseThrow().args()).containsExactlyElementsOf(line("none", "0",
                "3", "edge-data-static", "--data", "/datasets/voc", "--static"));
        assertThat(plan.machines()).filteredOn(MachinePlan::isControl)
                .allSatisfy(m -> assertThat(String.join(" ", m.args())).doesNotContain(MachinePlan.CLOUD_ADDRESS));
    }

    @Test
    void theExperimentsSeedIsTheSeedOfEveryEdgeControlsIncluded() throws Exception {
        ExperimentPlan plan = UserConfigReader.parse("""
                {"experiment": {"seed": 42},
                 "machines": [{"name": "cloud", "category": "server"},
                              {"name": "edge", "category": "client", "app": {"rate": 4}},
                              {"name": "edge-static", "category": "client", "app": {"controlOf": "edge"}}]}
                """, Path.of("seeded.json"), Path.of("."), RuntimeKind.LOCAL);

        assertThat(plan.machine("edge").orElseThrow().args()).endsWith("--seed", "42");
        assertThat(plan.machine("edge-static").orElseThrow().args()).endsWith("4", "edge-static", "--static", "--seed",
                "42");
    }

    @Test
    void theDefaultExperimentHasAStaticControlWithinTwoCores() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.projectRoot().resolve("user_config.json"), null);

        assertThat(plan.controlOf()).containsExactly(Map.entry("edge-near-static", "edge-near"));
        assertThat(plan.links()).noneMatch(l -> l.from().equals("edge-near-static") || l.to().equals("edge-near-static"));
        assertThat(plan.machine("edge-near-static").orElseThrow().resources())
                .isEqualTo(plan.machine("edge-near").orElseThrow().resources());
    }

    /**
     * The control of the default experiment sees exactly its edge's frames: the scenario each builds from its own
     * command line, as the edge app does ({@code DriftScenario.builder(<edge id>).driftAfter(--drift-after,
     * <rate>)}, seeded with {@code --seed} when given), draws the same ground truth and pixels frame by frame
     * across the drift, under the control's own name; another edge's frames differ.
     */
    @Test
    void theDefaultControlSeesExactlyTheFramesOfItsEdge() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.projectRoot().resolve("user_config.json"), null);
        DriftScenario near = scenarioOf(plan.machine("edge-near").orElseThrow());
        DriftScenario control = scenarioOf(plan.machine("edge-near-static").orElseThrow());
        DriftScenario far = scenarioOf(plan.machine("edge-far").orElseThrow());

        assertThat(control.driftStart()).isEqualTo(near.driftStart()).isEqualTo(160);
        int differentFromFar = 0;
        for (long i = 0; i < near.driftStart() + 40; i++) {
            LabeledFrame expected = near.frame(i);
            LabeledFrame seen = control.frame(i);
            assertThat(seen.id()).isEqualTo(String.format("edge-near-static-%06d", i));
            assertThat(seen.objects()).as("ground truth of frame %d", i).isEqualTo(expected.objects());
            if (i % 20 == 0 || i == near.driftStart()) {
                assertThat(pixels(seen.image())).as("pixels of frame %d", i).isEqualTo(pixels(expected.image()));
            }
            if (!far.frame(i).objects().equals(expected.objects())) {
                differentFromFar++;
            }
        }
        assertThat(differentFromFar).as("frames of edge-far unlike edge-near's (of 200)").isGreaterThan(100);
    }

    private static List<String> line(String host, String port, String rate, String edge, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of(host, port));
        args.addAll(FILES);
        args.add(rate);
        args.add(edge);
        args.addAll(List.of(options));
        return args;
    }

    /** The drift scenario an edge app builds from {@code machine}'s command line. */
    private static DriftScenario scenarioOf(MachinePlan machine) {
        List<String> args = machine.args();
        double rate = Double.parseDouble(args.get(6));
        DriftScenario.Builder scenario = DriftScenario.builder(args.get(7))
                .driftAfter(TimeSpan.parse(option(args, "--drift-after")), rate);
        String seed = option(args, "--seed");
        if (seed != null) {
            scenario.seed(Long.parseLong(seed));
        }
        return scenario.build();
    }

    private static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        return at < 0 ? null : args.get(at + 1);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
