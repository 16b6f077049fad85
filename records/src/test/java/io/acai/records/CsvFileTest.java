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
    void aValueThatWouldNeedQuotingIsRefusedNamingItsColumn() throws Exception {
        Path file = tmp.resolve("cloud.csv");
        try (CsvFile csv = CsvFile.create(file, List.of("images", "device"))) {
            for (String bad : List.of("cpu(),gpu(0)", "say \"hi\"", "two\nlines", "cr\r")) {
                assertThatThrownBy(() -> csv.row(3, bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cloud.csv: column device: '")
                        .hasMessageContaining("(expected: no comma, double quote or line break)");
            }
            csv.row(3, "cpu()");
        }
        assertThat(Files.readAllLines(file)).containsExactly("images,device", "3,cpu()");
    }
}
