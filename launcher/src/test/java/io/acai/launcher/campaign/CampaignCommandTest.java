package io.acai.launcher.campaign;

import io.acai.launcher.LauncherMain;
import io.acai.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command up to the first run: reading, expanding and validating every run, the dry run and the refusals. */
class CampaignCommandTest {

    @TempDir
    Path dir;

    private ConsoleCapture campaign(String body, String... options) throws Exception {
        Path file = CampaignFiles.campaign(dir, body);
        String[] args = new String[3 + options.length];
        args[0] = "campaign";
        args[1] = dir.resolve("logs").toString();
        args[2] = file.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return ConsoleCapture.run(() -> LauncherMain.execute(args));
    }

    @Test
    void oneInvalidValueStopsTheWholeCampaignNamingTheRunAndTheField() throws Exception {
        ConsoleCapture outcome = campaign("""
                "repeats": 2, "parameters": [{"path": "machines[cloud].app.minRetrainImages", "values": [20, -5]}]
                """);
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("2 of 4 runs are not valid configs", "nothing ran",
                "run minRetrainImages=-5-r1 (machines[cloud].app.minRetrainImages=-5): 1 error",
                "run minRetrainImages=-5-r2", "machines[0].app.minRetrainImages: -5 is not allowed (expected: a whole number from 0")
                .doesNotContain("minRetrainImages=20-r1");
        assertThat(dir.resolve("logs")).as("nothing deployed, no folder made").doesNotExist();
    }

    @Test
    void aMisspeltFieldGetsTheValidatorsListOfFields() throws Exception {
        ConsoleCapture outcome = campaign("""
                "parameters": [{"path": "machines[cloud].app.minRetrainImagez", "values": [20]}]
                """);
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("run minRetrainImagez=20-r1",
                "machines[0].app.minRetrainImagez: unknown field (expected one of: model, minRetrainImages");
    }

    @Test
    void anUnknownPathIsReportedAndNothingRuns() throws Exception {
        ConsoleCapture outcome = campaign("""
                "parameters": [{"path": "connections[cloud~edge-x].bandwidthFrom", "values": ["1mbps"]}]
                """);
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("a path of the campaign leads nowhere",
                "parameters[0].path: connections[cloud~edge-x].bandwidthFrom: connections[cloud~edge-x]: no connection between "
                        + "cloud and edge-x (connections: cloud~edge-near, cloud~edge-far)");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void theCampaignFileItselfIsCheckedFieldByField() throws Exception {
        ConsoleCapture outcome = campaign("""
                "combine": "cross", "repeats": 0, "rounds": 2,
                "parameters": [{"path": "experiment.seed", "values": [1, 2]}, {"path": "experiment.duration", "values": []}]
                """);
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("campaign.json: not a campaign",
                "combine: \"cross\" is not allowed (expected: grid or zip)",
                "repeats: 0 is not allowed (expected: a whole number from 1 to 1000)",
                "rounds: unknown field (expected one of: name, base, parameters, set, combine, repeats, seed)",
                "parameters[0].path: \"experiment.seed\" is set by the campaign, one seed per repeat",
                "parameters[1].values: [] is not allowed (expected: a non-empty array of values)");
    }

    @Test
    void aDryRunListsEveryRunAndTheEstimatedTimeAndDeploysNothing() throws Exception {
        ConsoleCapture outcome = campaign("""
                "name": "uplink", "repeats": 2,
                "parameters": [{"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps", "2mbps"]}]
                """, "--dry-run");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("campaign uplink:", "4 runs (2 settings x 2 repeats, grid)",
                "1  bandwidthFrom=1mbps-r1  connections[cloud~edge-far].bandwidthFrom=\"1mbps\", seed 7, 1m",
                "4  bandwidthFrom=2mbps-r2", "seed 8",
                // 4 runs of 1 minute plus 20 s each
                "4 runs; estimated time 5m20s", "20s per run to deploy, measure links, tear down and report",
                "nothing was deployed");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void aDryRunWithoutLinkMeasurementEstimatesLessPerRun() throws Exception {
        ConsoleCapture outcome = campaign("""
                "parameters": [{"path": "machines[cloud].app.minRetrainImages", "values": [20, 40]}]
                """, "--dry-run", "--no-link-measurement");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("2 runs; estimated time 2m10s", "5s per run to deploy, tear down and report");
    }

    @Test
    void aParallelDryRunEstimatesTheWallTimeOfRunsStartedAsSlotsFree() throws Exception {
        ConsoleCapture outcome = campaign("""
                "parameters": [{"path": "machines[cloud].app.minRetrainImages", "values": [20, 40, 60]}]
                """, "--dry-run", "--parallel", "2", "--runtime", "kubernetes");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        // 3 runs of 1 min + 20 s: two at once, then the third: 2m40s, not 4m / 2
        assertThat(outcome.out()).contains("3 runs; estimated time 4m", "; with --parallel 2 about 2m40s of wall time");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void theWallTimeFillsTheSlotsInOrder() {
        java.time.Duration m = java.time.Duration.ofMinutes(1);
        assertThat(CampaignCommand.wallTime(java.util.List.of(m, m, m), 2)).isEqualTo(m.multipliedBy(2));
        assertThat(CampaignCommand.wallTime(java.util.List.of(m, m, m, m), 2)).isEqualTo(m.multipliedBy(2));
        assertThat(CampaignCommand.wallTime(java.util.List.of(m.multipliedBy(5), m, m, m), 2)).isEqualTo(m.multipliedBy(5));
        assertThat(CampaignCommand.wallTime(java.util.List.of(m, m), 8)).isEqualTo(m);
        assertThat(CampaignCommand.wallTime(java.util.List.of(), 2)).isZero();
    }

    @Test
    void aSetValueIsValidatedInEveryRunLikeASweptOne() throws Exception {
        ConsoleCapture outcome = campaign("""
                "set": {"machines[cloud].app.minRetrainImages": -5},
                "parameters": [{"path": "machines[edge-near].app.uploadThreshold", "values": [10, 20]}]
                """, "--dry-run");
        assertThat(outcome.exitCode()).isOne();
        assertThat(outcome.err()).contains("2 of 2 runs are not valid configs", "run uploadThreshold=10-r1",
                "machines[0].app.minRetrainImages: -5 is not allowed");
    }

    @Test
    void parallelRunsAreRefusedOnThisMachine() throws Exception {
        ConsoleCapture outcome = campaign("\"repeats\": 2", "--parallel", "2");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--parallel 2 needs runtime kubernetes");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void eachKubernetesRunGetsItsOwnNamespace() {
        assertThat(CampaignCommand.namespace("acai-drift-demo", 3)).isEqualTo("acai-drift-demo-3");
        String cut = CampaignCommand.namespace("acai-" + "x".repeat(70), 12);
        assertThat(cut).hasSize(63).endsWith("x-12");
    }
}
