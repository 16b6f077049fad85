package io.acai.launcher.report;

import io.acai.records.csv.CsvSchema;
import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.HoldoutRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.LinkRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes the logs folder of a plausible 240 s run: one cloud and two edges at 5 requests per second on the drift
 * scenario. Each edge's accuracy drops when its camera drifts, an update is uploaded 20 s later, and accuracy
 * recovers once the new model is swapped in; edge1 updates twice, and its second model is also pushed to edge2
 * (a row without upload times). Seeded, so every call writes the same bytes, through the files' schemas.
 */
final class FixtureLogs {

    static final long T0 = 1_764_000_000_000L;
    static final double DURATION_S = 240;

    /** Per edge: drift start and updates as {start, swap} in seconds since T0. */
    private static final double[][][] UPDATES = {
        {{80, 108}, {170, 196}},
        {{120, 151}},
    };
    private static final double[] DRIFT_S = {60, 100};
    /** edge2 also gets edge1's second model (version 4): {receive, swap}. */
    private static final double[] PUSHED_TO_EDGE2 = {195.6, 196.8};
    private static final int[] BYTES_UP = {412_730, 391_208, 405_112};
    private static final int WEIGHTS_BYTES = 1_245_972;
    /** The static control {@link #addStaticControl} adds. */
    static final String CONTROL = "edge1-static";

