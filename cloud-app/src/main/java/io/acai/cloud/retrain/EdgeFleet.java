package io.acai.cloud.retrain;

import io.acai.cloud.store.ModelVersion;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * The connected edges as the retrain loop sees them, by edge id: it pushes a saved version to some
 * of them, or tells them that no version is coming. The cloud's server implements it over its
 * connections; edges that are not connected are left out.
 */
public interface EdgeFleet {

    /** How a push went. */
    record Delivery(int targets, int reached) {
    }

    /** The ids of the edges connected now. */
    Set<String> connected();

    /**
     * Pushes {@code version} to those of {@code edgeIds} that are connected and waits until every
     * push was written or failed, at most {@code timeout}.
     *
     * @return how many of the edges were connected ({@code targets}) and how many pushes were written
     */
    Delivery push(ModelVersion version, Collection<String> edgeIds, Duration timeout) throws InterruptedException;

    /**
     * Tells those of {@code edgeIds} that are connected that the retrain of their uploads ended
     * without a new version, so that they stop waiting for one.
     */
    void retrainFailed(Collection<String> edgeIds, String reason);
}
