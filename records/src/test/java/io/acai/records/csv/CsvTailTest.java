package io.acai.records.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.run.InferenceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTailTest {

    private static final String HEADER = "end_time,avg_inf_time,avg_wait_time,avg_queue_len,frames,accuracy,model_version\n";

    @Test
    void readsOnlyCompleteRowsAddedSinceTheLastPoll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("edge_inf.csv");
        CsvTail<InferenceRow> tail = InferenceRow.SCHEMA.tail(file);
        assertThat(tail.poll().rows()).as("no file yet").isEmpty();

        Files.writeString(file, HEADER + "1000,31.5,2.0,0.4,10,0.9,0\n1500,30.0,1.0,0.2,10,0.8,0\n");
        assertThat(tail.poll().rows()).extracting(InferenceRow::accuracy).containsExactly(0.9, 0.8);
        assertThat(tail.poll().rows()).isEmpty();

        Files.writeString(file, "2000,30.0,1.0,0.2,10,0.5,1\n2500,30.0,1.0,0.2,1", StandardOpenOption.APPEND);
        assertThat(tail.poll().rows()).as("the cut last line waits").extracting(InferenceRow::accuracy)
                .containsExactly(0.5);

        Files.writeString(file, "0,0.7,\"2,b\"\nbad,x,y,z,1,1,1\n", StandardOpenOption.APPEND);
        CsvTail.Batch<InferenceRow> batch = tail.poll();
        assertThat(batch.restarted()).isFalse();
        assertThat(batch.rows()).as("a line that does not parse is skipped")
                .containsExactly(new InferenceRow(2500, 30, 1, 0.2, 10, 0.7, "2,b"));
    }

    @Test
    void startsOverWhenTheFileIsReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("edge_inf.csv");
        CsvTail<InferenceRow> tail = InferenceRow.SCHEMA.tail(file);
        Files.writeString(file, HEADER + "1000,31.5,2.0,0.4,10,0.9,0\n1500,30.0,1.0,0.2,10,0.8,0\n");
        tail.poll();
        Files.writeString(file, "frames,end_time,accuracy\n10,1,0.1\n");
        CsvTail.Batch<InferenceRow> batch = tail.poll();
        assertThat(batch.restarted()).isTrue();
        assertThat(batch.rows()).extracting(InferenceRow::accuracy).containsExactly(0.1);
    }
}
