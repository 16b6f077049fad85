package io.acai.launcher.campaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepExpansionTest {

    @TempDir
    Path dir;

    private List<CampaignRun> expand(String body) throws Exception {
        CampaignSpec spec = CampaignSpec.read(CampaignFiles.campaign(dir, body));
        return SweepExpansion.expand(spec, CampaignCommand.base(spec));
    }

    @Test
    void gridTakesEveryCombinationTheFirstParameterVaryingSlowest() throws Exception {
        List<CampaignRun> runs = expand("""
                "parameters": [
                  {"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps", "2mbps"]},
                  {"path": "machines[cloud].app.minRetrainImages", "values": [20, 40, 80]}]
                """);
        assertThat(runs).extracting(CampaignRun::id).containsExactly(
                "bandwidthFrom=1mbps,minRetrainImages=20-r1", "bandwidthFrom=1mbps,minRetrainImages=40-r1",
                "bandwidthFrom=1mbps,minRetrainImages=80-r1", "bandwidthFrom=2mbps,minRetrainImages=20-r1",
                "bandwidthFrom=2mbps,minRetrainImages=40-r1", "bandwidthFrom=2mbps,minRetrainImages=80-r1");
        assertThat(runs).extracting(CampaignRun::index).containsExactly(1, 2, 3, 4, 5, 6);
        CampaignRun fifth = runs.get(4);
        assertThat(fifth.config().at("/connections/1/bandwidthFrom").asText()).isEqualTo("2mbps");
        assertThat(fifth.config().at("/connections/1/bandwidthTo").asText()).as("the rest of the base").isEqualTo("10mbps");
        assertThat(fifth.config().at("/machines/0/app/minRetrainImages").asInt()).isEqualTo(40);
        assertThat(fifth.parameters()).containsOnlyKeys("connections[cloud~edge-far].bandwidthFrom",
                "machines[cloud].app.minRetrainImages");
        assertThat(runs.get(0).config().at("/machines/0/app/minRetrainImages").asInt()).as("each run its own copy").isEqualTo(20);
    }

    @Test
    void zipTakesTheValuesTogether() throws Exception {
        List<CampaignRun> runs = expand("""
                "combine": "zip", "parameters": [
                  {"path": "machines[edge-near].app.uploadThreshold", "values": [10, 50]},
                  {"path": "machines[cloud].app.push", "values": ["contributors", "all"]}]
                """);
        assertThat(runs).extracting(CampaignRun::id)
                .containsExactly("uploadThreshold=10,push=contributors-r1", "uploadThreshold=50,push=all-r1");
    }

    @Test
    void zipRefusesListsOfUnequalLengths() throws Exception {
        assertThatThrownBy(() -> expand("""
                "combine": "zip", "parameters": [
                  {"path": "machines[edge-near].app.uploadThreshold", "values": [10, 50]},
                  {"path": "machines[cloud].app.push", "values": ["contributors", "all", "all"]}]
                """)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("parameters[1].values: 3 values but parameters[0] has 2")
                .hasMessageContaining("\"combine\": \"zip\"");
    }

    @Test
    void repeatsGetDistinctSeedsAndEverySettingOfARepeatTheSameOne() throws Exception {
        List<CampaignRun> runs = expand("""
                "repeats": 3, "parameters": [{"path": "experiment.duration", "values": ["30s", "1m"]}]
                """);
        assertThat(runs).extracting(CampaignRun::id).containsExactly("duration=30s-r1", "duration=1m-r1",
                "duration=30s-r2", "duration=1m-r2", "duration=30s-r3", "duration=1m-r3");
        // the base says seed 7: repeat r runs with 7 + r - 1
        assertThat(runs).extracting(CampaignRun::seed).containsExactly(7L, 7L, 8L, 8L, 9L, 9L);
        assertThat(runs).extracting(run -> run.config().at("/experiment/seed").asLong()).containsExactly(7L, 7L, 8L, 8L, 9L, 9L);
        assertThat(runs).extracting(CampaignRun::repeat).containsExactly(1, 1, 2, 2, 3, 3);
    }

    @Test
    void theCampaignSeedComesFirstAndNoParametersMeansRepeatsOfTheBase() throws Exception {
        List<CampaignRun> runs = expand("\"repeats\": 2, \"seed\": 100");
        assertThat(runs).extracting(CampaignRun::id).containsExactly("r1", "r2");
        assertThat(runs).extracting(CampaignRun::seed).containsExactly(100L, 101L);
        assertThat(runs.get(0).describeValues()).isEqualTo("(base)");
    }

    @Test
    void labelsGrowUntilTheyDifferAndValuesAreMadeSafeForAFolderName() throws Exception {
        List<CampaignRun> runs = expand("""
                "parameters": [
                  {"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["2mbps"]},
                  {"path": "connections[edge-near~cloud].bandwidthFrom", "values": ["1 mbps/s"]},
                  {"path": "machines[cloud].app.lr", "values": [0.0005]}]
                """);
        assertThat(runs).singleElement().extracting(CampaignRun::id)
                .isEqualTo("cloud~edge-far.bandwidthFrom=2mbps,edge-near~cloud.bandwidthFrom=1_mbps_s,lr=0.0005-r1");
        assertThat(runs.get(0).config().at("/connections/0/bandwidthFrom").asText())
                .as("either order of a~b finds the connection").isEqualTo("1 mbps/s");
    }

    @Test
    void idsThatSanitiseAlikeStayApartAndLongOnesAreCut() {
        assertThat(RunId.unique(List.of("a=x_y-r1", "a=x_y-r1", "b-r1"))).containsExactly("a=x_y-r1-1", "a=x_y-r1-2", "b-r1");
        String id = RunId.of(List.of("label"), List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf("v".repeat(300))), 2);
        assertThat(id).hasSize(RunId.MAX_LENGTH).startsWith("label=vvv").matches(".*-[0-9a-f]{8}-r2");
    }

    @Test
    void zippedParametersSharingALabelAreOneAxisInTheIds() throws Exception {
        List<CampaignRun> runs = expand("""
                "combine": "zip", "repeats": 2, "parameters": [
                  {"path": "connections[cloud~edge-near].bandwidth", "values": ["1mbps", "8mbps"], "label": "link"},
                  {"path": "machines[cloud].app.minRetrainImages", "values": [20, 40]},
                  {"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps", "8mbps"], "label": "link"}]
                """);
        assertThat(runs).extracting(CampaignRun::id).containsExactly("link=1mbps,minRetrainImages=20-r1",
                "link=8mbps,minRetrainImages=40-r1", "link=1mbps,minRetrainImages=20-r2", "link=8mbps,minRetrainImages=40-r2");
        CampaignRun second = runs.get(1);
        assertThat(second.parameters()).as("every path, for run.json").containsOnlyKeys(
                "connections[cloud~edge-near].bandwidth", "machines[cloud].app.minRetrainImages",
                "connections[cloud~edge-far].bandwidthFrom");
        assertThat(second.labels()).containsExactly(
                java.util.Map.entry("connections[cloud~edge-near].bandwidth", "link"),
                java.util.Map.entry("connections[cloud~edge-far].bandwidthFrom", "link"));
        assertThat(second.config().at("/connections/0/bandwidth").asText()).isEqualTo("8mbps");
        assertThat(second.config().at("/connections/1/bandwidthFrom").asText()).isEqualTo("8mbps");
    }

    @Test
    void parametersSharingALabelMustHoldEqualValuesAtEveryPosition() throws Exception {
        assertThatThrownBy(() -> expand("""
                "combine": "zip", "parameters": [
                  {"path": "connections[cloud~edge-near].bandwidth", "values": ["1mbps", "8mbps"], "label": "link"},
                  {"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps", "2mbps"], "label": "link"}]
                """)).isInstanceOf(CampaignException.class)
                .hasMessageContaining(dir.resolve("campaign.json") + ": not a campaign")
                .hasMessageContaining("parameters[1].values[1]: connections[cloud~edge-far].bandwidthFrom is \"2mbps\" at "
                        + "position 2 but connections[cloud~edge-near].bandwidth (parameters[0]), which shares its label "
                        + "\"link\", is \"8mbps\"")
                .message().doesNotContain("position 1");
    }

    @Test
    void labelsAreUniqueOutsideAZipAndNeverAnotherParametersName() throws Exception {
        assertThatThrownBy(() -> expand("""
                "parameters": [
                  {"path": "connections[cloud~edge-near].bandwidth", "values": ["1mbps"], "label": "link"},
                  {"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps"], "label": "link"}]
                """)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("parameters[1].label: \"link\" is also the label of parameters[0] (expected: labels "
                        + "unique; only parameters zipped together");
        assertThatThrownBy(() -> expand("""
                "combine": "zip", "parameters": [
                  {"path": "machines[cloud].app.minRetrainImages", "values": [20]},
                  {"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps"], "label": "minRetrainImages"}]
                """)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("parameters[1].label: \"minRetrainImages\" is the name "
                        + "machines[cloud].app.minRetrainImages goes by in run ids");
    }

    @Test
    void aLabelIsAWordThatFitsAFolderName() throws Exception {
        for (String label : List.of("\"up link\"", "\"up,link\"", "\"a=b\"", "\"2mbps\"", "\"\"", "3", "\"x.y\"")) {
            assertThatThrownBy(() -> expand("""
                    "parameters": [{"path": "experiment.duration", "values": ["1m"], "label": %s}]
                    """.formatted(label))).as(label).isInstanceOf(CampaignException.class)
                    .hasMessageContaining("parameters[0].label: " + label + " is not a label (expected: a letter, then up "
                            + "to 39 letters, digits, _ or -");
        }
        assertThat(expand("""
                "parameters": [{"path": "experiment.duration", "values": ["1m"], "label": "run_length-2"}]
                """)).extracting(CampaignRun::id).containsExactly("run_length-2=1m-r1");
    }

    @Test
    void setWritesFixedValuesIntoEveryRunButNotIntoItsId() throws Exception {
        List<CampaignRun> runs = expand("""
                "set": {"experiment.duration": "3m30s", "machines[edge-far].app.uploadThreshold": 30},
                "parameters": [{"path": "machines[cloud].app.minRetrainImages", "values": [20, 40]}]
                """);
        assertThat(runs).extracting(CampaignRun::id).containsExactly("minRetrainImages=20-r1", "minRetrainImages=40-r1");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.config().at("/experiment/duration").asText()).isEqualTo("3m30s");
            assertThat(run.config().at("/machines/2/app/uploadThreshold").asInt()).as("app created").isEqualTo(30);
            assertThat(run.parameters()).containsOnlyKeys("machines[cloud].app.minRetrainImages");
        });
        assertThat(expand("\"set\": {\"experiment.duration\": \"2m\"}")).extracting(CampaignRun::id)
                .as("nothing swept").containsExactly("r1");
    }

    @Test
    void setPathsAreCheckedLikeSweptOnes() throws Exception {
        assertThatThrownBy(() -> expand("""
                "set": {"machines[edge-x].app.uploadThreshold": 30}
                """)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("a path of the campaign leads nowhere")
                .hasMessageContaining("set.machines[edge-x].app.uploadThreshold: machines[edge-x].app.uploadThreshold: "
                        + "machines[edge-x]: no machine named edge-x");
        assertThatThrownBy(() -> expand("""
                "set": {"experiment.seed": 3, "experiment.duration": "2m", "machines[.x": 1},
                "parameters": [{"path": "experiment.duration", "values": ["1m"]}]
                """)).isInstanceOf(CampaignException.class)
                .hasMessageContaining("set.experiment.seed: \"experiment.seed\" is set by the campaign, one seed per repeat")
                .hasMessageContaining("set.experiment.duration: \"experiment.duration\" is also a swept parameter")
                .hasMessageContaining("set.machines[.x: ");
        assertThatThrownBy(() -> expand("\"set\": [\"experiment.duration\"]")).isInstanceOf(CampaignException.class)
                .hasMessageContaining("set: [\"experiment.duration\"] is not an object");
    }
}
