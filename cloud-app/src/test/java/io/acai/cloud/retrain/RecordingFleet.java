package io.acai.cloud.retrain;

import io.acai.cloud.store.ModelVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An {@link EdgeFleet} in memory: a fixed set of connected edges, and every push and failure told to them. */
final class RecordingFleet implements EdgeFleet {

    /** One push, to the connected edges it reached. */
    record Push(int version, List<String> edges) {
    }

    /** One failure told, to the connected edges it reached. */
    record Failure(List<String> edges, String reason) {
    }

    private final Set<String> connected;
    final List<Push> pushes = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();

    RecordingFleet(String... connected) {
        this.connected = new LinkedHashSet<>(List.of(connected));
    }

    @Override
    public Set<String> connected() {
        return Set.copyOf(connected);
    }

    @Override
    public Delivery push(ModelVersion version, Collection<String> edgeIds, Duration timeout) {
        List<String> reached = connectedOf(edgeIds);
        pushes.add(new Push(version.version(), reached));
        return new Delivery(reached.size(), reached.size());
    }

    @Override
    public void retrainFailed(Collection<String> edgeIds, String reason) {
        failures.add(new Failure(connectedOf(edgeIds), reason));
    }

    private List<String> connectedOf(Collection<String> edgeIds) {
        return edgeIds.stream().filter(connected::contains).sorted().toList();
    }
}
