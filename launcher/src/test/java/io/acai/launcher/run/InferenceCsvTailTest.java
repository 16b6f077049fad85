package io.acai.launcher.run;

import io.acai.records.run.InferenceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceCsvTailTest {

    private static final String HEADER = String.join(",", InferenceRow.SCHEMA.header()) + "\n";

    /** A line of edge_inf.csv as the edge app writes it. */
    private static String line(long endTime, double accuracy, int version) {
        return String.join(",", InferenceRow.SCHEMA.cells(new InferenceRow(endTime, 30, 1, 0.2, 10, accuracy,
                Integer.toString(version)))) + "\n";
    }

    @Test
    void addsUpFramesAndKeepsTheLatestAccuracyAndVersion(@TempDir Path dir) throws Exception {
        InferenceCsvTail tail = new InferenceCsvTail(dir);
        assertThat(tail.poll()).isEqualTo(EdgeProgress.NONE);
        assertThat(tail.poll().started()).isFalse();

        Path csv = dir.resolve("edge_inf.csv");
        Files.writeString(csv, HEADER + line(1000, 0.9, 0) + line(1500, 0.8, 0));
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(20, 0.8, "0"));

        String cut = line(2500, 0.7, 2);
        Files.writeString(csv, line(2000, 0.5, 1) + cut.substring(0, 12), StandardOpenOption.APPEND);
        assertThat(tail.poll()).as("the cut last line waits").isEqualTo(new EdgeProgress(30, 0.5, "1"));

        Files.writeString(csv, cut.substring(12), StandardOpenOption.APPEND);
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(40, 0.7, "2"));
    }

    @Test
    void findsColumnsByNameAndSkipsLinesThatDoNotParse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("edge_inf.csv"),
                "model_version,accuracy,frames,end_time\n3,0.25,10,1\ngarbage,x,y,2\n4,0.5,7,3\n");
        assertThat(new InferenceCsvTail(dir).poll()).isEqualTo(new EdgeProgress(17, 0.5, "4"));
    }

    @Test
    void startsOverWhenTheFileIsReplaced(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("edge_inf.csv");
        InferenceCsvTail tail = new InferenceCsvTail(dir);
        Files.writeString(csv, HEADER + line(1000, 0.9, 0) + line(1500, 0.8, 0));
        tail.poll();
        Files.writeString(csv, HEADER + line(1, 0.1, 0));
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(10, 0.1, "0"));
    }
}
