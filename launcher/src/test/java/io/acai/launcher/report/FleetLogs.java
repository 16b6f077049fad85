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
import java.util.List;
import java.util.Random;

/**
 * Writes the logs folder of a 240 s run of a cloud and a group of {@code n} edges ({@code "count": n} in
 * {@code run.json}, named {@code edge-00} and on) at 1 request per second, plus {@code edge-00-static}, the static
 * control of {@code edge-00}: each edge's accuracy drops at its drift (at 60 s to 100 s), it uploads 20 s later and
 * recovers once its new model is in; the control stays down. The cloud retrains in {@value #ROUNDS} rounds. Seeded, through the files' schemas; {@link #main} writes
 * one for a timing of {@code launcher report}.
 */
final class FleetLogs {

    static final long T0 = 1_764_000_000_000L;
    static final double DURATION_S = 240;
    static final String CONTROL = "edge-00-static";
    /** The cloud's retrain rounds, each on the uploads of a tenth of the edges, whatever their number. */
    static final int ROUNDS = 10;

    private FleetLogs() {
    }

    /** {@code java ... FleetLogs <folder> <edges>}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    static void write(Path dir, int edges) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(18);
        int width = Integer.toString(edges - 1).length();
        List<String> names = new ArrayList<>();
        List<RetrainRow> retrains = new ArrayList<>();
        List<LinkRow> links = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            String name = "edge-" + String.format("%0" + width + "d", e);
            names.add(name);
            double drift = 60 + 40.0 * e / edges;
            double swap = drift + 35 + 10 * random.nextDouble();
            double inferenceMs = 7 + 60 * random.nextDouble();
            write(InferenceRow.SCHEMA, dir.resolve(name), inference(random, drift, swap, inferenceMs));
            double start = drift + 20;
            write(UpdateRow.SCHEMA, dir.resolve(name), List.of(new UpdateRow(ms(start), ms(start + 0.3),
                    ms(start + 0.4), ms(start + 2), ms(swap - 0.5), ms(swap), 20, 180_000, 1_245_972, "2")));
            links.add(new LinkRow("cloud", name, 10, 9.6, 20, 21.3));
            links.add(new LinkRow(name, "cloud", 10, 9.5, 20, 21.1));
        }
        write(InferenceRow.SCHEMA, dir.resolve(CONTROL), inference(random, 60, Double.POSITIVE_INFINITY, 9));
        write(UpdateRow.SCHEMA, dir.resolve(CONTROL), List.of());
        for (int round = 0; round < ROUNDS; round++) {
            double received = 80 + 15 * round;
            retrains.add(new RetrainRow(ms(received), ms(received + 8), ms(received + 8.2), ms(received + 8.3),
                    ms(received + 8.4), 20.0 * Math.max(1, edges / ROUNDS), Math.max(1, edges / ROUNDS), 2, 4.1, 2.2, "cpu",
                    Integer.toString(2 + round)));
        }
        write(RetrainRow.SCHEMA, dir.resolve("cloud"), retrains);
        double sent = retrains.get(0).sent();
        write(HoldoutRow.SCHEMA, dir.resolve("cloud"), List.of(
                new HoldoutRow(ms(1), "1", HoldoutRow.PRE_DRIFT, 60, 0.8, 0.6),
                new HoldoutRow(ms(1), "1", HoldoutRow.DRIFT, 60, 0.3, 0.2),
                new HoldoutRow(sent + 3000, "2", HoldoutRow.PRE_DRIFT, 60, 0.7, 0.5),
                new HoldoutRow(sent + 3000, "2", HoldoutRow.DRIFT, 60, 0.6, 0.4)));
        write(LinkRow.SCHEMA, dir, links);
        List<ConsumptionRow> consumption = new ArrayList<>();
        for (double t = 10; t <= DURATION_S; t += 10) {
            consumption.add(new ConsumptionRow(ms(t), "cloud", "server", 0.9 + 0.1 * random.nextDouble(), 1800));
            for (String name : names) {
                consumption.add(new ConsumptionRow(ms(t), name, "client", 0.05 + 0.2 * random.nextDouble(),
                        180 + 20 * random.nextDouble()));
            }
        }
        write(ConsumptionRow.SCHEMA, dir, consumption);
        Files.writeString(dir.resolve("run.json"), """
                {"projectVersion": "0.1.0-SNAPSHOT", "startedAt": %d, "configFile": "/tmp/fleet.json",
                 "config": {"machines": [
                   {"name": "cloud", "category": "server"},
                   {"name": "edge", "category": "client", "count": %d, "app": {"rate": 1}},
                   {"name": "%s", "category": "client", "app": {"controlOf": "edge-%s"}}]},
                 "parameters": {}, "seed": null, "repeat": null, "campaign": null}
                """.formatted(T0, edges, CONTROL, "0".repeat(width)));
    }

    /** Windows of 10 frames every 10 s: 0.8 correct before the drift, 0.3 after it until the swap, then 0.65. */
    private static List<InferenceRow> inference(Random random, double drift, double swap, double inferenceMs) {
        List<InferenceRow> rows = new ArrayList<>();
        for (double t = 10 + random.nextDouble(); t <= DURATION_S; t += 10) {
            double base = t < drift ? 0.8 : t < swap ? 0.3 : 0.65;
            int correct = (int) Math.round(Math.max(0, Math.min(10, 10 * base + 1.5 * random.nextGaussian())));
            rows.add(new InferenceRow(ms(t), inferenceMs + random.nextGaussian(), 2 + random.nextDouble() * 5,
                    random.nextDouble() * 0.2, 10, correct / 10.0, t < swap ? "1" : "2"));
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
