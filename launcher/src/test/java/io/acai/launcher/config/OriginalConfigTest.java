package io.acai.launcher.config;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A config written as the original project wrote its own ({@code configs/valid/original-scripts.json}: ports as
 * strings, its two app scripts behind {@code /bin/sh -c} or {@code python3}, NFS volumes, edge ports nothing
 * serves) reads unchanged; the local runtime runs the project's apps with the scripts' positional arguments.
 */
class OriginalConfigTest {

    private static final Path CONFIG = ConfigFiles.dir("valid").resolve("original-scripts.json");

    private static ExperimentPlan parse(String text, RuntimeKind runtime) throws ConfigException {
        return UserConfigReader.parse(text, Path.of("case.json"), Path.of("."), runtime);
    }

    @Test
    void onKubernetesTheMachinesRunTheirOwnCommandsWithTheirLogsWhereTheScriptsWriteThem() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(CONFIG, RuntimeKind.KUBERNETES);

        MachinePlan cloud = plan.cloud();
        assertThat(cloud.port()).isEqualTo(9876);
        assertThat(cloud.command()).containsExactly("/bin/sh");
        assertThat(cloud.args()).containsExactly("-c",
                "python3 /app/cloud_yolo_train_update.py 9876 logs/cloud.log logs/cloud.csv");
        assertThat(cloud.logs()).isEqualTo("logs");
        assertThat(cloud.volumes()).singleElement().satisfies(v -> {
            assertThat(v.nfsServer()).isEqualTo("files");
            assertThat(v.mountPath()).isEqualTo("/app/logs");
        });
        MachinePlan edge0 = plan.machine("yolo-edge-0").orElseThrow();
        assertThat(edge0.port()).isEqualTo(8080);
        assertThat(edge0.argsWithCloud("yolo-cloud")).containsExactly("-c",
                "python3 /app/edge_yolo_inference.py yolo-cloud 9876 edge_inf.log edge_update.log edge_inf.csv"
                        + " edge_update.csv 2 0");
        assertThat(plan.machine("yolo-edge-1").orElseThrow().args()).containsExactly("{}", "9876", "edge_inf.log",
                "edge_update.log", "edge_inf.csv", "edge_update.csv", "4");
        assertThat(plan.links()).extracting(LinkPlan::from, LinkPlan::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("yolo-cloud", "yolo-edge-0"),
                org.assertj.core.groups.Tuple.tuple("yolo-edge-0", "yolo-cloud"),
                org.assertj.core.groups.Tuple.tuple("yolo-cloud", "yolo-edge-1"));
        assertThat(plan.link("yolo-cloud", "yolo-edge-0").orElseThrow().delay()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void locallyTheScriptsBecomeTheProjectsAppsWithTheirPositionalArguments() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(CONFIG, RuntimeKind.LOCAL);

        MachinePlan cloud = plan.cloud();
        assertThat(cloud.runsProjectApp()).isTrue();
        assertThat(cloud.args()).containsExactly("9876", "cloud.log", "cloud.csv");
        assertThat(plan.machine("yolo-edge-0").orElseThrow().args()).as("the original's id 0 is no machine name")
                .containsExactly("{}", "9876", "edge_inf.log", "edge_update.log", "edge_inf.csv", "edge_update.csv", "2",
                        "yolo-edge-0");
        assertThat(plan.machine("yolo-edge-1").orElseThrow().args()).as("the seven-argument form gets the machine's name")
                .containsExactly("{}", "9876", "edge_inf.log", "edge_update.log", "edge_inf.csv", "edge_update.csv", "4",
                        "yolo-edge-1");
        assertThat(plan.machines()).allSatisfy(m -> assertThat(m.runsProjectApp()).isTrue());
        assertThat(plan.machine("yolo-edge-0").orElseThrow().port()).as("this project's edge listens on no port").isZero();
    }

