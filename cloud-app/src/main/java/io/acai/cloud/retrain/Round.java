package io.acai.cloud.retrain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The uploads one retrain uses: every image pending when it started.
 *
 * @param images         in arrival order
 * @param receivedMillis when the upload that completed the round arrived, epoch milliseconds
 */
public record Round(List<PendingImage> images, long receivedMillis) {

    public Round {
        images = List.copyOf(images);
    }

    /** The batches the images came from, each with the number of its images in this round, in arrival order. */
    public Map<BatchKey, Integer> batches() {
        Map<BatchKey, Integer> batches = new LinkedHashMap<>();
        images.forEach(i -> batches.merge(i.batch(), 1, Integer::sum));
        return batches;
    }

    /** The edges that contributed, in order of first contribution. */
    public Set<String> edges() {
        Set<String> edges = new LinkedHashSet<>();
        images.forEach(i -> edges.add(i.edgeId()));
        return edges;
    }
}
