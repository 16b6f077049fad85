package io.acai.records.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.records.csv.CsvHeaderException;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.csv.CsvRows;
import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.CsvValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each run file: rows written and read back, the exact bytes the apps, the report and the notebook agree on, text
 * that needs quoting, a bad value named by file, line and column, and a file from an earlier run (an older column
 * set, in another order) that still reads.
 */
class RunFilesTest {

    private static final double NAN = Double.NaN;

    @TempDir
    Path tmp;

    @Test
    void inferenceRowsRoundTripInTheirWrittenFormat() throws Exception {
        InferenceRow row = new InferenceRow(1_764_000_002_000L, 40.25, 11.5, 0.2, 10, 0.8, "3");
        InferenceRow quoted = new InferenceRow(1_764_000_004_000L, 41, 12, 0, 10, 1, "v4, \"canary\"\nnext");
        Path file = write(InferenceRow.SCHEMA, row, quoted);

        assertThat(Files.readString(file)).startsWith("end_time,avg_inf_time,avg_wait_time,avg_queue_len,frames,"
                + "accuracy,model_version\n1764000002000,40.250,11.500,0.200,10,0.8000,3\n"
                + "1764000004000,41.000,12.000,0.000,10,1.0000,\"v4, \"\"canary\"\"\nnext\"\n");
        assertThat(InferenceRow.SCHEMA.readAll(file)).containsExactly(row, quoted);
    }

    @Test
    void updateRowsOfAPushedModelHaveTheirUploadTimesBlank() throws Exception {
        UpdateRow own = new UpdateRow(1000, 1300, 1350, 3150, 20_000, 21_000, 50, 412_730, 1_245_972, "2");
        UpdateRow pushed = new UpdateRow(NAN, NAN, NAN, NAN, 30_000, 31_000, 0, 0, 1_245_972, "edge,2");
        Path file = write(UpdateRow.SCHEMA, own, pushed);

        assertThat(Files.readAllLines(file)).containsExactly(
                "update_start,prepare,send_start,send_end,receive,update_end,images,bytes_up,bytes_down,model_version",
                "1000,1300,1350,3150,20000,21000,50,412730,1245972,2",
                ",,,,30000,31000,0,0,1245972,\"edge,2\"");
        List<UpdateRow> read = UpdateRow.SCHEMA.readAll(file);
        assertThat(read).containsExactly(own, pushed);
        assertThat(read).extracting(UpdateRow::isOwnUpload).containsExactly(true, false);
    }

    @Test
    void retrainRowsKeepADeviceWithACommaWhole() throws Exception {
        RetrainRow row = new RetrainRow(1000, 26_000, 26_400, 26_600, 26_700, 50, 2, 5, 4.8312, 1.9021,
                "cpu(),gpu(0)", "2");
        Path file = write(RetrainRow.SCHEMA, row);

        assertThat(Files.readAllLines(file)).containsExactly(
                "received,updated,saved,encoded,sent,images,edges,epochs,loss_first,loss_last,device,model_version",
                "1000,26000,26400,26600,26700,50,2,5,4.831200,1.902100,\"cpu(),gpu(0)\",2");
        assertThat(RetrainRow.SCHEMA.readAll(file)).containsExactly(row);
    }

