package io.acai.launcher.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Everything an experiment's logs folder holds, read into typed rows.
 *
 * <p>Layout: {@code <logs>/<machine>/edge_inf.csv} and {@code edge_update.csv} for an edge,
 * {@code <logs>/<machine>/cloud.csv} for the cloud, {@code <logs>/consumption.csv} and {@code <logs>/links.csv}.
 * A machine's folder is recognised by the CSV it holds. What is missing is recorded in {@link #notes()}.
 */
public record ExperimentLogs(Path dir, List<EdgeLogs> edges, List<CloudLogs> clouds,
                             List<ConsumptionRow> consumption, List<LinkRow> links, ReportNotes notes) {

    public static final String EDGE_INF = "edge_inf.csv";
    public static final String EDGE_UPDATE = "edge_update.csv";
    public static final String CLOUD = "cloud.csv";
    public static final String CONSUMPTION = "consumption.csv";
    public static final String LINKS = "links.csv";

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
                clouds.add(new CloudLogs(name,
                        CsvTable.read(machine.resolve(CLOUD), name + "/" + CLOUD, RetrainRow.PARSER, notes)
                                .orElse(List.of())));
            }
            if (Files.isRegularFile(machine.resolve(EDGE_INF)) || Files.isRegularFile(machine.resolve(EDGE_UPDATE))) {
                edges.add(new EdgeLogs(name,
                        CsvTable.read(machine.resolve(EDGE_INF), name + "/" + EDGE_INF, InferenceRow.PARSER, notes)
                                .orElse(List.of()),
                        CsvTable.read(machine.resolve(EDGE_UPDATE), name + "/" + EDGE_UPDATE, UpdateRow.PARSER, notes)
                                .orElse(List.of())));
            }
        }
        if (edges.isEmpty()) {
            notes.missing("<edge>/" + EDGE_INF + " and <edge>/" + EDGE_UPDATE + " (no edge folder found)");
        }
        if (clouds.isEmpty()) {
            notes.missing("<cloud>/" + CLOUD + " (no cloud folder found)");
        }
        List<ConsumptionRow> consumption = CsvTable.read(dir.resolve(CONSUMPTION), CONSUMPTION,
                ConsumptionRow.PARSER, notes).orElse(List.of());
        List<LinkRow> links = CsvTable.read(dir.resolve(LINKS), LINKS, LinkRow.PARSER, notes).orElse(List.of());
        return new ExperimentLogs(dir, List.copyOf(edges), List.copyOf(clouds), consumption, links, notes);
    }

    private static List<Path> machineFolders(Path dir) throws ReportException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> Stream.of(EDGE_INF, EDGE_UPDATE, CLOUD).anyMatch(f -> Files.isRegularFile(d.resolve(f))))
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
