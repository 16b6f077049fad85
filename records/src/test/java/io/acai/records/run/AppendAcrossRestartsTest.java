package io.acai.records.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.records.RunFileWriteException;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvHeaderException;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.csv.CsvRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted app appends to its run files: one header, no mixed formats, a killed writer's last line ended. */
class AppendAcrossRestartsTest {

    @TempDir
    Path tmp;

    private static RetrainRow row(int version) {
        return new RetrainRow(1000 * version, 26_000, 26_400, 26_600, 26_700, 50, 2, 5, 4.8312, 1.9021, "cpu()",
                Integer.toString(version));
    }

    @Test
    void aRestartedWriterCarriesOnTheFileUnderOneHeader() throws Exception {
        Path file = tmp.resolve("cloud/cloud.csv");
        try (CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.append(file)) {
            csv.write(row(1));
        }
        try (CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.append(file)) {
            csv.write(row(2));
        }
        assertThat(Files.readAllLines(file)).hasSize(3).first().asString().startsWith("received,updated,");
        assertThat(RetrainRow.SCHEMA.readAll(file)).containsExactly(row(1), row(2));
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNamingBothHeaders() throws Exception {
        Path file = tmp.resolve("cloud.csv");
        Files.writeString(file, "end_time,avg_inf_time\n1,2\n");
        assertThatThrownBy(() -> RetrainRow.SCHEMA.append(file))
                .isInstanceOf(CsvHeaderException.class)
                .hasMessage(file + ":1: header [end_time, avg_inf_time] is not cloud.csv's "
                        + RetrainRow.SCHEMA.header() + ", so rows cannot be appended to it; move the file aside or"
                        + " write elsewhere");
        assertThat(Files.readString(file)).isEqualTo("end_time,avg_inf_time\n1,2\n");
    }

    @Test
    void aLineAKilledWriterLeftUnfinishedIsEndedBeforeTheNextRow() throws Exception {
        Path file = tmp.resolve("cloud.csv");
        try (CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.append(file)) {
            csv.write(row(1));
        }
        Files.writeString(file, "3000,26000,264", StandardOpenOption.APPEND);
        try (CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.append(file)) {
            csv.write(row(2));
        }
        CsvRows<RetrainRow> rows = RetrainRow.SCHEMA.read(file);
        assertThat(rows.rows()).containsExactly(row(1), row(2));
        assertThat(rows.skipped()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(3));

        Path log = tmp.resolve("cloud.log");
        Files.writeString(log, "2026-12-07T01:00:00Z INFO model v3 sav");
        try (RunLog runLog = RunLog.open(log)) {
            runLog.info("listening on 5000");
        }
        assertThat(Files.readAllLines(log)).hasSize(2).last().asString().endsWith(" INFO listening on 5000");
    }

    @Test
    void aFailedWriteNamesTheFileAndIsToldToTheListenerFirst() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        List<RunFileWriteException> told = new ArrayList<>();
        try (RunLog log = RunLog.open(full, told::add)) {
            assertThatThrownBy(() -> log.info("model v1 saved"))
                    .isInstanceOf(RunFileWriteException.class)
                    .hasMessageStartingWith("/dev/full: write failed: java.io.IOException: No space left on device");
        }
        assertThat(told).singleElement().satisfies(e -> assertThat(e.file()).isEqualTo(full));
        assertThatThrownBy(() -> RetrainRow.SCHEMA.append(full, told::add))
                .isInstanceOf(RunFileWriteException.class);
        assertThat(told).hasSize(2);
    }
}
