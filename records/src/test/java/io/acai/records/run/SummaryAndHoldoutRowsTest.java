package io.acai.records.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.CsvValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv (the launcher's metrics) and holdout.csv (the cloud's held-out scores): written, read back, refused. */
class SummaryAndHoldoutRowsTest {

    @TempDir
    Path tmp;

    @Test
    void summaryRowsWriteABlankValueWithItsNoteAndReadBack() throws Exception {
        SummaryRow measured = new SummaryRow("edge-near", "accuracy_dip", 17.25, "%", "");
        SummaryRow missing = new SummaryRow("edge-near", "time_to_recover", Double.NaN, "s", "not recovered");
        SummaryRow quoted = new SummaryRow("edge-near", "gain_over_control_last_30s", Double.NaN, "points",
                "not measured: control a,b has no value");
        Path file = write(SummaryRow.SCHEMA, List.of(measured, missing, quoted));

        assertThat(Files.readString(file)).isEqualTo("machine,metric,value,unit,note\n"
                + "edge-near,accuracy_dip,17.250,%,\n"
                + "edge-near,time_to_recover,,s,not recovered\n"
                + "edge-near,gain_over_control_last_30s,,points,\"not measured: control a,b has no value\"\n");
        assertThat(SummaryRow.SCHEMA.readAll(file)).containsExactly(measured, missing, quoted);
        assertThat(SummaryRow.SCHEMA.readAll(file)).extracting(SummaryRow::measured).containsExactly(true, false, false);
        assertThat(RunFiles.SUMMARY).containsExactly(SummaryRow.SCHEMA);
        assertThat(RunFiles.ALL).doesNotContain(SummaryRow.SCHEMA);
    }

    @Test
    void aSummaryRowWithoutMachineIsRefusedNamingTheLineAndColumn() throws Exception {
        Path file = tmp.resolve("summary.csv");
        Files.writeString(file, "machine,metric,value,unit,note\n,cpu_seconds,1,CPU-s,\n");

        assertThatThrownBy(() -> SummaryRow.SCHEMA.readAll(file)).isInstanceOf(CsvValueException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("machine");
    }

    @Test
    void holdoutRowsReadTheirStyleAndAnAbsentMap50() throws Exception {
        HoldoutRow v0 = new HoldoutRow(1_764_000_000_000L, "0", HoldoutRow.PRE_DRIFT, 60, 0.6167, 0.4123);
        HoldoutRow v1 = new HoldoutRow(1_764_000_030_000L, "1", HoldoutRow.DRIFT, 60, 0.25, Double.NaN);
        Path file = write(HoldoutRow.SCHEMA, List.of(v0, v1));

        assertThat(Files.readString(file)).isEqualTo("time,model_version,style,frames,accuracy,map50\n"
                + "1764000000000,0,pre_drift,60,0.6167,0.4123\n1764000030000,1,drift,60,0.2500,\n");
        assertThat(HoldoutRow.SCHEMA.readAll(file)).containsExactly(v0, v1);

        Path older = tmp.resolve("older/holdout.csv");
        Files.createDirectories(older.getParent());
        Files.writeString(older, "time,model_version,style,accuracy\n1764000000000,0,PRE_DRIFT,0.5\n");
        assertThat(HoldoutRow.SCHEMA.read(older).rows()).singleElement()
                .satisfies(r -> assertThat(r.style()).isEqualTo("pre_drift"))
                .satisfies(r -> assertThat(r.map50()).isNaN());

        Files.writeString(older, "time,model_version,style,accuracy\n1764000000000,0,night,0.5\n");
        assertThatThrownBy(() -> HoldoutRow.SCHEMA.readAll(older)).isInstanceOf(CsvValueException.class)
                .hasMessageContaining("style").hasMessageContaining("pre_drift or drift");
    }

    private <R> Path write(CsvSchema<R> schema, List<R> rows) throws Exception {
        Path file = schema.in(tmp);
        schema.writeAll(file, rows);
        return file;
    }
}
