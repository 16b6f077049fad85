package io.acai.cloud.retrain;

import java.util.LinkedHashSet;
import java.util.List;
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

    /** The edges that contributed, in order of first contribution. */
    public Set<String> edges() {
        Set<String> edges = new LinkedHashSet<>();
        images.forEach(i -> edges.add(i.edgeId()));
        return edges;
    }
}
