package io.acai.launcher.report;

import io.acai.launcher.metrics.RunSettings;
import io.acai.records.csv.CsvHeaderException;
import io.acai.records.csv.CsvRows;
import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.FaultMessage;
import io.acai.records.csv.SkippedLine;
import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.HoldoutRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.LinkRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.RunFiles;
import io.acai.records.run.UpdateRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Everything an experiment's logs folder holds, read into typed rows through the run files' schemas (records).
 *
 * <p>Layout: {@code <logs>/<machine>/edge_inf.csv} and {@code edge_update.csv} for an edge,
 * {@code <logs>/<machine>/cloud.csv} for the cloud (and {@code holdout.csv} when it scored held-out frames; a cloud
 * without it is not noted as missing), {@code <logs>/consumption.csv} and {@code <logs>/links.csv}.
 * A machine's folder is recognised by the CSV it holds. What is missing, and every line left out (one that does
 * not parse, or a last line without its line end), is recorded in {@link #notes()}. Which edges are static
 * controls, and of which edge, comes from the run's {@code run.json} ({@link RunSettings}) unless the launcher
 * that ran it says so ({@link #withControls}).
 *
 * @param controls each static control's name mapped to the name of the edge whose frames it saw
 * @param limits   each machine's CPU and memory limits from {@code run.json} ({@link MachineLimits})
 */
public record ExperimentLogs(Path dir, List<EdgeLogs> edges, List<CloudLogs> clouds,
                             List<ConsumptionRow> consumption, List<LinkRow> links, ReportNotes notes,
                             Map<String, String> controls, MachineLimits limits) {

    public ExperimentLogs {
        controls = Map.copyOf(controls);
    }

    /** As the canonical constructor, without machine limits. */
    public ExperimentLogs(Path dir, List<EdgeLogs> edges, List<CloudLogs> clouds, List<ConsumptionRow> consumption,
            List<LinkRow> links, ReportNotes notes, Map<String, String> controls) {
        this(dir, edges, clouds, consumption, links, notes, controls, MachineLimits.NONE);
    }

    private static final String EDGE_INF = InferenceRow.SCHEMA.fileName();
    private static final String EDGE_UPDATE = UpdateRow.SCHEMA.fileName();
    private static final String CLOUD = RetrainRow.SCHEMA.fileName();
    private static final String CONSUMPTION = ConsumptionRow.SCHEMA.fileName();
    private static final String LINKS = LinkRow.SCHEMA.fileName();

    /**
     * Reads the folder.
     *
     * @throws ReportException when the folder does not exist or holds none of the experiment's CSV files
     */
    public static ExperimentLogs load(Path dir) throws ReportException {
        if (!Files.isDirectory(dir)) {
            throw new ReportException("logs folder " + dir + " does not exist or is not a folder");
        }
        List<Path> machines = machineFolders(dir);
        boolean anyCsv = Files.isRegularFile(dir.resolve(CONSUMPTION)) || Files.isRegularFile(dir.resolve(LINKS))
                || !machines.isEmpty();
        if (!anyCsv) {
            throw new ReportException("logs folder " + dir + " holds no experiment logs (expected <machine>/"
                    + EDGE_INF + ", <machine>/" + EDGE_UPDATE + ", <machine>/" + CLOUD + ", " + CONSUMPTION + " or "
                    + LINKS + ")");
        }
        ReportNotes notes = new ReportNotes();
        List<EdgeLogs> edges = new ArrayList<>();
        List<CloudLogs> clouds = new ArrayList<>();
        for (Path machine : machines) {
            String name = machine.getFileName().toString();
            if (Files.isRegularFile(machine.resolve(CLOUD))) {
                List<HoldoutRow> holdout = Files.isRegularFile(HoldoutRow.SCHEMA.in(machine))
                        ? read(HoldoutRow.SCHEMA, machine, name + "/", notes) : List.of();
                clouds.add(new CloudLogs(name, read(RetrainRow.SCHEMA, machine, name + "/", notes), holdout));
            }
            if (Files.isRegularFile(machine.resolve(EDGE_INF)) || Files.isRegularFile(machine.resolve(EDGE_UPDATE))) {
                edges.add(new EdgeLogs(name, read(InferenceRow.SCHEMA, machine, name + "/", notes),
                        read(UpdateRow.SCHEMA, machine, name + "/", notes)));
            }
        }
        if (edges.isEmpty()) {
            notes.missing("<edge>/" + EDGE_INF + " and <edge>/" + EDGE_UPDATE + " (no edge folder found)");
        }
        if (clouds.isEmpty()) {
            notes.missing("<cloud>/" + CLOUD + " (no cloud folder found)");
        }
        List<ConsumptionRow> consumption = read(ConsumptionRow.SCHEMA, dir, "", notes);
        List<LinkRow> links = read(LinkRow.SCHEMA, dir, "", notes);
        RunSettings settings = RunSettings.read(dir);
        if (Files.isRegularFile(dir.resolve(RunSettings.RUN_JSON)) && settings.drifts().isEmpty()
                && settings.controlOf().isEmpty()) {
            notes.warning(RunSettings.RUN_JSON + ": " + settings.whyUnknown() + "; no edge drawn as a control");
        }
        return new ExperimentLogs(dir, List.copyOf(edges), List.copyOf(clouds), consumption, links, notes,
                settings.controlOf(), MachineLimits.read(dir, notes));
    }

    /** These logs with the static controls the run's plan had (control name to target name). */
    public ExperimentLogs withControls(Map<String, String> planned) {
        return new ExperimentLogs(dir, edges, clouds, consumption, links, notes, planned, limits);
    }

    /** The edge {@code edge} is the static control of, if it is one. */
    public Optional<String> controlOf(String edge) {
        return Optional.ofNullable(controls.get(edge));
    }

    /**
     * The rows of {@code schema}'s file in {@code folder}, tolerating what a run cut short leaves behind: a missing
     * or unusable file is noted as missing and gives no rows; a line left out is noted with its number and why; a
     * file from an earlier run without some optional columns is read, and noted.
     *
     * @param prefix how the file's folder is named in the notes, for example {@code edge1/}
     */
    static <R> List<R> read(CsvSchema<R> schema, Path folder, String prefix, ReportNotes notes) {
        String label = prefix + schema.fileName();
        Path file = schema.in(folder);
        if (!Files.isRegularFile(file)) {
            notes.missing(label);
            return List.of();
        }
        CsvRows<R> rows;
        try {
            rows = schema.read(file);
        } catch (CsvHeaderException e) {
            notes.missing(label);
            notes.warning(FaultMessage.of(label, e.line(), e.problem()));
            return List.of();
        } catch (IOException e) {
            notes.missing(label);
            notes.warning(label + ": cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
        if (!rows.absentColumns().isEmpty()) {
            notes.warning(FaultMessage.of(label, 1, "header lacks column(s) " + rows.absentColumns()
                    + ", read as blank (a file from an earlier run?)"));
        }
        for (SkippedLine skipped : rows.skipped()) {
            notes.warning(FaultMessage.of(label, skipped.line(), skipped.unfinished()
                    ? "truncated last line skipped (no line end; run cut short?)"
                    : (skipped.last() ? "truncated last line skipped: " : "line skipped: ") + skipped.problem()));
        }
        return rows.rows();
    }

    private static List<Path> machineFolders(Path dir) throws ReportException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> Stream.concat(RunFiles.EDGE.stream(), RunFiles.CLOUD.stream())
                            .anyMatch(schema -> Files.isRegularFile(schema.in(d))))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ReportException("cannot list logs folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every machine named in the logs, sorted: the order that gives each machine its colour in every chart. */
    public List<String> machines() {
        return Stream.of(edges.stream().map(EdgeLogs::name), clouds.stream().map(CloudLogs::name),
                        consumption.stream().map(ConsumptionRow::machine))
                .flatMap(s -> s).distinct().sorted().toList();
    }

    /** The machine's colour, the same in every chart. */
    public java.awt.Color color(String machine) {
        return ChartStyle.color(machines().indexOf(machine));
    }

    /** All retrains of all clouds. */
    public List<RetrainRow> retrains() {
        return clouds.stream().flatMap(c -> c.retrains().stream()).toList();
    }

    /**
     * The experiment's time zero: the earliest time in any file, epoch ms. For an inference window, its start is
     * not logged, so its end counts.
     */
    public ExperimentClock clock() {
        DoubleStream times = DoubleStream.concat(
                edges.stream().flatMapToDouble(e -> DoubleStream.concat(
                        e.inference().stream().mapToDouble(InferenceRow::endTime),
                        e.updates().stream().mapToDouble(UpdateRow::updateStart))),
                DoubleStream.concat(retrains().stream().mapToDouble(RetrainRow::received),
                        consumption.stream().mapToDouble(ConsumptionRow::time)));
        return new ExperimentClock(times.filter(t -> !Double.isNaN(t)).min().orElse(0));
    }
}
