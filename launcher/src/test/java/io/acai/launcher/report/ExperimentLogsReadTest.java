package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.InferenceRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the report reads one run file: what it cannot use is noted, with the file's line, and the rest is read. */
class ExperimentLogsReadTest {

    private static final String HEADER = String.join(",", InferenceRow.SCHEMA.header()) + "\n";

    @TempDir
    Path edge1;

    private final ReportNotes notes = new ReportNotes();

    @Test
    void readsColumnsByNameInAnyOrderIgnoringExtraOnes() throws IOException {
        List<InferenceRow> rows = read("model_version, accuracy,frames,extra,avg_queue_len,avg_wait_time,avg_inf_time,"
                + "END_TIME\n3,0.8,10,x,0.2,11.5,40.25,1764000002000\n");

        assertThat(rows).containsExactly(new InferenceRow(1764000002000.0, 40.25, 11.5, 0.2, 10, 0.8, "3"));
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void truncatedLastLineIsSkippedAndNoted() throws IOException {
        List<InferenceRow> rows = read(HEADER + "1764000002000,40.1,12.0,0.3,10,0.9,1\n1764000004000,41.0,1");

        assertThat(rows).hasSize(1);
        assertThat(notes.warnings()).containsExactly(
                "edge1/edge_inf.csv:3: truncated last line skipped (no line end; run cut short?)");
    }

    @Test
    void badLineInTheMiddleIsSkippedWithItsLineNumberColumnAndValue() throws IOException {
        List<InferenceRow> rows = read(HEADER + "1764000002000,40.1,12.0,0.3,10,0.9,1\n"
                + "1764000004000,fast,12.0,0.3,10,0.9,1\n"
                + "1764000006000,40.1,12.0,0.3,10,0.7,1\n");

        assertThat(rows).extracting(InferenceRow::accuracy).containsExactly(0.9, 0.7);
        assertThat(notes.warnings()).containsExactly(
                "edge1/edge_inf.csv:3: line skipped: avg_inf_time : \"fast\" (not a number)");
    }

    @Test
    void lineWithTooFewFieldsIsSkipped() throws IOException {
        assertThat(read(HEADER + "1764000002000,40.1,12.0\n1764000006000,40.1,12.0,0.3,10,0.7,1\n")).hasSize(1);
        assertThat(notes.warnings()).containsExactly(
                "edge1/edge_inf.csv:2: line skipped: 3 fields (expected: 7, as in the header)");
    }

    @Test
    void badLastLineIsNotedAsTruncated() throws IOException {
        read(HEADER + "1764000002000,40.1,12.0,0.3,10,87,1\n");

        assertThat(notes.warnings()).containsExactly("edge1/edge_inf.csv:2: truncated last line skipped: "
                + "accuracy : \"87\" (expected: a share between 0 and 1)");
    }

    @Test
    void headerWithoutARequiredColumnMakesTheFileUnusable() throws IOException {
        assertThat(read("avg_inf_time,accuracy\n40.1,0.9\n")).isEmpty();
        assertThat(notes.missing()).containsExactly("edge1/edge_inf.csv");
        assertThat(notes.warnings()).containsExactly(
                "edge1/edge_inf.csv:1: header lacks column(s) [end_time], file not used");
    }

    @Test
    void aFileFromAnEarlierRunWithoutOptionalColumnsIsReadAndNoted() throws IOException {
        List<InferenceRow> rows = read("end_time,avg_inf_time,frames,accuracy,model_version\n1764000002000,40.1,10,0.9,1\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.avgInfMs()).isEqualTo(40.1);
            assertThat(row.avgWaitMs()).isNaN();
        });
        assertThat(notes.missing()).isEmpty();
        assertThat(notes.warnings()).containsExactly("edge1/edge_inf.csv:1: header lacks column(s) [avg_wait_time, "
                + "avg_queue_len], read as blank (a file from an earlier run?)");
    }

    @Test
    void headerOnlyGivesNoRowsAndNoNotesAndAnEmptyFileIsMissing() throws IOException {
        assertThat(read(HEADER)).isEmpty();
        assertThat(notes.isEmpty()).isTrue();

        assertThat(read("")).isEmpty();
        assertThat(notes.missing()).containsExactly("edge1/edge_inf.csv");
        assertThat(notes.warnings()).containsExactly("edge1/edge_inf.csv: empty file (no header row)");
    }

    @Test
    void missingFileIsNotedAsMissing() {
        assertThat(ExperimentLogs.read(InferenceRow.SCHEMA, edge1.resolve("nothing"), "edge9/", notes)).isEmpty();
        assertThat(notes.missing()).containsExactly("edge9/edge_inf.csv");
    }

    @Test
    void serverAndClientRolesReadAsCloudAndEdge() throws IOException {
        Files.writeString(edge1.resolve("consumption.csv"), "time,machine,role,cpu_cores,memory_mib\n"
                + "1764000000000,cloud,server,1.5,800\n1764000000000,edge1,client,0.5,300\n"
                + "1764000000000,edge2,edge,0.5,300\n1764000000000,edge3,router,0.5,300\n"
                + "1764000000000,edge4,client,0.5,300\n");

        List<ConsumptionRow> rows = ExperimentLogs.read(ConsumptionRow.SCHEMA, edge1, "", notes);

        assertThat(rows).extracting(ConsumptionRow::cloudOrEdge).containsExactly("cloud", "edge", "edge", "edge");
        assertThat(notes.warnings()).containsExactly(
                "consumption.csv:5: line skipped: role : \"router\" (expected: cloud, edge, server or client)");
    }

    private List<InferenceRow> read(String content) throws IOException {
        Files.writeString(edge1.resolve("edge_inf.csv"), content);
        return ExperimentLogs.read(InferenceRow.SCHEMA, edge1, "edge1/", notes);
    }
}
