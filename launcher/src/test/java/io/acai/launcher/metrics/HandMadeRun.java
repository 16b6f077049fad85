package io.acai.launcher.metrics;

import io.acai.records.csv.CsvSchema;
import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.HoldoutRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A logs folder written by hand through records' schemas, with answers known: an edge at 1 frame/s writes a row of
 * 10 frames every 10 s, so with a drift after 40 s rows 0-3 are before the drift and the onset is 40 s after
 * {@link #T0}. {@link #records()} reads the folder back through the same schemas.
 */
final class HandMadeRun {

    static final long T0 = 1_764_000_000_000L;

    private final Path dir;
    private final List<String> edges = new ArrayList<>();
    private final List<String> clouds = new ArrayList<>();
    private final List<ConsumptionRow> consumption = new ArrayList<>();

    HandMadeRun(Path dir) {
        this.dir = dir;
    }

    static double ms(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    /** An edge at 1 frame/s: row k ends at 10 (k + 1) s with 10 frames and the k-th accuracy, model version "0". */
    HandMadeRun edge(String name, double... accuracies) throws IOException {
        List<InferenceRow> rows = new ArrayList<>();
        for (int k = 0; k < accuracies.length; k++) {
            rows.add(new InferenceRow(ms(10 * (k + 1)), 50, 5, 0.1, 10, accuracies[k], "0"));
        }
        return edge(name, rows, List.of());
    }

    HandMadeRun edge(String name, List<InferenceRow> inference, List<UpdateRow> updates) throws IOException {
        edges.add(name);
        write(InferenceRow.SCHEMA, dir.resolve(name), inference);
        write(UpdateRow.SCHEMA, dir.resolve(name), updates);
        return this;
    }

    HandMadeRun cloud(String name, List<RetrainRow> retrains, List<HoldoutRow> holdout) throws IOException {
        clouds.add(name);
        write(RetrainRow.SCHEMA, dir.resolve(name), retrains);
        if (holdout != null) {
            write(HoldoutRow.SCHEMA, dir.resolve(name), holdout);
        }
        return this;
    }

    HandMadeRun sample(double seconds, String machine, String role, double cores, double mib) {
        consumption.add(new ConsumptionRow(ms(seconds), machine, role, cores, mib));
        return this;
    }

    /** The folder read back through the schemas. */
    RunRecords records() throws IOException {
        write(ConsumptionRow.SCHEMA, dir, consumption);
        List<EdgeRecords> edgeRecords = new ArrayList<>();
        for (String edge : edges) {
            Path folder = dir.resolve(edge);
            edgeRecords.add(new EdgeRecords(edge, InferenceRow.SCHEMA.readAll(InferenceRow.SCHEMA.in(folder)),
                    UpdateRow.SCHEMA.readAll(UpdateRow.SCHEMA.in(folder))));
        }
        List<CloudRecords> cloudRecords = new ArrayList<>();
        for (String cloud : clouds) {
            Path folder = dir.resolve(cloud);
            Path holdout = HoldoutRow.SCHEMA.in(folder);
            cloudRecords.add(new CloudRecords(cloud, RetrainRow.SCHEMA.readAll(RetrainRow.SCHEMA.in(folder)),
                    Files.exists(holdout) ? Optional.of(HoldoutRow.SCHEMA.readAll(holdout)) : Optional.empty()));
        }
        return new RunRecords(edgeRecords, cloudRecords, ConsumptionRow.SCHEMA.readAll(ConsumptionRow.SCHEMA.in(dir)));
    }

    static <R> void write(CsvSchema<R> schema, Path folder, List<R> rows) throws IOException {
        schema.writeAll(schema.in(folder), rows);
    }
}
