package io.acai.launcher.config;

import io.acai.launcher.plan.AppFiles;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UserConfigReaderTest {

    @Test
    void readsTheOriginalFormatUnchanged() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.dir("valid").resolve("original-format.json"), null);

        assertThat(plan.name()).isEqualTo("original-format");
        assertThat(plan.runtime()).isEqualTo(RuntimeKind.LOCAL);
        assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.samplePeriod()).isEqualTo(Duration.ofSeconds(10));
        MachinePlan cloud = plan.cloud();
        assertThat(cloud.name()).isEqualTo("cloud");
        assertThat(cloud.image()).isEqualTo("registry.example.org/acai/cloud:no-limit");
        assertThat(cloud.command()).containsExactly("python3");
        assertThat(cloud.args()).containsExactly("cloud.py", "8080", "cloud.log", "cloud.csv");
        assertThat(cloud.port()).isEqualTo(8080);
        assertThat(cloud.resources().cpuRequestMillis()).isEqualTo(2000);
        assertThat(cloud.resources().cpuLimitMillis()).isEqualTo(4000);
        assertThat(cloud.resources().memoryRequestBytes()).isEqualTo(4L << 30);
        assertThat(cloud.resources().memoryLimitBytes()).isEqualTo(8L << 30);
        assertThat(cloud.volumes()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("dataset");
            assertThat(v.mountPath()).isEqualTo("/data");
            assertThat(v.nfsServer()).isEqualTo("10.0.0.5");
            assertThat(v.nfsPath()).isEqualTo("/exports/dataset");
        });
        MachinePlan edge1 = plan.machine("edge1").orElseThrow();
        assertThat(edge1.role()).isEqualTo(Role.EDGE);
        assertThat(edge1.runsProjectApp()).isFalse();
        assertThat(edge1.argsWithCloud("10.0.0.1")).startsWith("edge.py", "10.0.0.1", "8080");

        assertThat(plan.links()).hasSize(3);
        assertThat(plan.link("cloud", "edge1")).hasValue(
                new LinkPlan("cloud", "edge1", 100_000_000, Duration.ofMillis(20), Duration.ZERO, 0));
        assertThat(plan.link("edge1", "cloud")).hasValue(
                new LinkPlan("edge1", "cloud", 100_000_000, Duration.ofMillis(20), Duration.ZERO, 0));
        assertThat(plan.link("edge2", "cloud")).hasValue(
                new LinkPlan("edge2", "cloud", 10_000_000, Duration.ofMillis(200), Duration.ZERO, 0));
        assertThat(plan.link("cloud", "edge2")).isEmpty();
    }

    @Test
    void buildsTheAppsCommandLinesFromAppOptions() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.dir("valid").resolve("extensions.json"), null);

        assertThat(plan.name()).isEqualTo("Lab Run 7");
        assertThat(plan.runtime()).isEqualTo(RuntimeKind.KUBERNETES);
        assertThat(plan.seed()).isEqualTo(42);
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(150));
        assertThat(plan.samplePeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.machines()).extracting(MachinePlan::name).containsExactly("cloud", "edge-near", "edge-far");

        MachinePlan cloud = plan.cloud();
        assertThat(cloud.runsProjectApp()).isTrue();
        assertThat(cloud.args()).containsExactly("7000", AppFiles.CLOUD_LOG, AppFiles.CLOUD_CSV,
                "--model", "/models/shapes", "--min-retrain-images", "60", "--epochs", "3", "--lr", "0.001",
                "--batch", "8", "--device", "gpu", "--push", "all", "--replay", "200", "--anchors", "40", "--anchor-data", "/data/day",
                "--freeze-backbone", "--fixed-batch-norm", "--threads", "2",
                "--max-connections", "64", "--hello-timeout", "5000ms", "--seed", "42", "--holdout-judge", "iou", "--holdout-conf", "0.5", "--holdout-nms", "0.45");
        // the token is not an argument, which ps would show: the runtime passes it in the app's environment
        assertThat(cloud.token()).isEqualTo("s3cret");
        assertThat(cloud.resources().gpus()).isEqualTo(1);
        assertThat(cloud.resources().cpuRequestMillis()).isEqualTo(1500);
        assertThat(cloud.resources().memoryRequestBytes()).isEqualTo(2_000_000_000L);
        assertThat(cloud.resources().memoryLimitBytes()).isEqualTo(3L << 30);
        assertThat(cloud.node()).isEqualTo("gpu-node-1");

        assertThat(plan.machine("edge-near").orElseThrow().args()).containsExactly(MachinePlan.CLOUD_ADDRESS, "7000",
                AppFiles.EDGE_INFERENCE_LOG, AppFiles.EDGE_UPDATE_LOG, AppFiles.EDGE_INFERENCE_CSV,
                AppFiles.EDGE_UPDATE_CSV, "2.5", "edge-near", "--model", "/models/edge", "--drift-after", "90000ms",
                "--judge", "iou", "--upload-threshold", "20", "--conf", "0.5", "--nms", "0.45", "--threads", "1",
                "--seed", "42");
        assertThat(plan.machine("edge-near").orElseThrow().token()).isEqualTo("s3cret");
        MachinePlan far = plan.machine("edge-far").orElseThrow();
        assertThat(far.args()).containsSequence("10", "edge-far", "--model", "/models/shapes", "--data", "/datasets/voc");
        assertThat(far.volumes()).singleElement().satisfies(v -> assertThat(v.isNfs()).isFalse());

        assertThat(plan.link("edge-far", "cloud")).hasValue(
                new LinkPlan("edge-far", "cloud", 16_000_000, Duration.ofMillis(150), Duration.ofMillis(20), 1.5));
        assertThat(plan.link("cloud", "edge-far")).hasValue(
                new LinkPlan("cloud", "edge-far", 20_000_000, Duration.ofMillis(150), Duration.ofMillis(20), 1.5));
        assertThat(plan.link("edge-far", "edge-near")).hasValue(
                new LinkPlan("edge-far", "edge-near", 500_000, Duration.ZERO, Duration.ZERO, 0.5));
        assertThat(plan.link("edge-near", "edge-far")).isEmpty();
    }

    @Test
    void theDefaultExperimentIsValidAndShort() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.projectRoot().resolve("user_config.json"), null);

        assertThat(plan.runtime()).isEqualTo(RuntimeKind.LOCAL);
        assertThat(plan.edges()).hasSize(4);
        assertThat(plan.edges()).filteredOn(MachinePlan::isControl).hasSize(1);
        assertThat(plan.duration()).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(plan.machines()).allSatisfy(m -> assertThat(m.runsProjectApp()).isTrue());
        // it runs on 2 cores: the requests fit them, and no machine may use more than they hold (limits may
        // overcommit, as on Kubernetes: the cloud retrains with what the edges leave idle)
        long cpuRequests = plan.machines().stream().mapToLong(m -> m.resources().cpuRequestMillis()).sum();
        assertThat(cpuRequests).as("CPU requests of all machines, millicores").isLessThanOrEqualTo(2000);
        assertThat(plan.machines()).allSatisfy(m -> assertThat(m.resources().cpuLimitMillis())
                .as(m.name() + " CPU limit, millicores").isBetween(1L, 2000L));
        assertThat(plan.links()).allSatisfy(l -> assertThat(l.limitsRate()).isTrue());
        assertThat(plan.links()).anySatisfy(l -> assertThat(l.lossPercent()).isPositive());
        assertThat(plan.cloud().args()).as("the cloud scores held-out frames as the edges judge")
                .endsWith("--holdout-conf", "0.4");
    }

    @Test
    void theCloudScoresHeldOutFramesAsTheFirstEdgeThatIsNotAControlJudges() throws Exception {
        String config = """
                {"experiment": {"duration": "1m"},
                 "machines": [{"name": "cloud", "category": "server", "app": {"holdoutFrames": %s}},
                              {"name": "edge-a", "category": "client", "app": {"judge": "iou", "conf": 0.4}},
                              {"name": "edge-b", "category": "client", "app": {"conf": 0.4}}]}
                """;
        ExperimentPlan plan = UserConfigReader.parse(config.formatted("20"), Path.of("c.json"), Path.of("."), null);
        assertThat(plan.cloud().args()).containsSubsequence("--holdout-frames", "20").endsWith(
                "--holdout-judge", "iou", "--holdout-conf", "0.4");

        ExperimentPlan off = UserConfigReader.parse(config.formatted("0"), Path.of("c.json"), Path.of("."), null);
        assertThat(off.cloud().args()).as("scoring off: no judging options").endsWith("--holdout-frames", "0")
                .doesNotContain("--holdout-judge", "--holdout-conf");

        assertThatThrownBy(() -> UserConfigReader.parse(config.formatted("-1"), Path.of("c.json"), Path.of("."), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("machines[0].app.holdoutFrames: -1 is not allowed (expected: a whole number from 0 to 1000)");
    }

    @Test
    void edgesThatJudgeDifferentlyAreNamedAndAControlIsPassedOver() {
        HoldoutJudging judging = HoldoutJudging.of(List.of(
                new HoldoutJudging.Edge("control", true, List.of("{}", "5000", "--conf", "0.8")),
                new HoldoutJudging.Edge("edge-a", false, List.of("{}", "5000", "--judge", "iou", "--conf", "0.4")),
                new HoldoutJudging.Edge("edge-b", false, List.of("{}", "5000", "--conf", "0.4", "--nms", "0.5"))));
        assertThat(judging.cloudOptions()).containsExactly("--holdout-judge", "iou", "--holdout-conf", "0.4");
        assertThat(judging.warning()).hasValue("the edges judge their frames differently (edge-a --judge iou --conf 0.4"
                + " --nms (default); edge-b --judge (default)"
                + " --conf 0.4 --nms 0.5): the cloud scores its held-out frames as edge-a judges, the first edge that is"
                + " not a control");

        // the default experiment: a control that leaves its judging to its edge is no difference
        HoldoutJudging alike = HoldoutJudging.of(List.of(new HoldoutJudging.Edge("a", false, List.of("--conf", "0.4")),
                new HoldoutJudging.Edge("b", false, List.of("--conf", "0.4")),
                new HoldoutJudging.Edge("a-static", true, List.of("--static"))));
        assertThat(alike.cloudOptions()).containsExactly("--holdout-conf", "0.4");
        assertThat(alike.warning()).isEmpty();
        assertThat(HoldoutJudging.of(List.of())).isEqualTo(new HoldoutJudging(List.of(), java.util.Optional.empty()));
    }

    /** Every invalid example gives exactly the errors its {@code .expected} file lists, all at once. */
    @TestFactory
    Stream<DynamicTest> reportsEveryErrorOfInvalidConfigs() {
        return ConfigFiles.jsonFiles("invalid").stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    ConfigException error = catchThrowableOfType(ConfigException.class,
                            () -> UserConfigReader.read(file, null));
                    assertThat(error).as("errors of %s", file).isNotNull();
                    assertThat(error.errors()).extracting(ConfigError::toString)
                            .containsExactlyElementsOf(expectedErrors(file));
                }));
    }

    static List<String> expectedErrors(Path config) throws IOException {
        String name = config.getFileName().toString();
        Path expected = config.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected");
        return Files.readAllLines(expected).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.replace("$DIR", config.toAbsolutePath().getParent().toString())
                        .replace("$FILE", config.toString()))
                .toList();
    }

    @Test
    void theRuntimeOverrideDecidesWhetherLocalPathsAreChecked() throws Exception {
        Path config = ConfigFiles.dir("invalid").resolve("missing-paths.json");
        assertThatThrownBy(() -> UserConfigReader.read(config, RuntimeKind.LOCAL)).isInstanceOf(ConfigException.class);

        ExperimentPlan plan = UserConfigReader.read(config, RuntimeKind.KUBERNETES);
        assertThat(plan.runtime()).isEqualTo(RuntimeKind.KUBERNETES);
        assertThat(plan.machine("edge").orElseThrow().args()).containsSequence("--model", "no/such/model.cfg",
                "--data", "no-such-dataset");
    }

    @Test
    void edgesPerHostIsReadAndDefaultsToOneEdgeAProcess(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("hosts.json");
        Files.writeString(config, """
                {"experiment": {"edgesPerHost": "4"},
                 "machines": [{"name": "cloud", "category": "server"}, {"name": "cam", "category": "client"}]}
                """);
        assertThat(UserConfigReader.read(config, null).edgesPerHost()).isEqualTo(4);
        Files.writeString(config, """
                {"machines": [{"name": "cloud", "category": "server"}, {"name": "cam", "category": "client"}]}
                """);
        assertThat(UserConfigReader.read(config, null).edgesPerHost()).isEqualTo(1);
        Files.writeString(config, """
                {"experiment": {"edgesPerHost": 0},
                 "machines": [{"name": "cloud", "category": "server"}, {"name": "cam", "category": "client"}]}
                """);
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null)).errors())
                .extracting(ConfigError::toString)
                .containsExactly("experiment.edgesPerHost: 0 is not allowed (expected: a whole number from 1 to 64)");
        Files.writeString(config, """
                {"experiment": {"edgesPerHost": 4},
                 "machines": [{"name": "cloud", "category": "server"}, {"name": "cam", "category": "client"}]}
                """);
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> UserConfigReader.read(config, RuntimeKind.KUBERNETES)).errors()).extracting(ConfigError::toString)
                .containsExactly("experiment.edgesPerHost: 4 is the local runtime's (namespace mode): on Kubernetes each"
                        + " edge is a pod of its own (expected: 1, or the local runtime)");
    }

    @Test
    void anUploadQualityIsAJpegQualityOrLossless(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("quality.json");
        String template = """
                {"machines": [{"name": "cloud", "category": "server"},
                              {"name": "cam", "category": "client", "app": {"uploadQuality": %s}}]}
                """;
        Files.writeString(config, template.formatted("\"lossless\""));
        assertThat(UserConfigReader.read(config, null).machine("cam").orElseThrow().args())
                .containsSequence("--upload-quality", "lossless");
        Files.writeString(config, template.formatted("0.75"));
        assertThat(UserConfigReader.read(config, null).machine("cam").orElseThrow().args())
                .containsSequence("--upload-quality", "0.75");
        Files.writeString(config, template.formatted("\"png\""));
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null)).errors())
                .extracting(ConfigError::toString).containsExactly("machines[1].app.uploadQuality: \"png\" is not allowed"
                        + " (expected: a number above 0 and at most 1, or \"lossless\")");
        Files.writeString(config, template.formatted("0"));
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null)).errors())
                .extracting(ConfigError::toString).containsExactly("machines[1].app.uploadQuality: 0 is not allowed"
                        + " (expected: a number above 0 and at most 1, or \"lossless\")");
    }

    @Test
    void localPathsAreResolvedAgainstTheConfigFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("models/tiny"));
        Files.writeString(dir.resolve("models/tiny/tiny.cfg"), "[net]\n");
        writeModel(dir.resolve("models"), "tiny", "[net]\n", "shape\n");
        Files.createDirectories(dir.resolve("frames"));
        Path config = dir.resolve("exp.json");
        Files.writeString(config, """
                {"experiment": {"model": "models/tiny"},
                 "machines": [{"name": "cloud", "category": "server"},
                              {"name": "cam", "category": "client",
                               "app": {"data": "frames", "model": "models/tiny.cfg,models/tiny.weights,models/tiny.names"}}]}
                """);

        ExperimentPlan plan = UserConfigReader.read(config, null);

        assertThat(plan.cloud().args()).containsSequence("--model", dir.resolve("models/tiny").toString());
        assertThat(plan.machine("cam").orElseThrow().args()).containsSequence("--model", dir.resolve("models/tiny.cfg")
                + "," + dir.resolve("models/tiny.weights") + "," + dir.resolve("models/tiny.names"));
        assertThat(plan.machine("cam").orElseThrow().args()).containsSequence("--data", dir.resolve("frames").toString());

        // a path with a comma in it goes in double quotes, and reaches the app quoted
        Files.createDirectories(dir.resolve("models/day,night"));
        Files.writeString(config, """
                {"machines": [{"name": "cloud", "category": "server", "app": {"model": "\\"models/day,night\\""}},
                              {"name": "cam", "category": "client", "app": {"data": "frames"}}]}
                """);
        assertThat(UserConfigReader.read(config, null).cloud().args())
                .containsSequence("--model", "\"" + dir.resolve("models/day,night") + "\"");

        Files.writeString(config, """
                {"machines": [{"name": "cloud", "category": "server", "app": {"model": "models/tiny.cfg"}},
                              {"name": "cam", "category": "client", "app": {"model": "a,b", "data": "models/tiny.cfg"}}]}
                """);
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null)).errors())
                .extracting(ConfigError::toString).containsExactly(
                        "machines[0].app.model: \"models/tiny.cfg\" is not a folder (looked at " + dir.resolve("models/tiny.cfg") + ")",
                        "machines[1].app.model: \"a,b\" is not a model (expected: a folder, or the three files cfg,weights,names)",
                        "machines[1].app.data: \"models/tiny.cfg\" is not a folder (looked at " + dir.resolve("models/tiny.cfg") + ")");
    }

    /** Scene anchors are for a model of the scenes' classes (a candidate default at another input size), not others. */
    @Test
    void sceneAnchorsNeedAModelOfTheScenesClasses(@TempDir Path dir) throws Exception {
        writeModel(dir.resolve("shapes-320"), "shapes", "[net]\nwidth=320\nheight=320\n",
                "circle\nsquare\ntriangle\ncross\nstar\n");
        Path config = dir.resolve("exp.json");
        String experiment = """
                {"experiment": {"model": "shapes-320"},
                 "machines": [{"name": "cloud", "category": "server", "app": {"anchors": 100}},
                              {"name": "cam", "category": "client"}]}
                """;
        Files.writeString(config, experiment);
        assertThat(UserConfigReader.read(config, null).cloud().args()).containsSequence("--anchors", "100");

        Files.writeString(dir.resolve("shapes-320/shapes.names"), "person\nbicycle\ncar\nmotorbike\naeroplane\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null)).errors())
                .extracting(ConfigError::toString).containsExactly("machines[0].app.anchors: 100 pre-drift scenes, "
                        + "which are for a model of the scenes' classes [circle, square, triangle, cross, star], and the "
                        + "model " + dir.resolve("shapes-320") + " has other classes (expected: anchorData, a dataset "
                        + "folder of the model's training distribution)");
    }

    /** The scenes' classes are read from the third of three files too, and a folder with two .names is not read. */
    @Test
    void sceneAnchorsReadTheNamesFileOrRefuseAnAmbiguousFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("shapes-320");
        writeModel(folder, "shapes", "[net]\nwidth=320\nheight=320\n", "circle\nsquare\ntriangle\ncross\nstar\n");
        Path config = dir.resolve("exp.json");
        String files = folder.resolve("shapes.cfg") + "," + folder.resolve("shapes.weights") + ","
                + folder.resolve("shapes.names");
        Files.writeString(config, """
                {"experiment": {"model": "%s"},
                 "machines": [{"name": "cloud", "category": "server", "app": {"anchors": 100}},
                              {"name": "cam", "category": "client"}]}
                """.formatted(files));
        assertThat(UserConfigReader.read(config, null).cloud().args()).containsSequence("--anchors", "100");

        Files.writeString(config, Files.readString(config).replace(files, "shapes-320"));
        Files.writeString(folder.resolve("other.names"), "circle\nsquare\ntriangle\ncross\nstar\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null)).errors())
                .extracting(ConfigError::toString).anyMatch(e -> e.startsWith("machines[0].app.anchors: 100 pre-drift"));
    }

    /** {@code base.cfg}, an empty {@code base.weights} and {@code base.names} in {@code folder}. */
    private static void writeModel(Path folder, String base, String cfg, String names) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(base + ".cfg"), cfg);
        Files.writeString(folder.resolve(base + ".weights"), "");
        Files.writeString(folder.resolve(base + ".names"), names);
    }

    @Test
    void aMissingFileIsOneClearError(@TempDir Path dir) {
        Path config = dir.resolve("nope.json");
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null));
        assertThat(error.getMessage()).isEqualTo(config + ": 1 error\n  no such file");
    }

    @Test
    void malformedJsonNamesLineAndColumn(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("broken.json");
        Files.writeString(config, "{\n  \"machines\": [\n    {\"name\": \"cloud\" \"category\": \"server\"}\n  ]\n}\n");
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(config, null));
        assertThat(error.errors()).singleElement().extracting(ConfigError::path).isEqualTo(config + ":3:22");
    }

    @Test
    void duplicateKeysAndTrailingContentAreMalformed(@TempDir Path dir) throws IOException {
        Path duplicate = dir.resolve("duplicate.json");
        Files.writeString(duplicate, "{\"machines\": [], \"machines\": []}");
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(duplicate, null)).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("Duplicate field 'machines'"));
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, "{\"machines\": []}\n{}");
        assertThat(catchThrowableOfType(ConfigException.class, () -> UserConfigReader.read(trailing, null)).errors())
                .singleElement().satisfies(e -> assertThat(e.path()).isEqualTo(trailing + ":2:1"));
    }
}