    private FixtureLogs() {
    }

    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<RetrainRow> cloud = new ArrayList<>();
        Random random = new Random(6);
        for (int e = 0; e < UPDATES.length; e++) {
            String edge = "edge" + (e + 1);
            List<UpdateRow> updates = new ArrayList<>();
            for (int u = 0; u < UPDATES[e].length; u++) {
                double start = UPDATES[e][u][0];
                double swap = UPDATES[e][u][1];
                double sendStart = start + 0.35;
                double sendEnd = sendStart + 1.8 + e * 2.5;
                double receive = swap - 0.9;
                String newVersion = Integer.toString(2 + (e == 0 ? u * 2 : 1));
                updates.add(new UpdateRow(ms(start), ms(start + 0.3), ms(sendStart), ms(sendEnd), ms(receive), ms(swap),
                        50, BYTES_UP[(e + u) % BYTES_UP.length], WEIGHTS_BYTES, newVersion));
                double received = sendEnd + 0.05;
                double updated = received + (receive - sendEnd) - 3.2;
                cloud.add(new RetrainRow(ms(received), ms(updated), ms(updated + 0.4), ms(updated + 0.6),
                        ms(updated + 0.7), 50, 1, 5, 4.831 - u, 1.902 - u * 0.4, "cpu", newVersion));
            }
            if (e == 1) {
                double none = Double.NaN;
                updates.add(new UpdateRow(none, none, none, none, ms(PUSHED_TO_EDGE2[0]), ms(PUSHED_TO_EDGE2[1]), 0, 0,
                        WEIGHTS_BYTES, "4"));
            }
            write(UpdateRow.SCHEMA, dir.resolve(edge), updates);
            write(InferenceRow.SCHEMA, dir.resolve(edge), inference(e, random));
        }
        cloud.sort(Comparator.comparingDouble(RetrainRow::received));
        write(RetrainRow.SCHEMA, dir.resolve("cloud"), cloud);
        write(HoldoutRow.SCHEMA, dir.resolve("cloud"), holdout(cloud));
        write(ConsumptionRow.SCHEMA, dir, consumption(random));
        write(LinkRow.SCHEMA, dir, List.of(
                new LinkRow("cloud", "edge1", 100, 96.4, 10, 10.8),
                new LinkRow("edge1", "cloud", 100, 95.9, 10, 10.7),
                new LinkRow("cloud", "edge2", 10, 9.71, 200, 201.9),
                new LinkRow("edge2", "cloud", 10, 9.66, 200, 202.3)));
    }

    /**
     * Adds {@code edge1-static}, edge1's static control: edge1's frames with the first model throughout (it drops at
     * edge1's drift and stays down), no update (its {@code edge_update.csv} holds the header only), and the run's
     * {@code run.json} whose config names it with {@code app.controlOf}.
     */
    static void addStaticControl(Path dir) throws IOException {
        Random random = new Random(7);
        List<InferenceRow> rows = new ArrayList<>();
        for (double t = 2.3; t <= DURATION_S; t += 2.0) {
            double base = t < DRIFT_S[0] ? 0.9 : 0.4;
            int correct = (int) Math.round(Math.max(0, Math.min(10, 10 * base + random.nextGaussian())));
            rows.add(new InferenceRow(ms(t), 44 + random.nextGaussian() * 3, 12 + random.nextDouble() * 15,
                    0.1 + random.nextDouble() * 0.4, 10, correct / 10.0, "1"));
        }
        write(InferenceRow.SCHEMA, dir.resolve(CONTROL), rows);
        write(UpdateRow.SCHEMA, dir.resolve(CONTROL), List.of());
        Files.writeString(dir.resolve("run.json"), """
                {"projectVersion": "0.1.0-SNAPSHOT", "startedAt": %d, "configFile": "/tmp/user_config.json",
                 "config": {"machines": [
                   {"name": "cloud", "category": "server"},
                   {"name": "edge1", "category": "client", "app": {"rate": 5}},
                   {"name": "edge2", "category": "client", "app": {"rate": 5}},
                   {"name": "%s", "category": "client", "app": {"controlOf": "edge1"}}]},
                 "parameters": {}, "seed": null, "repeat": null, "campaign": null}
                """.formatted(T0, CONTROL));
    }

    /** The cloud's held-out scores: v1 at the start, then each retrained version 3 s after it was sent. */
    static List<HoldoutRow> holdout(List<RetrainRow> retrains) {
        List<HoldoutRow> rows = new ArrayList<>();
        double[] preDrift = HOLDOUT_PRE_DRIFT;
        double[] drift = HOLDOUT_DRIFT;
        rows.add(new HoldoutRow(ms(1), "1", HoldoutRow.PRE_DRIFT, 60, preDrift[0], 0.64));
        rows.add(new HoldoutRow(ms(1), "1", HoldoutRow.DRIFT, 60, drift[0], 0.30));
        for (int i = 0; i < retrains.size(); i++) {
            RetrainRow retrain = retrains.get(i);
            double time = retrain.sent() + 3000;
            rows.add(new HoldoutRow(time, retrain.modelVersion(), HoldoutRow.PRE_DRIFT, 60, preDrift[i + 1], Double.NaN));
            rows.add(new HoldoutRow(time, retrain.modelVersion(), HoldoutRow.DRIFT, 60, drift[i + 1], Double.NaN));
        }
        return rows;
    }

    /** Held-out accuracy of versions 1 to 4, pre-drift frames: the first model forgets a little. */
    static final double[] HOLDOUT_PRE_DRIFT = {0.5, 0.4833, 0.4667, 0.45};
    /** Held-out accuracy of versions 1 to 4, drift frames: retraining learns the night. */
    static final double[] HOLDOUT_DRIFT = {0.1167, 0.25, 0.3333, 0.4};

    private static List<InferenceRow> inference(int e, Random random) {
        List<InferenceRow> rows = new ArrayList<>();
        int version = 1;
        int updateIndex = 0;
        for (double t = 2.0 + e * 0.7; t <= DURATION_S; t += 2.0) {
            while (updateIndex < UPDATES[e].length && t >= UPDATES[e][updateIndex][1]) {
                version = 2 + (e == 0 ? updateIndex * 2 : 1);
                updateIndex++;
            }
            if (e == 1 && t >= PUSHED_TO_EDGE2[1]) {
                version = 4;
            }
            double base = t < DRIFT_S[e] ? 0.9 : version == 1 ? 0.4 : 0.85;
            int correct = (int) Math.round(Math.max(0, Math.min(10, 10 * base + random.nextGaussian() * 1.0)));
            double inf = 42 + e * 9 + random.nextGaussian() * 3;
            double wait = 12 + random.nextDouble() * 15;
            double queue = 0.1 + random.nextDouble() * 0.4;
            rows.add(new InferenceRow(ms(t), inf, wait, queue, 10, correct / 10.0, Integer.toString(version)));
        }
        return rows;
    }

    private static List<ConsumptionRow> consumption(Random random) {
        List<ConsumptionRow> rows = new ArrayList<>();
        for (double t = 0; t <= DURATION_S; t += 10) {
            boolean retraining = (t >= 85 && t <= 105) || (t >= 125 && t <= 150) || (t >= 175 && t <= 195);
            rows.add(new ConsumptionRow(ms(t), "cloud", "server", (retraining ? 1.7 : 0.15) + random.nextDouble() * 0.1,
                    820 + (retraining ? 610 : 0) + random.nextInt(20)));
            rows.add(new ConsumptionRow(ms(t), "edge1", "client", 0.55 + random.nextDouble() * 0.1,
                    310 + random.nextInt(15)));
            rows.add(new ConsumptionRow(ms(t), "edge2", "client", 0.62 + random.nextDouble() * 0.1,
                    318 + random.nextInt(15)));
        }
        return rows;
    }

    private static long ms(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    private static <R> void write(CsvSchema<R> schema, Path folder, List<R> rows) throws IOException {
        schema.writeAll(schema.in(folder), rows);
    }
}