    @Test
    void theLocalReplacementIsSaidOnceForEveryMachine() throws Exception {
        String text = """
                {"machines": [
                  {"name": "c", "category": "server", "command": ["python3", "-u", "cloud_yolo_train_update.py"],
                   "args": ["7000", "c.log", "c.csv"]},
                  {"name": "e", "category": "client", "command": "/bin/bash",
                   "args": ["-c", "python edge_yolo_inference.py {} 7000 a.log b.log a.csv b.csv 1 e"]},
                  {"name": "other", "category": "client", "command": ["/bin/sh"],
                   "args": ["-c", "python3 edge_yolo_inference.py {} 7000 a b c d 1 x; echo done"]}]}
                """;
        ExperimentPlan[] plan = new ExperimentPlan[1];
        String said = ConsoleCapture.stderrOf(() -> {
            try {
                plan[0] = parse(text, RuntimeKind.LOCAL);
            } catch (ConfigException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(plan[0].cloud().port()).as("the script's port when the config gives none").isEqualTo(7000);
        assertThat(plan[0].machine("e").orElseThrow().args()).endsWith("1", "e");
        assertThat(plan[0].machine("other").orElseThrow().runsProjectApp()).as("more than one command line: as given")
                .isFalse();
        assertThat(said.lines().filter(l -> l.contains("in place of the original's scripts")))
                .singleElement().asString().endsWith(": c (cloud_yolo_train_update.py), e (edge_yolo_inference.py)");
        assertThat(ConsoleCapture.stderrOf(() -> {
            try {
                parse(text, RuntimeKind.KUBERNETES);
            } catch (ConfigException e) {
                throw new AssertionError(e);
            }
        })).doesNotContain("in place of the original's scripts");
    }

    @Test
    void theWrongNumberOfScriptArgumentsIsAnErrorLocallyOnly() throws Exception {
        String text = """
                {"machines": [
                  {"name": "c", "category": "server", "port": "7000", "command": ["/bin/sh"],
                   "args": ["-c", "python3 /app/cloud_yolo_train_update.py 7000 c.log"]},
                  {"name": "e", "category": "client", "port": 7001, "args": ["{}", "7000", "a", "b", "c", "d", "1", "e"]}]}
                """;
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(text, RuntimeKind.LOCAL));
        assertThat(error.errors()).extracting(ConfigError::toString).containsExactly("machines[0].args: runs the original's"
                + " cloud_yolo_train_update.py with 2 arguments (expected: 3, <port> <log> <csv>, which cloud-app.jar takes too)");
        assertThat(parse(text, RuntimeKind.KUBERNETES).cloud().command()).containsExactly("/bin/sh");
    }

    @Test
    void aPortTheScriptDoesNotListenOnIsAnError() {
        String text = """
                {"machines": [
                  {"name": "c", "category": "server", "port": "7000", "command": ["python3", "cloud_yolo_train_update.py"],
                   "args": ["7001", "c.log", "c.csv"]},
                  {"name": "e", "category": "client"}]}
                """;
        assertThat(catchThrowableOfType(ConfigException.class, () -> parse(text, RuntimeKind.LOCAL)).errors())
                .extracting(ConfigError::toString).containsExactly("machines[0].port: 7000 is not the port 7001 the"
                        + " original's cloud_yolo_train_update.py is given (expected: the same port)");
    }

    @Test
    void numbersWrittenAsStringsReadAsNumbersAndABadOneNamesFieldFileAndLine() throws Exception {
        String text = """
                {"machines": [
                  {"name": "c", "category": "server", "port": "7000", "app": {"epochs": "2", "lr": "0.01"}},
                  {"name": "e", "category": "client",
                   "app": {"rate": "2.5", "uploadThreshold": "98x6", "conf": "0.4"}}]}
                """;
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(text, RuntimeKind.LOCAL));
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.toString()).isEqualTo("machines[1].app.uploadThreshold: \"98x6\" is not allowed (expected: a whole"
                    + " number from 1 to 100000)");
            assertThat(e.location()).isEqualTo("case.json:4");
        });
        assertThat(error.getMessage()).contains("machines[1].app.uploadThreshold: \"98x6\" is not allowed")
                .contains("(case.json:4)");

        ExperimentPlan plan = parse(text.replace("98x6", "30"), RuntimeKind.LOCAL);
        assertThat(plan.cloud().port()).isEqualTo(7000);
        assertThat(plan.cloud().args()).containsSubsequence("--epochs", "2").containsSubsequence("--lr", "0.01");
        assertThat(plan.machine("e").orElseThrow().args()).contains("2.5").containsSubsequence("--upload-threshold", "30")
                .containsSubsequence("--conf", "0.4");
    }

    @Test
    void everyErrorNamesItsLine() {
        String text = "{\n \"machines\": [\n  {\"name\": \"c\", \"category\": \"server\", \"port\": \"98x6\"},\n"
                + "  {\"name\": \"e\", \"category\": \"client\",\n   \"resources\": {\"limits\": {\"nvidia.com/gpu\": \"x\"}}}]\n}";
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(text, RuntimeKind.LOCAL));
        assertThat(error.errors()).extracting(ConfigError::path, ConfigError::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("machines[0].port", "case.json:3"),
                org.assertj.core.groups.Tuple.tuple("machines[1].resources.limits[\"nvidia.com/gpu\"]", "case.json:5"));
    }

    @Test
    void argsMayBeOneString() throws Exception {
        String text = """
                {"machines": [{"name": "c", "category": "server", "command": "/opt/cloud", "args": "--serve"},
                              {"name": "e", "category": "client"}]}
                """;
        assertThat(parse(text, RuntimeKind.KUBERNETES).cloud().args()).containsExactly("--serve");
    }
}
