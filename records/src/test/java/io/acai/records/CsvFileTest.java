package io.acai.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path tmp;

    @Test
    void writesHeaderThenFlushedRowsAndReplacesAnEarlierFile() throws Exception {
        Path file = tmp.resolve("out/run.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old,content\n1,2\n");
        try (CsvFile csv = CsvFile.create(file, List.of("time", "images", "map"))) {
            csv.row(12, 50, 0.25);
            // flushed without closing
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                    .containsExactly("time,images,map", "12,50,0.25");
        }
    }

    @Test
    void rowOfTheWrongWidthNamesTheFileAndTheHeader() throws Exception {
        Path file = tmp.resolve("edge.csv");
        try (CsvFile csv = CsvFile.create(file, List.of("a", "b"))) {
            assertThatThrownBy(() -> csv.row(1, 2, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("edge.csv")
                    .hasMessageContaining("row of 3 values (expected: 2, [a, b])");
        }
        assertThat(Files.readAllLines(file)).containsExactly("a,b");
    }

    @Test
    void aValueWithACommaQuoteOrLineBreakIsQuotedAsCsvRequires() throws Exception {
        Path file = tmp.resolve("cloud.csv");
        try (CsvFile csv = CsvFile.create(file, List.of("images", "device"))) {
            csv.row(3, "cpu(),gpu(0)");
            csv.row(4, "say \"hi\"");
            csv.row(5, "two\nlines");
            csv.row(6, "cpu()");
        }
        assertThat(Files.readString(file)).isEqualTo(
                "images,device\n3,\"cpu(),gpu(0)\"\n4,\"say \"\"hi\"\"\"\n5,\"two\nlines\"\n6,cpu()\n");
    }

    @Test
    void aBlankFirstValueStaysBlankAndIsNotQuoted() throws Exception {
        Path file = tmp.resolve("edge_update.csv");
        try (CsvFile csv = CsvFile.create(file, List.of("update_start", "receive", "device"))) {
            csv.row("", 12, "");
        }
        assertThat(Files.readAllLines(file)).containsExactly("update_start,receive,device", ",12,");
    }

    @Test
    void appendWritesTheHeaderOnlyIntoANewOrEmptyFile() throws Exception {
        Path file = tmp.resolve("consumption.csv");
        try (CsvFile csv = CsvFile.append(file, List.of("time", "machine"))) {
            csv.row(1, "cloud");
        }
        try (CsvFile csv = CsvFile.append(file, List.of("time", "machine"))) {
            csv.row(2, "edge");
        }
        Path empty = Files.createFile(tmp.resolve("empty.csv"));
        try (CsvFile csv = CsvFile.append(empty, List.of("time", "machine"))) {
            csv.row(3, "e");
        }
        assertThat(Files.readAllLines(file)).containsExactly("time,machine", "1,cloud", "2,edge");
        assertThat(Files.readAllLines(empty)).containsExactly("time,machine", "3,e");
    }
}
