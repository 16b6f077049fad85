package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.launcher.plan.LinkPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkSampleTest {

    private static ProbePair pair(String edge, long upBits, long downBits) {
        return new ProbePair(edge, "cloud", new LinkPlan(edge, "cloud", upBits, Duration.ofMillis(10), Duration.ZERO, 0),
                new LinkPlan("cloud", edge, downBits, Duration.ofMillis(10), Duration.ZERO, 0));
    }

    @Test
    void ofAHundredEdgesConfiguredAlikeEightSpreadFromFirstToLastAreMeasured() {
        List<ProbePair> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pairs.add(pair(String.format("edge-%02d", i), 10_000_000, 10_000_000));
        }
        List<ProbePair> picked = LinkSample.DEFAULT.pick(pairs);
        assertThat(picked).extracting(ProbePair::client).containsExactly("edge-00", "edge-14", "edge-28", "edge-42",
                "edge-56", "edge-70", "edge-84", "edge-99");
    }

    @Test
    void aPairConfiguredUnlikeTheOthersIsAlwaysMeasuredAndSmallGroupsWhole() {
        List<ProbePair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(pair("a-" + i, 10_000_000, 10_000_000));
        }
        pairs.add(pair("odd", 10_000_000, 20_000_000));
        for (int i = 0; i < 3; i++) {
            pairs.add(pair("b-" + i, 5_000_000, 5_000_000));
        }
        List<String> picked = LinkSample.DEFAULT.pick(pairs).stream().map(ProbePair::client).toList();
        assertThat(picked).hasSize(8 + 1 + 3).contains("odd", "b-0", "b-1", "b-2", "a-0", "a-19");
        assertThat(picked.indexOf("odd")).as("in the order of the pairs").isEqualTo(picked.indexOf("a-19") + 1);
        assertThat(new LinkSample(8).pick(pairs.subList(0, 8))).isEqualTo(pairs.subList(0, 8));
    }

    @Test
    void aSampleOfFewerThanTwoIsRefused() {
        assertThatThrownBy(() -> new LinkSample(1)).hasMessageContaining("perShape: 1");
    }
}
