package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static final String HEADER = "end_time,avg_inf_time,avg_wait_time,avg_queue_len,frames,accuracy,model_version\n";

    private final ReportNotes notes = new ReportNotes();

    @Test
    void readsColumnsByNameInAnyOrderIgnoringExtraOnes() {
        String csv = "model_version, accuracy,frames,extra,avg_queue_len,avg_wait_time,avg_inf_time,END_TIME\n"
                + "3,0.8,10,x,0.2,11.5,40.25,1764000002000\n";

        List<InferenceRow> rows = parse(csv);

        assertThat(rows).containsExactly(new InferenceRow(1764000002000.0, 40.25, 11.5, 0.2, 10, 0.8, "3"));
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void truncatedLastLineIsSkippedAndNoted() {
        String csv = HEADER + "1764000002000,40.1,12.0,0.3,10,0.9,1\n1764000004000,41.0,1";

        List<InferenceRow> rows = parse(csv);

        assertThat(rows).hasSize(1);
        assertThat(notes.warnings()).containsExactly(
                "edge1/edge_inf.csv:3: truncated last line skipped (no line end; run cut short?)");
    }

    @Test
    void badLineInTheMiddleIsSkippedWithItsLineNumberColumnAndValue() {
        String csv = HEADER + "1764000002000,40.1,12.0,0.3,10,0.9,1\n"
                + "1764000004000,fast,12.0,0.3,10,0.9,1\n"
                + "1764000006000,40.1,12.0,0.3,10,0.7,1\n";

        List<InferenceRow> rows = parse(csv);

        assertThat(rows).extracting(InferenceRow::accuracy).containsExactly(0.9, 0.7);
        assertThat(notes.warnings()).containsExactly(
                "edge1/edge_inf.csv:3: line skipped: avg_inf_time : \"fast\" (not a number)");
    }

    @Test
    void lineWithTooFewFieldsIsSkipped() {
        String csv = HEADER + "1764000002000,40.1,12.0\n1764000006000,40.1,12.0,0.3,10,0.7,1\n";

        assertThat(parse(csv)).hasSize(1);
        assertThat(notes.warnings()).singleElement().asString()
                .contains(":2: line skipped").contains(":2: line skipped: 3 fields (expected: 7, as in the header)");
    }

    @Test
    void accuracyOutsideZeroToOneIsRefusedByName() {
        parse(HEADER + "1764000002000,40.1,12.0,0.3,10,87,1\n");

        assertThat(notes.warnings()).singleElement().asString()
                .contains("accuracy : \"87\" (expected: a share between 0 and 1)");
    }

    @Test
    void headerWithoutANeededColumnMakesTheFileUnusable() {
        String csv = "end_time,avg_inf_time\n1764000002000,40.1\n";

        assertThat(CsvTable.parse(csv, "edge1/edge_inf.csv", InferenceRow.PARSER, notes)).isEmpty();
        assertThat(notes.missing()).containsExactly("edge1/edge_inf.csv");
        assertThat(notes.warnings()).singleElement().asString().contains("header lacks column(s) [avg_wait_time");
    }

    @Test
    void headerOnlyGivesNoRowsAndNoNotes() {
        assertThat(parse(HEADER)).isEmpty();
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void missingFileIsNotedAsMissing() {
        assertThat(CsvTable.read(Path.of("/nonexistent/edge_inf.csv"), "edge9/edge_inf.csv", InferenceRow.PARSER,
                notes)).isEmpty();
        assertThat(notes.missing()).containsExactly("edge9/edge_inf.csv");
    }

    @Test
    void serverAndClientRolesReadAsCloudAndEdge() {
        List<ConsumptionRow> rows = CsvTable.parse("time,machine,role,cpu_cores,memory_mib\n"
                + "1764000000000,cloud,server,1.5,800\n1764000000000,edge1,client,0.5,300\n"
                + "1764000000000,edge2,edge,0.5,300\n1764000000000,edge3,router,0.5,300\n",
                "consumption.csv", ConsumptionRow.PARSER, notes).orElseThrow();

        assertThat(rows).extracting(ConsumptionRow::role).containsExactly("cloud", "edge", "edge");
        assertThat(notes.warnings()).singleElement().asString().contains(":5:").contains("role : \"router\"");
    }

    private List<InferenceRow> parse(String csv) {
        return CsvTable.parse(csv, "edge1/edge_inf.csv", InferenceRow.PARSER, notes).orElseThrow();
    }
}
