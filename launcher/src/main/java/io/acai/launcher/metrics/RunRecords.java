package io.acai.launcher.metrics;

import io.acai.records.run.ConsumptionRow;
import java.util.List;

/** The rows of a run's files that the metrics are computed from, read through records' schemas. */
public record RunRecords(List<EdgeRecords> edges, List<CloudRecords> clouds, List<ConsumptionRow> consumption) {

    public RunRecords {
        edges = List.copyOf(edges);
        clouds = List.copyOf(clouds);
        consumption = List.copyOf(consumption);
    }
}
