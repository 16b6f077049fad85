package io.acai.launcher.report;

import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One edge's model update split into its phases, in seconds.
 *
 * <ul>
 *   <li>prepare = send_start - update_start (batch encoded)</li>
 *   <li>upload = send_end - send_start</li>
 *   <li>retrain = the cloud's updated - received for the round that made this model version; without a matching
 *       {@code cloud.csv} row it is receive - send_end, and push is then 0</li>
 *   <li>push = receive - send_end - retrain (waiting for the round, saving, encoding and sending the weights)</li>
 *   <li>load = update_end - receive (checks, load, warm-up and swap)</li>
 * </ul>
 */
public record UpdateRound(String edge, int round, String modelVersion, UpdateRow row, double prepareS, double uploadS,
                          double retrainS, double pushS, double loadS, boolean retrainFromCloud) {

    /** Every complete update of every edge, in order of start. */
    public static List<UpdateRound> of(ExperimentLogs logs) {
        List<RetrainRow> retrains = logs.retrains();
        List<UpdateRound> rounds = new ArrayList<>();
        for (EdgeLogs edge : logs.edges()) {
            int round = 0;
            for (UpdateRow row : edge.updates()) {
                if (hasAllTimes(row)) {
                    rounds.add(of(edge.name(), ++round, row, matching(retrains, row)));
                }
            }
        }
        rounds.sort(Comparator.comparingDouble(r -> r.row().updateStart()));
        return rounds;
    }

    static UpdateRound of(String edge, int round, UpdateRow row, Optional<RetrainRow> retrain) {
        double cloudSide = seconds(row.receive() - row.sendEnd());
        double retrainS = retrain.map(r -> Math.min(seconds(r.retrainMillis()), cloudSide)).orElse(cloudSide);
        return new UpdateRound(edge, round, row.modelVersion(), row, seconds(row.sendStart() - row.updateStart()),
                seconds(row.sendEnd() - row.sendStart()), retrainS, cloudSide - retrainS,
                seconds(row.updateEnd() - row.receive()), retrain.isPresent());
    }

    private static Optional<RetrainRow> matching(List<RetrainRow> retrains, UpdateRow row) {
        if (row.modelVersion().isEmpty()) {
            return Optional.empty();
        }
        return retrains.stream().filter(r -> r.modelVersion().equals(row.modelVersion())).findFirst();
    }

    private static boolean hasAllTimes(UpdateRow row) {
        return !Double.isNaN(row.updateStart()) && !Double.isNaN(row.sendStart()) && !Double.isNaN(row.sendEnd())
                && !Double.isNaN(row.receive()) && !Double.isNaN(row.updateEnd());
    }

    private static double seconds(double millis) {
        return Math.max(0, millis / 1000.0);
    }

    /** Label on the chart's x axis, for example {@code edge1 #2}. */
    public String label() {
        return edge + " #" + round;
    }

    /** Threshold reached to new model serving, s. */
    public double totalS() {
        return prepareS + uploadS + retrainS + pushS + loadS;
    }
}
