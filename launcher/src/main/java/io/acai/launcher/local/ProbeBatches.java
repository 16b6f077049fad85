package io.acai.launcher.local;

import io.acai.launcher.plan.LinkPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Which link probes run at the same time. A pair whose directions both have a rate limit costs the host little CPU
 * (its throughput is the shaper's, not the CPU's), so up to {@code maxPairs} of them, together limited to at most
 * {@code maxTotalBitsPerSecond}, share a batch. A pair with an unlimited direction measures what the CPU can push
 * and is measured alone, as every pair was before batches. Pairs keep their order within and across batches.
 *
 * @param maxPairs pairs in one batch, at least 1
 * @param maxTotalBitsPerSecond the sum of the configured rates of both directions of a batch's pairs
 */
public record ProbeBatches(int maxPairs, long maxTotalBitsPerSecond) {

    /**
     * Eight pairs and 1 Gbit/s: 20 edges on 10 Mbit/s links are measured in 3 batches instead of 20 turns (the
     * "Scale on one host" section of docs/benchmarks.md has the figures).
     */
    public static final ProbeBatches DEFAULT = new ProbeBatches(8, 1_000_000_000L);
    /** One pair at a time. */
    public static final ProbeBatches ONE_AT_A_TIME = new ProbeBatches(1, Long.MAX_VALUE);

    public ProbeBatches {
        if (maxPairs < 1) {
            throw new IllegalArgumentException("maxPairs : " + maxPairs + " (expected: >= 1)");
        }
        if (maxTotalBitsPerSecond < 1) {
            throw new IllegalArgumentException("maxTotalBitsPerSecond : " + maxTotalBitsPerSecond + " (expected: >= 1)");
        }
    }

    /** The batches, in order. */
    public List<List<ProbePair>> split(List<ProbePair> pairs) {
        List<List<ProbePair>> batches = new ArrayList<>();
        List<ProbePair> open = new ArrayList<>();
        long openBits = 0;
        for (ProbePair pair : pairs) {
            long bits = bitsPerSecond(pair);
            if (bits < 0) {
                batches.add(List.of(pair));
                continue;
            }
            if (!open.isEmpty() && (open.size() == maxPairs || openBits + bits > maxTotalBitsPerSecond)) {
                batches.add(List.copyOf(open));
                open.clear();
                openBits = 0;
            }
            open.add(pair);
            openBits += bits;
        }
        if (!open.isEmpty()) {
            batches.add(List.copyOf(open));
        }
        return batches;
    }

    /** Both directions' configured rates together, or -1 when a direction it measures has no rate limit. */
    static long bitsPerSecond(ProbePair pair) {
        long sum = 0;
        for (LinkPlan link : new LinkPlan[] {pair.up(), pair.down()}) {
            if (link == null) {
                continue;
            }
            if (!link.limitsRate()) {
                return -1;
            }
            sum += link.rateBitsPerSecond();
        }
        return sum;
    }
}
