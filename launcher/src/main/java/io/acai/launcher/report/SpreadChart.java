package io.acai.launcher.report;

import io.acai.launcher.metrics.AccuracyCurve;
import io.acai.launcher.metrics.RollingAccuracy;
import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.InferenceRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One value of many edges over time as its spread per {@link EdgeGroups group}: the median as a bold line, the 10th
 * to 90th percentile shaded, the minimum and maximum as thin lines, in the group's colour (the static controls grey
 * and dashed); with {@code clouds}, each cloud's own line too. The number of series depends on the groups, not on
 * the edges, so the chart reads the same at 10 edges and at 1,000. The report's main page draws these instead of a
 * line per edge above {@value io.acai.launcher.plan.LargeFleet#EDGES_ONE_BY_ONE} edges.
 *
 * @param yAxisLabel the value and its unit
 * @param yMax       the top of the y axis, or NaN to fit the data
 * @param curves     every machine's curve by machine name (edges and clouds), in seconds since the start
 * @param clouds     whether the clouds' curves are drawn as lines of their own
 */
public record SpreadChart(String fileName, String title, String caption, String needs, String yAxisLabel, double yMax,
                          Curves curves, boolean clouds) implements ReportChart {

    /** Grid steps from the first to the last point of any edge. */
    static final int STEPS = 240;
    static final Color CONTROL = new Color(90, 90, 90);
    private static final String SPREAD = " Shaded: the 10th to 90th percentile over the group's edges; thin lines: the "
            + "lowest and the highest edge; bold: the median (the legend says how many edges). Each edge counts from "
            + "its first point to one step past its last; every edge's own line is on the per-edge page.";

    /** Every machine's curve by name. */
    @FunctionalInterface
    public interface Curves {
        Map<String, Points> of(ExperimentLogs logs, ExperimentClock clock);
    }

    public static final SpreadChart ACCURACY = new SpreadChart("accuracy_spread.png", "Accuracy over the edges",
            "Share of each edge's frames judged correct over the last " + (int) AccuracyChart.ROLLING_SECONDS
                    + " s (its rolling accuracy), per group of edges." + SPREAD + " Grey, dashed: the static controls "
                    + "(their edges' frames with the starting model, never updated).",
            "<edge>/" + InferenceRow.SCHEMA.fileName(), "Accuracy (% of frames correct)", 100, SpreadChart::accuracy,
            false);

    public static final SpreadChart INFERENCE = inference("inference_time_spread.png", "Inference time over the edges",
            "Mean detection time per frame in each window of 10 inferences, per group of edges.",
            "Inference time per frame (ms)", InferenceRow::avgInfMs, false);

    public static final SpreadChart WAIT = inference("wait_time_spread.png", "Wait time over the edges",
            "Mean time a request waited in the edge's queue before its detection started, in each window of 10 "
                    + "inferences, per group of edges. A wait that keeps growing means edges cannot keep up with their "
                    + "request rate.", "Wait per frame (ms)", InferenceRow::avgWaitMs, false);

    public static final SpreadChart QUEUE = inference("queue_length_spread.png", "Queue length over the edges",
            "Mean number of requests waiting for inference in each window of 10 inferences, per group of edges.",
            "Queue length (requests)", InferenceRow::avgQueueLen, false);

    public static final SpreadChart PROCESSED = inference("processed_images_spread.png",
            "Processed images over the edges", "Running total of frames each edge has run detection on, per group "
                    + "of edges; the slope is the throughput.", "Frames processed (count)", InferenceRow::frames, true);

    public static final SpreadChart CPU = usage("cpu_spread.png", "CPU over the edges",
            "CPU used by each edge's processes, in cores (1.0 = one core fully busy), sampled every collection period,"
                    + " per group of edges; each cloud's own line.", "CPU (cores)", ConsumptionRow::cpuCores);

    public static final SpreadChart MEMORY = usage("memory_spread.png", "Memory over the edges",
            "Resident memory of each edge's processes, in MiB, sampled every collection period, per group of edges; "
                    + "each cloud's own line.", "Memory (MiB)", ConsumptionRow::memoryMib);

    /** The spread charts of the report's main page, in the order they appear. */
    public static List<ReportChart> all() {
        return List.of(ACCURACY, INFERENCE, WAIT, QUEUE, PROCESSED, CPU, MEMORY);
    }

    private static SpreadChart inference(String fileName, String title, String caption, String yAxisLabel,
                                         ToDoubleFunction<InferenceRow> value, boolean cumulative) {
        return new SpreadChart(fileName, title, caption + SPREAD, "<edge>/" + InferenceRow.SCHEMA.fileName(),
                yAxisLabel, Double.NaN, (logs, clock) -> {
                    Map<String, Points> curves = new LinkedHashMap<>();
                    for (EdgeLogs edge : logs.edges()) {
                        Points points = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), value);
                        curves.put(edge.name(), cumulative ? points.cumulative() : points);
                    }
                    return curves;
                }, false);
    }

    private static SpreadChart usage(String fileName, String title, String caption, String yAxisLabel,
                                     ToDoubleFunction<ConsumptionRow> value) {
        return new SpreadChart(fileName, title, caption + SPREAD, ConsumptionRow.SCHEMA.fileName(), yAxisLabel,
                Double.NaN, (logs, clock) -> {
                    Map<String, Points> curves = new LinkedHashMap<>();
                    for (MachineUsage machine : MachineUsage.of(logs.consumption())) {
                        curves.put(machine.machine(), Points.of(machine.samples(), r -> clock.seconds(r.time()), value));
                    }
                    return curves;
                }, true);
    }

    private static Map<String, Points> accuracy(ExperimentLogs logs, ExperimentClock clock) {
        Map<String, Points> curves = new LinkedHashMap<>();
        for (EdgeLogs edge : logs.edges()) {
            AccuracyCurve curve = RollingAccuracy.of(edge.inference(), r -> clock.seconds(r.endTime()),
                    AccuracyChart.ROLLING_SECONDS);
            curves.put(edge.name(), new Points(curve.seconds(), curve.percent()));
        }
        return curves;
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        Map<String, Points> all = curves.of(logs, clock);
        EdgeGroups groups = EdgeGroups.of(logs);
        List<String> edges = groups.members().values().stream().flatMap(List::stream).toList();
        double first = edges.stream().map(all::get).filter(p -> p != null && !p.isEmpty())
                .mapToDouble(p -> p.x()[0]).min().orElse(Double.NaN);
        double last = edges.stream().map(all::get).filter(p -> p != null && !p.isEmpty())
                .mapToDouble(p -> p.x()[p.x().length - 1]).max().orElse(Double.NaN);
        if (Double.isNaN(first)) {
            return Optional.empty();
        }
        double[] grid = EdgeSpread.grid(first, last > first ? last : first + 1, STEPS);
        XYChart chart = ChartStyle.timeChart(title, yAxisLabel);
        chart.getStyler().setYAxisMin(0.0);
        if (!Double.isNaN(yMax)) {
            chart.getStyler().setYAxisMax(yMax);
        }
        int colour = 0;
        for (Map.Entry<String, List<String>> group : groups.members().entrySet()) {
            List<Points> members = group.getValue().stream().map(all::get).filter(p -> p != null && !p.isEmpty())
                    .toList();
            boolean controls = EdgeGroups.isControls(group.getKey());
            Color color = controls ? CONTROL : ChartStyle.color(colour++);
            addSpread(chart, group.getKey(), members.size(), EdgeSpread.of(members, grid), color,
                    controls ? AccuracyChart.CONTROL : ChartStyle.BOLD);
        }
        if (clouds) {
            for (CloudLogs cloud : logs.clouds()) {
                Points points = all.get(cloud.name());
                if (points != null && !points.isEmpty()) {
                    points.addLine(chart, cloud.name() + " (cloud)", ChartStyle.color(colour++), ChartStyle.SOLID);
                }
            }
        }
        return Optional.of(ChartStyle.withRoundTicks(chart));
    }

    /** The group's median line (named with the group and its number of edges), its band and its extremes. */
    private static void addSpread(XYChart chart, String group, int edges, EdgeSpread spread, Color color,
                                  BasicStroke median) {
        if (spread.isEmpty()) {
            return;
        }
        List<double[]> segment = new ArrayList<>();
        int segments = 0;
        double[] t = spread.seconds();
        for (int i = 0; i <= t.length; i++) {
            if (i < t.length && spread.edges()[i] > 0) {
                segment.add(new double[] {t[i], spread.p10()[i], spread.p90()[i]});
            } else if (!segment.isEmpty()) {
                ChartStyle.band(chart, group + " p10-p90 " + (++segments), segment, color);
                segment.clear();
            }
        }
        line(chart, group + " min", t, spread.min(), ChartStyle.translucent(color, 140), ChartStyle.THIN, false);
        line(chart, group + " max", t, spread.max(), ChartStyle.translucent(color, 140), ChartStyle.THIN, false);
        line(chart, group + " median (" + edges + (edges == 1 ? " edge)" : " edges)"), t, spread.median(), color,
                median, true);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke,
                             boolean legend) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                points.add(new double[] {x[i], y[i]});
            }
        }
        new Points(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray())
                .addLine(chart, name, color, stroke).setShowInLegend(legend);
    }
}
