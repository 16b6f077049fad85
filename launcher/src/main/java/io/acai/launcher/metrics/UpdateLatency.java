package io.acai.launcher.metrics;

import io.acai.records.run.UpdateRow;
import java.util.List;

/**
 * One edge's update latency: from its upload buffer reaching the threshold ({@code update_start}) to the model it
 * led to serving ({@code update_end}), in seconds, over the updates that began with an upload of this edge (a model
 * pushed after another edge's upload has no start here). Median and 95th {@link Percentile}.
 */
public record UpdateLatency(MetricValue median, MetricValue p95) {

    public static UpdateLatency of(List<UpdateRow> updates) {
        double[] seconds = updates.stream().filter(u -> u.isOwnUpload() && Double.isFinite(u.updateEnd()))
                .mapToDouble(u -> (u.updateEnd() - u.updateStart()) / 1000).toArray();
        if (seconds.length == 0) {
            MetricValue none = MetricValue.notMeasured("no update after an upload of its own");
            return new UpdateLatency(none, none);
        }
        String over = seconds.length + (seconds.length == 1 ? " update" : " updates");
        return new UpdateLatency(new MetricValue(Percentile.of(seconds, 0.5), over),
                new MetricValue(Percentile.of(seconds, 0.95), over));
    }
}
