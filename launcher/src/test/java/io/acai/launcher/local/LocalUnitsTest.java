package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.records.run.LinkRow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the local runtime that need neither root nor a network. */
class LocalUnitsTest {

    @Test
    void lossFilterDrawsARandomNumberAndComparesItWithTheShareToDrop() {
        assertThat(LossFilter.bytecode(10, 0x11001, 0x12001))
                .isEqualTo("4,32 0 0 4294963256,53 0 1 429496730,6 0 0 69633,6 0 0 73729");
        assertThat(LossFilter.bytecode(0, 1, 2)).contains("53 0 1 0,");
        assertThat(LossFilter.bytecode(100, 1, 2)).contains("53 0 1 4294967295,");
        assertThatThrownBy(() -> LossFilter.bytecode(101, 1, 2)).hasMessageContaining("lossPercent: 101.0");
    }

    @Test
    void subnetsOverlapWhenTheirCommonPrefixMatches() {
        long candidate = PrivateSubnet.toLong("10.213.7.0");
        assertThat(PrivateSubnet.overlaps(candidate, 24, PrivateSubnet.toLong("10.0.0.0"), 8)).isTrue();
        assertThat(PrivateSubnet.overlaps(candidate, 24, PrivateSubnet.toLong("10.213.7.42"), 32)).isTrue();
        assertThat(PrivateSubnet.overlaps(candidate, 24, PrivateSubnet.toLong("10.213.8.1"), 32)).isFalse();
        assertThat(PrivateSubnet.overlaps(candidate, 24, PrivateSubnet.toLong("192.168.0.0"), 16)).isFalse();
        assertThat(new PrivateSubnet("10.213.7.").cidr(10)).isEqualTo("10.213.7.10/24");
        assertThatThrownBy(() -> new PrivateSubnet("10.213.7.").address(255)).hasMessageContaining("host: 255");
    }

    @Test
    void jvmOptionsFollowTheLimits() {
        assertThat(MachineCommand.jvmOptions(Resources.NONE)).isEmpty();
        assertThat(MachineCommand.jvmOptions(new Resources(0, 1500, 0, 2L << 30, 0)))
                .containsExactly("-Xmx1024m", "-XX:ActiveProcessorCount=2");
        assertThat(MachineCommand.jvmOptions(new Resources(0, 250, 0, 64L << 20, 0)))
                .containsExactly("-Xmx64m", "-XX:ActiveProcessorCount=1");
    }

    @Test
    void edgesCompileWithC1OnlyAndTheCloudWithBothCompilers() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(Path.of(System.getProperty("acai.root", "..")).resolve("user_config.json"),
                RuntimeKind.LOCAL);
        MachinePlan edge = plan.machine("edge-near").orElseThrow();
        MachinePlan cloud = plan.cloud();

        List<String> edgeCommand = MachineCommand.of(edge, LocalPlans.noJars(), edge.argsWithCloud("10.0.0.1"), "10.0.0.1");
        List<String> cloudCommand = MachineCommand.of(cloud, LocalPlans.noJars(), cloud.argsWithCloud("10.0.0.1"),
                "10.0.0.1");

        // 768Mi and 400m: half the memory as heap, one processor, then C1 only, all before -jar
        assertThat(edgeCommand).containsSequence("-Xmx384m", "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1");
        assertThat(edgeCommand.indexOf("-XX:TieredStopAtLevel=1")).isLessThan(edgeCommand.indexOf("-jar"));
        assertThat(cloudCommand).contains("-Xmx1024m", "-XX:ActiveProcessorCount=2")
                .doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void edgeArgumentsPointAtTheRelayOnLoopback() {
        assertThat(LoopbackDeployer.throughRelay(List.of("{}", "5000", "inf.log", "5000.csv"), 5000, 41234))
                .containsExactly("127.0.0.1", "41234", "inf.log", "5000.csv");
        assertThat(LoopbackDeployer.throughRelay(List.of("--cloud", "{}:5000"), 5000, 41234))
                .containsExactly("--cloud", "127.0.0.1:41234");
    }

    @Test
    void theDefaultExperimentsControlRunsTheEdgeJarWithoutACloudOrALink() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(Path.of(System.getProperty("acai.root", "..")).resolve("user_config.json"),
                RuntimeKind.LOCAL);
        MachinePlan control = plan.machine("edge-near-static").orElseThrow();
        AppJars jars = LocalPlans.noJars();

