package io.acai.launcher.local;

import io.acai.launcher.plan.LinkPlan;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.LinkRow;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures every shaped direction once the links are up and writes {@code links.csv} ({@link LinkRow}: a
 * configured rate of 0 means unlimited). A measurement more than 10% away from its configuration (for the
 * round trip: more than 10% or 2 ms, whichever is larger) is reported as a warning. The Kubernetes runtime measures
 * its pods with the same pairs and rows ({@code io.acai.launcher.kubernetes.PodLinkProbes}).
 */
public final class LinkMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(LinkMeasurement.class);

    /** Runs the probe of one pair wherever its machines live. */
    @FunctionalInterface
    public interface ProbeRunner {
        LinkProbe.Measurement measure(ProbePair pair) throws IOException;
    }

    /** Why {@code row} is off, or null when it is within tolerance. */
    static String warning(LinkRow row) {
        double configuredMbps = row.configuredMbps();
        double measuredMbps = row.measuredMbps();
        double configuredRttMs = row.configuredRttMs();
        double measuredRttMs = row.measuredRttMs();
        List<String> off = new ArrayList<>();
        if (configuredMbps > 0 && Math.abs(measuredMbps - configuredMbps) > 0.10 * configuredMbps) {
            off.add(String.format(Locale.ROOT, "rate %.2f Mbit/s measured, %.2f configured", measuredMbps,
                    configuredMbps));
        }
        if (Math.abs(measuredRttMs - configuredRttMs) > Math.max(0.10 * configuredRttMs, 2.0)) {
            off.add(String.format(Locale.ROOT, "round trip %.1f ms measured, %.1f configured", measuredRttMs,
                    configuredRttMs));
        }
        return off.isEmpty() ? null
                : "link " + row.from() + " -> " + row.to() + " is off by more than 10%: " + String.join(", ", off);
    }

    private LinkMeasurement() {
    }

    /**
     * Groups the links into pairs: each unordered pair of machines once, its client being the machine
     * without a listening port when there is one (the probe server takes the other's port).
     *
     * @param listens whether a machine has a listening port
     */
    public static List<ProbePair> pairs(List<LinkPlan> links, java.util.function.Predicate<String> listens) {
        Map<String, ProbePair> pairs = new LinkedHashMap<>();
        for (LinkPlan link : links) {
            String a = link.from();
            String b = link.to();
            String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
            if (pairs.containsKey(key)) {
                continue;
            }
            String server = listens.test(b) || !listens.test(a) ? b : a;
            String client = server.equals(b) ? a : b;
            LinkPlan up = links.stream().filter(l -> l.from().equals(client) && l.to().equals(server)).findFirst()
                    .orElse(null);
            LinkPlan down = links.stream().filter(l -> l.from().equals(server) && l.to().equals(client)).findFirst()
                    .orElse(null);
            pairs.put(key, new ProbePair(client, server, up, down));
        }
        return List.copyOf(pairs.values());
    }

    /** Measures every pair in turn (so that they do not compete for the CPU) and returns the rows. */
    public static List<LinkRow> measure(List<ProbePair> pairs, ProbeRunner runner) throws IOException {
        List<LinkRow> rows = new ArrayList<>();
        for (ProbePair pair : pairs) {
            rows.addAll(rows(pair, runner.measure(pair)));
        }
        return rows;
    }

    /**
     * Measures the pairs in batches ({@link ProbeBatches}): the pairs of one batch at the same time, one batch after
     * another. The rows come in the order of {@code pairs}, as from {@link #measure}. The runner must take calls from
     * several threads.
     */
    public static List<LinkRow> measureInBatches(List<ProbePair> pairs, ProbeRunner runner, ProbeBatches batching)
            throws IOException {
        Map<ProbePair, LinkProbe.Measurement> measured = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                batching.maxPairs(), r -> {
                    Thread t = new Thread(r, "acai-link-measurement");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (List<ProbePair> batch : batching.split(pairs)) {
                List<Future<LinkProbe.Measurement>> running = new ArrayList<>();
                for (ProbePair pair : batch) {
                    running.add(pool.submit(() -> runner.measure(pair)));
                }
                for (int i = 0; i < batch.size(); i++) {
                    measured.put(batch.get(i), result(batch.get(i), running.get(i)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<LinkRow> rows = new ArrayList<>();
        for (ProbePair pair : pairs) {
            rows.addAll(rows(pair, measured.get(pair)));
        }
        return rows;
    }

    private static LinkProbe.Measurement result(ProbePair pair, Future<LinkProbe.Measurement> f)
            throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while measuring " + pair.client() + " <-> "
                    + pair.server());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("measuring " + pair.client() + " <-> " + pair.server() + " failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private static List<LinkRow> rows(ProbePair pair, LinkProbe.Measurement m) {
        List<LinkRow> rows = new ArrayList<>();
        double rtt = pair.configuredRtt().toNanos() / 1e6;
        if (pair.up() != null) {
            rows.add(new LinkRow(pair.client(), pair.server(), pair.up().rateMbps(), m.upMbps(), rtt, m.rttMs()));
        }
        if (pair.down() != null) {
            rows.add(new LinkRow(pair.server(), pair.client(), pair.down().rateMbps(), m.downMbps(), rtt, m.rttMs()));
        }
        return rows;
    }

    /** Writes links.csv and returns the warnings (also logged). */
    public static List<String> write(Path logsDir, List<LinkRow> rows) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (CsvRowWriter<LinkRow> out = LinkRow.SCHEMA.create(LinkRow.SCHEMA.in(logsDir))) {
            for (LinkRow row : rows) {
                out.write(row);
                String warning = warning(row);
                if (warning != null) {
                    warnings.add(warning);
                    LOG.warn(warning);
                }
            }
        }
        return warnings;
    }
}
