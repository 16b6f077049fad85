package io.acai.launcher.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MachineLogTailTest {

    @Test
    void prefersTheConsoleLogAndKeepsTheLastLines(@TempDir Path dir) throws Exception {
        assertThat(MachineLogTail.read(dir, 3)).isEmpty();
        Files.writeString(dir.resolve("edge_inf.log"), "app log\n");
        assertThat(MachineLogTail.read(dir, 3)).hasValueSatisfying(t -> assertThat(t.lines()).containsExactly("app log"));

        Files.writeString(dir.resolve("stdout.log"), "one\ntwo\nthree\nException in thread \"main\" boom\n");
        MachineLogTail.Tail tail = MachineLogTail.read(dir, 3).orElseThrow();
        assertThat(tail.file()).isEqualTo(dir.resolve("stdout.log"));
        assertThat(tail.lines()).containsExactly("two", "three", "Exception in thread \"main\" boom");
    }

    @Test
    void leavesStackFramesOut(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("stdout.log"), """
                Exception in thread "main" java.io.UncheckedIOException: no weights
                	at io.acai.model.DefaultModel.extractTo(DefaultModel.java:34)
                	at picocli.CommandLine.execute(CommandLine.java:2174)
                Caused by: java.io.IOException: no weights
                	... 13 more
                """);
        assertThat(MachineLogTail.read(dir, 5).orElseThrow().lines()).containsExactly(
                "Exception in thread \"main\" java.io.UncheckedIOException: no weights",
                "Caused by: java.io.IOException: no weights");
    }

    @Test
    void readsOnlyTheEndOfALongLog(@TempDir Path dir) throws Exception {
        String log = IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("container.log"), log);
        assertThat(MachineLogTail.read(dir, 2).orElseThrow().lines()).containsExactly("line 19998", "line 19999");
    }
}
