package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import java.util.List;

/**
 * The CSV files of a run's logs folder: {@code <machine>/edge_inf.csv}, {@code <machine>/edge_update.csv},
 * {@code <machine>/cloud.csv} and {@code <machine>/holdout.csv}, written by the apps, and {@code consumption.csv}
 * and {@code links.csv}, written by the launcher while the run goes. A new file gets a row record with its
 * {@link CsvSchema} and a place in {@link #ALL}. {@code summary.csv} is derived from these at the end of a run
 * and listed apart, in {@link #SUMMARY}.
 */
public final class RunFiles {

    /** Files an edge writes, in its folder. */
    public static final List<CsvSchema<?>> EDGE = List.of(InferenceRow.SCHEMA, UpdateRow.SCHEMA);
    /** Files a cloud writes, in its folder. */
    public static final List<CsvSchema<?>> CLOUD = List.of(RetrainRow.SCHEMA, HoldoutRow.SCHEMA);
    /** Files the launcher writes at the top of the logs folder. */
    public static final List<CsvSchema<?>> LOGS_FOLDER = List.of(ConsumptionRow.SCHEMA, LinkRow.SCHEMA);
    /** Every file written while the run goes. */
    public static final List<CsvSchema<?>> ALL = List.of(InferenceRow.SCHEMA, UpdateRow.SCHEMA, RetrainRow.SCHEMA,
            HoldoutRow.SCHEMA, ConsumptionRow.SCHEMA, LinkRow.SCHEMA);
    /**
     * What the launcher computes from the run files at the end of a run, at the top of the logs folder: the learning
     * and consumption metrics ({@code docs/metrics.md}).
     */
    public static final List<CsvSchema<?>> SUMMARY = List.of(SummaryRow.SCHEMA);
    /**
     * The cloud's upload spool's own file, in {@code <cloud>/spool/} beside its binary batch files: the batches taken
     * off the spool ({@link SpoolRow}). Listed apart: it is the cloud's state across restarts, read by the cloud
     * itself and by the durability test and benchmark, not by the report.
     */
    public static final List<CsvSchema<?>> SPOOL = List.of(SpoolRow.SCHEMA);

    private RunFiles() {
    }
}
