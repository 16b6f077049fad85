package io.acai.cloud.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.run.SpoolRow;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code kill -9} of a real cloud in 40 s, each right after it acknowledged an upload, with two real edges
 * uploading: no acknowledged image is lost, every one is trained on (counted from the edges' logs and the cloud's
 * spool). A cloud that held uploads in memory lost the batch of each kill. A round whose retrain fails or whose weights
 * the store refuses is dropped by design (the model stays) and reported apart with the cloud's reason; a round of
 * images that could not be decoded (a damaged spool file) fails the test. The 5-kill, 3-minute figure is
 * {@link CloudKillBenchmark}'s.
 */
class CloudKillTest {

    /** Kept when the test fails: its logs and spool say which batch went where. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void killingTheCloudTwiceLosesNoAcknowledgedImage() throws Exception {
        KilledCloudRun.Result result = new KilledCloudRun(tmp, 2).run(2, Duration.ofSeconds(40));
        System.out.println("CloudKillTest: " + result.summary());
        assertThat(result.killExitCodes()).as("SIGKILL: 128 + 9").containsExactly(137, 137);
        assertThat(result.restoredBatches()).as("a kill came between an acknowledgement and its retrain, so a restarted"
                + " cloud found the batch in its spool").isGreaterThanOrEqualTo(1);
        assertThat(result.ackedBatches()).isGreaterThanOrEqualTo(3);
        assertThat(result.lost()).as(result.summary()).isEmpty();
        assertThat(result.lostImages()).isZero();
        // a round whose retrain fails is dropped by design (the model stays); it is told apart, never counted as trained
        assertThat(result.trainedImages() + result.refusedImages()).isEqualTo(result.ackedImages());
        assertThat(result.refused()).as(result.summary()).noneMatch(r -> r.contains("(" + SpoolRow.UNUSABLE + " "));
        assertThat(result.leftInSpool()).isZero();
    }
}
