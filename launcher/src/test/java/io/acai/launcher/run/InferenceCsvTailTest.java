package io.acai.launcher.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceCsvTailTest {

    private static final String HEADER = "end_time,avg_inf_time,avg_wait_time,avg_queue_len,frames,accuracy,model_version\n";

    @Test
    void addsUpFramesAndKeepsTheLatestAccuracyAndVersion(@TempDir Path dir) throws Exception {
        InferenceCsvTail tail = new InferenceCsvTail(dir);
        assertThat(tail.poll()).isEqualTo(EdgeProgress.NONE);
        assertThat(tail.poll().started()).isFalse();

        Path csv = dir.resolve("edge_inf.csv");
        Files.writeString(csv, HEADER + "1000,31.5,2.0,0.4,10,0.9,0\n1500,30.0,1.0,0.2,10,0.8,0\n");
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(20, 0.8, "0"));

        Files.writeString(csv, "2000,30.0,1.0,0.2,10,0.5,1\n2500,30.0,1.0,0.2,1", StandardOpenOption.APPEND);
        assertThat(tail.poll()).as("the cut last line waits").isEqualTo(new EdgeProgress(30, 0.5, "1"));

        Files.writeString(csv, "0,0.7,2\n", StandardOpenOption.APPEND);
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(40, 0.7, "2"));
    }

    @Test
    void findsColumnsByNameAndSkipsLinesThatDoNotParse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("edge_inf.csv"), "model_version,accuracy,frames\n3,0.25,10\ngarbage,x,y\n4,0.5,7\n");
        assertThat(new InferenceCsvTail(dir).poll()).isEqualTo(new EdgeProgress(17, 0.5, "4"));
    }

    @Test
    void startsOverWhenTheFileIsReplaced(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("edge_inf.csv");
        InferenceCsvTail tail = new InferenceCsvTail(dir);
        Files.writeString(csv, HEADER + "1000,31.5,2.0,0.4,10,0.9,0\n1500,30.0,1.0,0.2,10,0.8,0\n");
        tail.poll();
        Files.writeString(csv, HEADER + "1,1,1,1,10,0.1,0\n");
        assertThat(tail.poll()).isEqualTo(new EdgeProgress(10, 0.1, "0"));
    }
}
