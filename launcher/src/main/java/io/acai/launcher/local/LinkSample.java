package io.acai.launcher.local;

import io.acai.launcher.plan.LinkPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pairs of a large run are measured: pairs configured alike (the same server, the same rate, delay, jitter and
 * loss each way, as the members of a {@code count} group with one connection template are) are shaped by the same
 * kind of tc commands, so up to {@code perShape} of them, spread evenly over their order (the first, the last and
 * between, so that several edge hosts are among them), stand for the rest. A pair whose configuration no other pair
 * shares is always measured. Each probe is a JVM start, about 0.25 CPU-s: 100 edges measured one by one cost the
 * launch 50 s on a 2-core host (docs/benchmarks.md, "Scale on one host").
 *
 * @param perShape pairs measured of each configuration, at least 2
 */
record LinkSample(int perShape) {

    /** Eight of each configuration: every pair of a run of up to 8 edges per link shape, as before. */
    static final LinkSample DEFAULT = new LinkSample(8);

    LinkSample {
        if (perShape < 2) {
            throw new IllegalArgumentException("perShape: " + perShape + " (expected: >= 2)");
        }
    }

    /** The pairs to measure, in the order of {@code pairs}. */
    List<ProbePair> pick(List<ProbePair> pairs) {
        Map<String, List<ProbePair>> byShape = new LinkedHashMap<>();
        for (ProbePair pair : pairs) {
            byShape.computeIfAbsent(shape(pair), k -> new ArrayList<>()).add(pair);
        }
        Set<ProbePair> picked = new HashSet<>();
        for (List<ProbePair> alike : byShape.values()) {
            int n = alike.size();
            if (n <= perShape) {
                picked.addAll(alike);
                continue;
            }
            for (int i = 0; i < perShape; i++) {
                picked.add(alike.get((int) ((long) i * (n - 1) / (perShape - 1))));
            }
        }
        return pairs.stream().filter(picked::contains).toList();
    }

    private static String shape(ProbePair pair) {
        return pair.server() + "|" + shape(pair.up()) + "|" + shape(pair.down());
    }

    private static String shape(LinkPlan link) {
        return link == null ? "-" : link.rateBitsPerSecond() + "," + link.delay() + "," + link.jitter() + ","
                + link.lossPercent();
    }
}
