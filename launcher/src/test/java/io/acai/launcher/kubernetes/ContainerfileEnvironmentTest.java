package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.SharedData;
import io.acai.options.AllocatorEnvironment;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code images/Containerfile} sets glibc's allocator variables to {@link AllocatorEnvironment}'s values,
 * before the entrypoint, and its entrypoint is {@link ProjectImages#ENTRYPOINT}, the command the start gate wraps;
 * read as text (its {@code ENV} instructions, continuation lines joined), no image built.
 */
class ContainerfileEnvironmentTest {

    @Test
    void theImagesEnvHoldsTheAllocatorDefaults() throws Exception {
        List<String> instructions = List.of(Files.readString(SharedData.projectRoot().resolve("images/Containerfile"))
                .replaceAll("\\\\\\r?\\n", " ").split("\\r?\\n"));
        Map<String, String> env = new LinkedHashMap<>();
        int lastEnv = -1;
        int entrypoint = -1;
        for (int i = 0; i < instructions.size(); i++) {
            String line = instructions.get(i).strip();
            if (line.startsWith("ENV ")) {
                lastEnv = i;
                for (String pair : line.substring(4).strip().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    assertThat(eq).as("ENV pair %s (expected NAME=value)", pair).isPositive();
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            } else if (line.startsWith("ENTRYPOINT ")) {
                entrypoint = i;
            }
        }
        assertThat(env).containsAllEntriesOf(AllocatorEnvironment.DEFAULTS);
        assertThat(lastEnv).as("ENV before ENTRYPOINT").isBetween(0, entrypoint);
    }

    @Test
    void theStartGateWrapsTheImagesEntrypoint() throws Exception {
        String entrypoint = Files.readAllLines(SharedData.projectRoot().resolve("images/Containerfile")).stream()
                .filter(line -> line.startsWith("ENTRYPOINT ")).reduce((first, last) -> last).orElseThrow();
        List<String> exec = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                entrypoint.substring("ENTRYPOINT ".length()), new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
        assertThat(exec).isEqualTo(ProjectImages.ENTRYPOINT);
    }
}
