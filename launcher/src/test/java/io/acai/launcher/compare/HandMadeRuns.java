package io.acai.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.acai.launcher.run.RunDescription;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.SummaryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run folders written by hand through the files' schemas: a {@code run.json}, an edge {@code edge} (and optionally its
 * static control {@code edge-static}) whose {@code edge_inf.csv} has a row of 10 frames every 2 s at a fixed accuracy,
 * and a {@code summary.csv} with the values given.
 */
final class HandMadeRuns {

    static final long T0 = 1_765_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandMadeRuns() {
    }

    /** A completed campaign run with {@code minRetrainImages}, its edge at {@code accuracy}, and its summary. */
    static Path campaignRun(Path campaign, String id, int minRetrainImages, int repeat, double accuracy,
                            Map<String, Double> edgeSummary, Integer exitCode) throws IOException {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        parameters.put("machines[cloud].app.minRetrainImages", IntNode.valueOf(minRetrainImages));
        return campaignRun(campaign, id, parameters, Map.of(), T0 + repeat * 1000L + minRetrainImages, repeat, accuracy,
                edgeSummary, exitCode);
    }

    /**
     * A completed (or, with a null {@code exitCode}, unfinished) campaign run with the swept values {@code parameters},
     * the campaign's {@code labels} of them, its edge at {@code accuracy}, and its summary.
     */
    static Path campaignRun(Path campaign, String id, Map<String, JsonNode> parameters, Map<String, String> labels,
                            long startedAt, int repeat, double accuracy, Map<String, Double> edgeSummary,
                            Integer exitCode) throws IOException {
        Path dir = Files.createDirectories(campaign.resolve(id));
        JsonNode config = JSON.readTree(config("sweep", true));
        RunDescription started = new RunDescription("0.1.0-SNAPSHOT", startedAt, "/tmp/base.json", config, parameters,
                labels, 10L + repeat, repeat, "threshold", null, null);
        (exitCode == null ? started : started.completed(exitCode)).write(dir);
        inference(dir.resolve("edge"), accuracy, 60);
        inference(dir.resolve("edge-static"), 0.4, 60);
        summary(dir, edgeSummary, Map.of("accuracy_last_30s", 40.0));
        return dir;
    }

    /** A plain run folder whose config's experiment is {@code name} (none when null), without a static control. */
    static Path plainRun(Path dir, String name, double accuracy, boolean withSummary) throws IOException {
        Files.createDirectories(dir);
        if (name != null) {
            new RunDescription("0.1.0-SNAPSHOT", T0, "/tmp/user_config.json", JSON.readTree(config(name, false)),
                    Map.of(), Map.of(), 1L, null, null, T0 + 60_000, 0).write(dir);
        }
        inference(dir.resolve("edge"), accuracy, 60);
        if (withSummary) {
            summary(dir, Map.of("accuracy_last_30s", accuracy * 100), null);
        }
        return dir;
    }

    private static String config(String name, boolean control) {
        return """
                {"experiment": {"name": "%s"}, "machines": [
                  {"name": "cloud", "category": "server"},
                  {"name": "edge", "category": "client", "app": {"rate": 5}}%s]}
                """.formatted(name, control
                ? ", {\"name\": \"edge-static\", \"category\": \"client\", \"app\": {\"controlOf\": \"edge\"}}" : "");
    }

    /** {@code edge_inf.csv}: a row of 10 frames every 2 s for {@code seconds}, at {@code accuracy}. */
    static void inference(Path edge, double accuracy, int seconds) throws IOException {
        Files.createDirectories(edge);
        try (CsvRowWriter<InferenceRow> out = InferenceRow.SCHEMA.create(InferenceRow.SCHEMA.in(edge))) {
            for (int t = 2; t <= seconds; t += 2) {
                out.write(new InferenceRow(T0 + t * 1000L, 40, 10, 0.2, 10, accuracy, "1"));
            }
        }
    }

    /** {@code summary.csv}: the edge's values, and the control's when given. */
    static void summary(Path dir, Map<String, Double> edge, Map<String, Double> control) throws IOException {
        try (CsvRowWriter<SummaryRow> out = SummaryRow.SCHEMA.create(SummaryRow.SCHEMA.in(dir))) {
            for (var e : edge.entrySet()) {
                out.write(new SummaryRow("edge", e.getKey(), e.getValue(), unit(e.getKey()), ""));
            }
            if (control != null) {
                for (var e : control.entrySet()) {
                    out.write(new SummaryRow("edge-static", e.getKey(), e.getValue(), unit(e.getKey()), ""));
                }
                out.write(new SummaryRow("edge-static", "gain_over_control_last_30s", Double.NaN, "points",
                        "not measured: edge-static is the control of edge"));
            }
        }
    }

    private static String unit(String metric) {
        return metric.startsWith("gain") ? "points" : metric.startsWith("time") ? "s" : "%";
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