        List<String> command = MachineCommand.of(control, jars, control.argsWithCloud(LoopbackDeployer.LOOPBACK),
                LoopbackDeployer.LOOPBACK);

        // the app watches this launcher and ends when it ends (LauncherWatchTest kills a real one)
        assertThat(command).containsSequence("-Dacai.launcher.pid=" + ProcessHandle.current().pid(), "-jar");
        assertThat(command).containsSequence("-jar", jars.edgeJar().toString(), "none", "0")
                .contains("--static", "edge-near-static").doesNotContain(LoopbackDeployer.LOOPBACK);
        assertThat(plan.link(control.name(), plan.cloud().name())).isEmpty();
        assertThat(plan.link(plan.cloud().name(), control.name())).isEmpty();
        assertThat(LinkMeasurement.pairs(plan.links(), plan.cloud().name()::equals))
                .noneMatch(pair -> pair.client().equals(control.name()));
    }

    @Test
    void pairsPutTheProbeServerOnTheListeningMachine() {
        LinkPlan up = new LinkPlan("edge1", "cloud", 10_000_000, Duration.ofMillis(20), Duration.ZERO, 0);
        LinkPlan down = new LinkPlan("cloud", "edge1", 50_000_000, Duration.ofMillis(30), Duration.ZERO, 0);
        LinkPlan onlyDown = new LinkPlan("cloud", "edge2", 1_000_000, Duration.ZERO, Duration.ZERO, 0);
        List<ProbePair> pairs = LinkMeasurement.pairs(List.of(down, up, onlyDown), "cloud"::equals);
        assertThat(pairs).containsExactly(new ProbePair("edge1", "cloud", up, down), new ProbePair("edge2", "cloud", null, onlyDown));
        assertThat(pairs.get(0).configuredRtt()).isEqualTo(Duration.ofMillis(50));
        assertThat(ProbePair.bytesFor(null)).isZero();
        assertThat(ProbePair.bytesFor(onlyDown)).isEqualTo(125_000);
        assertThat(ProbePair.bytesFor(new LinkPlan("a", "b", 100_000, Duration.ZERO, Duration.ZERO, 0))).isEqualTo(64 << 10);
        assertThat(ProbePair.bytesFor(down)).isEqualTo(6_250_000);
    }

    @Test
    void rowsOffByMoreThanTenPercentWarn() {
        assertThat(LinkMeasurement.warning(new LinkRow("a", "b", 10, 9.5, 100, 101))).isNull();
        assertThat(LinkMeasurement.warning(new LinkRow("a", "b", 10, 8.5, 100, 101)))
                .contains("a -> b", "rate 8.50 Mbit/s measured, 10.00 configured");
        assertThat(LinkMeasurement.warning(new LinkRow("a", "b", 0, 900, 0, 1.5))).isNull();
        assertThat(LinkMeasurement.warning(new LinkRow("a", "b", 0, 900, 100, 125))).contains("round trip 125.0 ms");
    }

    @Test
    void linksCsvHoldsTheMeasuredRowsAndReturnsTheWarnings(@TempDir Path logs) throws Exception {
        List<LinkRow> rows = List.of(new LinkRow("a", "b", 10, 9.5, 100, 101), new LinkRow("b", "a", 10, 8.5, 100, 101));
        assertThat(LinkMeasurement.write(logs, rows)).singleElement().asString().contains("b -> a");
        assertThat(LinkRow.SCHEMA.readAll(logs.resolve("links.csv"))).isEqualTo(rows);
    }

    @Test
    void ledgerNamesAreOnlyOurs() {
        assertThat(TeardownLedger.OUR_NAME.matcher("acai-0a1b2c-cloud").matches()).isTrue();
        assertThat(TeardownLedger.OUR_NAME.matcher("acai0a1b2c").matches()).isTrue();
        assertThat(TeardownLedger.OUR_NAME.matcher("a0a1b2cv12").matches()).isTrue();
        assertThat(TeardownLedger.OUR_NAME.matcher("eth0").matches()).isFalse();
        assertThat(TeardownLedger.OUR_NAME.matcher("docker0").matches()).isFalse();
        assertThat(TeardownLedger.OUR_NAME.matcher("acai-xyz").matches()).isFalse();
    }
}