    @Test
    void holdoutRowsRoundTripWithAnUnmeasuredMapBlank() throws Exception {
        HoldoutRow first = new HoldoutRow(1_764_000_001_000L, "0", HoldoutRow.PRE_DRIFT, 60, 0.5, 0.64438);
        HoldoutRow drift = new HoldoutRow(1_764_000_001_000L, "0", HoldoutRow.DRIFT, 60, 0.11666, NAN);
        Path file = write(HoldoutRow.SCHEMA, first, drift);

        assertThat(Files.readAllLines(file)).containsExactly("time,model_version,style,frames,accuracy,map50",
                "1764000001000,0,pre_drift,60,0.5000,0.6444", "1764000001000,0,drift,60,0.1167,");
        assertThat(HoldoutRow.SCHEMA.readAll(file)).extracting(HoldoutRow::style, HoldoutRow::preDrift)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pre_drift", true),
                        org.assertj.core.groups.Tuple.tuple("drift", false));
        assertThat(HoldoutRow.SCHEMA.readAll(file).get(1).map50()).isNaN();
    }

    @Test
    void holdoutRowsNameABadStyleAndReadWithoutTheOptionalMap() throws Exception {
        Path file = tmp.resolve("holdout.csv");
        Files.writeString(file, "time,model_version,style,frames,accuracy\n"
                + "1000,3,PRE_DRIFT,60,0.45\n2000,3,night,60,0.2\n3000,,drift,60,0.2\n4000,4,drift,60,1.5\n");
        CsvRows<HoldoutRow> read = HoldoutRow.SCHEMA.read(file);
        assertThat(read.rows()).containsExactly(new HoldoutRow(1000, "3", "pre_drift", 60, 0.45, NAN));
        assertThat(read.absentColumns()).containsExactly("map50");
        assertThat(read.skipped()).extracting(s -> s.line() + ": " + s.problem()).containsExactly(
                "3: style : \"night\" (expected: pre_drift or drift)",
                "4: model_version : \"\" (expected: a model version)",
                "5: accuracy : \"1.5\" (expected: a share between 0 and 1)");
    }

    @Test
    void consumptionIsAppendedWithOneHeaderAndReadsServerAsCloud() throws Exception {
        Path file = tmp.resolve("consumption.csv");
        ConsumptionRow cloud = new ConsumptionRow(1_700_000_000_000L, "cloud", "server", 0.8234, 1536.04);
        ConsumptionRow edge = new ConsumptionRow(1_700_000_000_000L, "edge \"near\", 1", "client", 0.25, 300);
        try (CsvRowWriter<ConsumptionRow> out = ConsumptionRow.SCHEMA.append(file)) {
            out.write(cloud);
        }
        try (CsvRowWriter<ConsumptionRow> out = ConsumptionRow.SCHEMA.append(file)) {
            out.write(edge);
        }

        assertThat(Files.readAllLines(file)).containsExactly("time,machine,role,cpu_cores,memory_mib",
                "1700000000000,cloud,server,0.823,1536.0",
                "1700000000000,\"edge \"\"near\"\", 1\",client,0.250,300.0");
        List<ConsumptionRow> read = ConsumptionRow.SCHEMA.readAll(file);
        assertThat(read).extracting(ConsumptionRow::machine).containsExactly("cloud", "edge \"near\", 1");
        assertThat(read).extracting(ConsumptionRow::cloudOrEdge).containsExactly("cloud", "edge");
    }

    @Test
    void linksRoundTrip() throws Exception {
        LinkRow row = new LinkRow("cloud", "edge,1", 100, 96.4, 10, 10.8);
        LinkRow spaced = new LinkRow(" edge 2 ", "cloud", 0, NAN, 10, 10.5);
        Path file = write(LinkRow.SCHEMA, row, spaced);

        assertThat(Files.readAllLines(file)).containsExactly(
                "from,to,configured_mbps,measured_mbps,configured_rtt_ms,measured_rtt_ms",
                "cloud,\"edge,1\",100.000,96.400,10.000,10.800",
                "\" edge 2 \",cloud,0.000,,10.000,10.500");
        assertThat(LinkRow.SCHEMA.readAll(file)).containsExactly(row, spaced);
    }

    @Test
    void aBadNumberNamesTheFileTheLineAndTheColumn() throws Exception {
        Path file = tmp.resolve("edge1/edge_inf.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "end_time,avg_inf_time,avg_wait_time,avg_queue_len,frames,accuracy,model_version\n"
                + "1764000002000,40.1,12.0,0.3,10,0.9,1\n"
                + "1764000004000,fast,12.0,0.3,10,0.9,1\n");

        assertThatThrownBy(() -> InferenceRow.SCHEMA.readAll(file)).isInstanceOf(CsvValueException.class)
                .hasMessage(file + ":3: avg_inf_time : \"fast\" (not a number)");
        CsvRows<InferenceRow> tolerant = InferenceRow.SCHEMA.read(file);
        assertThat(tolerant.rows()).hasSize(1);
        assertThat(tolerant.skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(3);
            assertThat(s.problem()).isEqualTo("avg_inf_time : \"fast\" (not a number)");
            assertThat(s.last()).isTrue();
        });
    }

    @Test
    void badValuesOfEachKindAreNamed() throws Exception {
        Path consumption = tmp.resolve("consumption.csv");
        Files.writeString(consumption, "time,machine,role,cpu_cores,memory_mib\n"
                + "-5,cloud,server,1,1\n1,,server,1,1\n1,edge3,router,1,1\n1,edge4,client,1,12MB\n");
        assertThat(ConsumptionRow.SCHEMA.read(consumption).skipped()).extracting(s -> s.line() + ": " + s.problem())
                .containsExactly("2: time : \"-5\" (a negative time)", "3: machine : \"\" (expected: a machine name)",
                        "4: role : \"router\" (expected: cloud, edge, server or client)",
                        "5: memory_mib : \"12MB\" (not a number)");

        Path inference = tmp.resolve("edge_inf.csv");
        Files.writeString(inference, "end_time,accuracy\n1,87\n2,0.5,extra\n3\n");
        assertThat(InferenceRow.SCHEMA.read(inference).skipped()).extracting(s -> s.line() + ": " + s.problem())
                .containsExactly("2: accuracy : \"87\" (expected: a share between 0 and 1)",
                        "4: 1 fields (expected: 2, as in the header)");
    }

    @Test
    void aFileFromAnEarlierRunReadsByHeaderNameWithAbsentColumnsBlank() throws Exception {
        // an older column set: no avg_wait_time or avg_queue_len, columns in another order, names in upper case,
        // a column this project no longer writes, and a byte order mark
        Path file = tmp.resolve("edge_inf.csv");
        Files.writeString(file, "\uFEFFMODEL_VERSION, accuracy,frames,gpu_util,avg_inf_time,END_TIME\n"
                + "3,0.8,10,x,40.25,1764000002000\n");
        CsvRows<InferenceRow> read = InferenceRow.SCHEMA.read(file);
        assertThat(read.rows()).containsExactly(new InferenceRow(1764000002000.0, 40.25, NAN, NAN, 10, 0.8, "3"));
        assertThat(read.absentColumns()).containsExactly("avg_wait_time", "avg_queue_len");
        assertThat(read.skipped()).isEmpty();

        Path cloud = tmp.resolve("cloud.csv");
        Files.writeString(cloud, "received,updated,images,epochs,loss_first,loss_last,model_version\n"
                + "1000,26000,50,5,4.8,1.9,2\n");
        assertThat(RetrainRow.SCHEMA.readAll(cloud)).containsExactly(
                new RetrainRow(1000, 26_000, NAN, NAN, NAN, 50, NAN, 5, 4.8, 1.9, "", "2"));
    }

    @Test
    void filesAsThisProjectWroteThemBeforeCommonsCsvRead() throws Exception {
        // the hand-written writers: NaN as "NaN", whole numbers without decimals, unquoted text
        Path cloud = tmp.resolve("cloud.csv");
        Files.writeString(cloud, "received,updated,saved,encoded,sent,images,edges,epochs,loss_first,loss_last,device,"
                + "model_version\n1000,26000,26400,26600,26700,50,2,5,NaN,NaN,cpu(),1\n");
        assertThat(RetrainRow.SCHEMA.readAll(cloud)).containsExactly(
                new RetrainRow(1000, 26_000, 26_400, 26_600, 26_700, 50, 2, 5, NAN, NAN, "cpu()", "1"));

        Path links = tmp.resolve("links.csv");
        Files.writeString(links, "from,to,configured_mbps,measured_mbps,configured_rtt_ms,measured_rtt_ms\n"
                + "cloud,edge1,100,96.4,10,10.8\n");
        assertThat(LinkRow.SCHEMA.readAll(links)).containsExactly(new LinkRow("cloud", "edge1", 100, 96.4, 10, 10.8));

        Path consumption = tmp.resolve("consumption.csv");
        Files.writeString(consumption, "time,machine,role,cpu_cores,memory_mib\n1700000000000,edge-near,CLIENT,0.250,300\n");
        assertThat(ConsumptionRow.SCHEMA.readAll(consumption)).containsExactly(
                new ConsumptionRow(1_700_000_000_000L, "edge-near", "client", 0.25, 300));
    }

    @Test
    void aFileWithoutARequiredColumnOrEmptyIsNotUsed() throws Exception {
        Path file = tmp.resolve("edge_inf.csv");
        Files.writeString(file, "avg_inf_time,accuracy\n40.1,0.9\n");
        assertThatThrownBy(() -> InferenceRow.SCHEMA.read(file)).isInstanceOf(CsvHeaderException.class)
                .hasMessage(file + ":1: header lacks column(s) [end_time], file not used");

        Files.writeString(file, "");
        assertThatThrownBy(() -> InferenceRow.SCHEMA.read(file)).isInstanceOf(CsvHeaderException.class)
                .hasMessage(file + ": empty file (no header row)");
    }

    @Test
    void aLastLineWithoutItsLineEndIsLeftOutAsUnfinished() throws Exception {
        Path file = tmp.resolve("edge_inf.csv");
        Files.writeString(file, "end_time,frames,accuracy\n\n1000,10,0.9\n2000,1");
        CsvRows<InferenceRow> read = InferenceRow.SCHEMA.read(file);
        assertThat(read.rows()).extracting(InferenceRow::endTime).containsExactly(1000.0);
        assertThat(read.skipped()).containsExactly(
                new io.acai.records.csv.SkippedLine(4, "no line end (run cut short?)", true, true));
        assertThatThrownBy(() -> InferenceRow.SCHEMA.readAll(file)).hasMessage(file + ":4: no line end (run cut short?)");
    }

    @Test
    void everyRunFileHasItsOwnNameAndColumnNamesAppearOnce() {
        assertThat(RunFiles.ALL).extracting(CsvSchema::fileName).containsExactly("edge_inf.csv", "edge_update.csv",
                "cloud.csv", "holdout.csv", "consumption.csv", "links.csv");
        assertThat(RunFiles.CLOUD).extracting(CsvSchema::fileName).containsExactly("cloud.csv", "holdout.csv");
        assertThat(RunFiles.ALL).allSatisfy(s -> assertThat(s.header()).doesNotHaveDuplicates());
    }

    @SafeVarargs
    private <R> Path write(CsvSchema<R> schema, R... rows) throws Exception {
        Path file = schema.in(tmp.resolve("machine"));
        try (CsvRowWriter<R> out = schema.create(file)) {
            for (R row : rows) {
                out.write(row);
            }
        }
        return file;
    }
}
