package io.acai.cloud.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability figure of {@code docs/reliability.md}: five {@code kill -9} of a real cloud during a 3-minute run with
 * three real edges, each kill right after an acknowledged upload; acknowledged images lost (acknowledged = trained,
 * counted from the edges' update logs and the cloud's {@code spool/batches.csv}). Run by the {@code benchmarks}
 * profile, not by {@code mvn verify}:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=CloudKillBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class CloudKillBenchmark {

    @TempDir
    Path tmp;

    @Test
    void fiveKillsInThreeMinutes() throws Exception {
        KilledCloudRun.Result result = new KilledCloudRun(tmp, 3).run(5, Duration.ofMinutes(3));
        System.out.println("CloudKillBenchmark: " + result.summary());
        assertThat(result.killExitCodes()).hasSize(5).containsOnly(137);
        assertThat(result.lost()).as(result.summary()).isEmpty();
    }
}
