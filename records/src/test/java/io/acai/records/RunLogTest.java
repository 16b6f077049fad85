package io.acai.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {

    @TempDir
    Path tmp;

    @Test
    void linesCarryUtcTimeAndLevelAndAreAppendedAcrossOpens() throws Exception {
        Path file = tmp.resolve("logs/cloud.log");
        try (RunLog log = RunLog.open(file)) {
            log.info("listening on 5000");
            log.warn("edge e1 lost");
            // flushed without closing
            assertThat(Files.readAllLines(file)).hasSize(2);
        }
        try (RunLog log = RunLog.open(file)) {
            log.metric("retrain", "seconds=12.3 images=50");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith(" INFO listening on 5000");
        assertThat(lines.get(1)).endsWith(" WARN edge e1 lost");
        assertThat(lines.get(2)).endsWith(" METRIC retrain seconds=12.3 images=50");
        for (String line : lines) {
            Instant time = Instant.parse(line.substring(0, line.indexOf(' ')));
            assertThat(time).isBeforeOrEqualTo(Instant.now());
        }
    }
}
