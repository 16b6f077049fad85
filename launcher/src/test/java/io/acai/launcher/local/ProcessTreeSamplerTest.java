package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** CPU per process tree: a spinning shell shows up to one core, a sleeping one none. */
class ProcessTreeSamplerTest {

    @Test
    void aBusyTreeShowsCpuAndAnIdleOneNone() throws Exception {
        assumeThat(System.getProperty("os.name")).as("sh and sleep").startsWith("Linux");
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        Process idle = new ProcessBuilder("sleep", "60").start();
        try {
            List<Long> roots = List.of(busy.pid(), idle.pid());
            ProcessTreeSampler sampler = new ProcessTreeSampler();
            sampler.sample(roots); // from their start; each later sample covers the time since the one before
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        Map<Long, ProcessTreeSampler.TreeUsage> usage = sampler.sample(roots);
                        assertThat(usage.get(busy.pid()).cpuCores()).as("one spinning shell").isBetween(0.05, 1.2);
                        assertThat(usage.get(idle.pid()).cpuCores()).as("a sleeping process").isZero();
                    });
        } finally {
            busy.destroyForcibly().waitFor();
            idle.destroyForcibly().waitFor();
        }
    }
}
