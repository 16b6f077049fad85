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
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(20, 0.8, "0", 30, 1, 10, 1000, 1500));

        String cut = line(2500, 0.7, 2);
        Files.writeString(csv, line(2000, 0.5, 1) + cut.substring(0, 12), StandardOpenOption.APPEND);
        assertThat(tail.poll()).as("the cut last line waits").isEqualTo(new EdgeProgress(30, 0.5, "1", 30, 1, 20, 1000, 2000));

        Files.writeString(csv, cut.substring(12), StandardOpenOption.APPEND);
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(40, 0.7, "2", 30, 1, 30, 1000, 2500));
        assertThat(tail.poll().requestedAfterFirst(20)).as("20 requests per second for 1.5 s").isEqualTo(30);
        assertThat(tail.poll().servedShare(20)).isEqualTo(1);
        assertThat(tail.poll().servedShare(40)).isEqualTo(0.5);
        assertThat(tail.poll().servedShare(Double.NaN)).isNaN();
    }

    @Test
    void findsColumnsByNameAndSkipsLinesThatDoNotParse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("edge_inf.csv"),
                "model_version,accuracy,frames,end_time\n3,0.25,10,1\ngarbage,x,y,2\n4,0.5,7,3\n");
        assertThat(new InferenceCsvTail(dir).poll()).extracting(EdgeProgress::frames, EdgeProgress::accuracy,
                EdgeProgress::modelVersion, EdgeProgress::framesAfterFirst).containsExactly(17L, 0.5, "4", 7L);
    }

    @Test
    void startsOverWhenTheFileIsReplaced(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("edge_inf.csv");
        InferenceCsvTail tail = new InferenceCsvTail(dir);
        Files.writeString(csv, HEADER + line(1000, 0.9, 0) + line(1500, 0.8, 0));
        tail.poll();
        Files.writeString(csv, HEADER + line(1, 0.1, 0));
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(10, 0.1, "0", 30, 1, 0, 1, 1));
        assertThat(tail.poll().servedShare(10)).as("one window: nothing to measure yet").isNaN();
    }
}
