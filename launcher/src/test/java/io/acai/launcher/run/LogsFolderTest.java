package io.acai.launcher.run;

import io.acai.records.run.ConsumptionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogsFolderTest {

    @Test
    void createsAMissingFolderAndKeepsAnEmptyOne(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        assertThat(LogsFolder.prepare(logs)).isNull();
        assertThat(logs).isEmptyDirectory();
        assertThat(LogsFolder.prepare(logs)).isNull();
    }

    @Test
    void movesAnEarlierRunAside(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs.resolve("cloud"));
        ConsumptionRow.SCHEMA.create(ConsumptionRow.SCHEMA.in(logs)).close();

        Path moved = LogsFolder.prepare(logs);

        assertThat(moved.getFileName().toString()).startsWith("logs-");
        assertThat(moved.resolve("consumption.csv")).exists();
        assertThat(moved.resolve("cloud")).isDirectory();
        assertThat(logs).isEmptyDirectory();
    }

    @Test
    void refusesAFile(@TempDir Path dir) throws Exception {
        Path logs = Files.writeString(dir.resolve("logs"), "x");
        assertThatThrownBy(() -> LogsFolder.prepare(logs)).isInstanceOf(IOException.class).hasMessageContaining("not a folder");
    }
}
