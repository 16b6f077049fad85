package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.launcher.plan.LinkPlan;
import io.acai.records.run.LinkRow;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which probes share a batch, and {@link LinkMeasurement#measureInBatches} against a real probe server. */
class ProbeBatchesTest {

    private static ProbePair pair(String edge, long upBits, long downBits) {
        return new ProbePair(edge, "cloud", new LinkPlan(edge, "cloud", upBits, Duration.ZERO, Duration.ZERO, 0),
                new LinkPlan("cloud", edge, downBits, Duration.ZERO, Duration.ZERO, 0));
    }

    @Test
    void rateLimitedPairsShareBatchesUpToTheCountAndTheTotalRate() {
        List<ProbePair> pairs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pairs.add(pair("e" + i, 10_000_000, 10_000_000));
        }
        assertThat(new ProbeBatches(2, Long.MAX_VALUE).split(pairs)).extracting(List::size).containsExactly(2, 2, 1);
        // 20 Mbit/s a pair: three fit under 60
        assertThat(new ProbeBatches(8, 60_000_000).split(pairs)).extracting(List::size).containsExactly(3, 2);
        assertThat(ProbeBatches.ONE_AT_A_TIME.split(pairs)).hasSize(5);
        assertThat(ProbeBatches.DEFAULT.split(pairs)).singleElement().isEqualTo(pairs);
    }

    @Test
    void aPairWithAnUnlimitedDirectionIsMeasuredAlone() {
        ProbePair a = pair("a", 10_000_000, 10_000_000);
        ProbePair unlimited = pair("u", 10_000_000, 0);
        ProbePair b = pair("b", 10_000_000, 10_000_000);
        ProbePair upOnly = new ProbePair("c", "cloud", new LinkPlan("c", "cloud", 5_000_000, Duration.ZERO,
                Duration.ZERO, 0), null);
        assertThat(ProbeBatches.DEFAULT.split(List.of(a, unlimited, b, upOnly)))
                .containsExactly(List.of(unlimited), List.of(a, b, upOnly));
        assertThat(ProbeBatches.bitsPerSecond(upOnly)).isEqualTo(5_000_000);
        assertThat(ProbeBatches.bitsPerSecond(unlimited)).isEqualTo(-1);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new ProbeBatches(0, 1)).hasMessage("maxPairs : 0 (expected: >= 1)");
        assertThatThrownBy(() -> new ProbeBatches(1, 0)).hasMessage("maxTotalBitsPerSecond : 0 (expected: >= 1)");
    }

    @Test
    void pairsOfABatchAreMeasuredAtTheSameTimeAndRowsKeepTheirOrder() throws Exception {
        ServerSocket server = LinkProbe.serveInBackground(new InetSocketAddress("127.0.0.1", 0));
        try (server) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.getLocalPort());
            List<ProbePair> pairs = List.of(pair("e0", 8_000_000, 8_000_000), pair("e1", 8_000_000, 8_000_000),
                    pair("e2", 8_000_000, 8_000_000));
            Map<String, long[]> spans = new ConcurrentHashMap<>();
            CountDownLatch firstBatch = new CountDownLatch(2);
            List<LinkRow> rows = LinkMeasurement.measureInBatches(pairs, p -> {
                if (!p.client().equals("e2")) {
                    // e0 and e1 each wait here for the other: only together do they get past
                    firstBatch.countDown();
                    try {
                        if (!firstBatch.await(30, TimeUnit.SECONDS)) {
                            throw new IOException(p.client() + " measured without the other pair of its batch");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                long start = System.nanoTime();
                LinkProbe.Measurement m = LinkProbe.measure(address, 4 << 20, 4 << 20, 3);
                spans.put(p.client(), new long[] {start, System.nanoTime()});
                return m;
            }, new ProbeBatches(2, Long.MAX_VALUE));

            assertThat(rows).extracting(LinkRow::from).containsExactly("e0", "cloud", "e1", "cloud", "e2", "cloud");
            assertThat(rows).extracting(LinkRow::to).containsExactly("cloud", "e0", "cloud", "e1", "cloud", "e2");
            assertThat(rows).allSatisfy(r -> assertThat(r.measuredMbps()).isPositive());
            // e2, in the second batch, starts after both of the first ended
            assertThat(spans.get("e2")[0]).isGreaterThanOrEqualTo(Math.max(spans.get("e0")[1], spans.get("e1")[1]));
        }
    }

    @Test
    void aFailedProbeFailsTheMeasurementWithItsMessage() {
        List<ProbePair> pairs = List.of(pair("e0", 8_000_000, 8_000_000), pair("e1", 8_000_000, 8_000_000));
        assertThatThrownBy(() -> LinkMeasurement.measureInBatches(pairs, p -> {
            if (p.client().equals("e1")) {
                throw new IOException("link probe e1 -> cloud failed (exit 1)");
            }
            return new LinkProbe.Measurement(8, 8, 1);
        }, ProbeBatches.DEFAULT)).isInstanceOf(IOException.class).hasMessage("link probe e1 -> cloud failed (exit 1)");
    }
}
