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
}
