package io.acai.cloud.retrain;

import io.acai.detection.LabeledFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What every retrain round replays besides its new uploads, so that the model does not forget what it knew
 * while it learns the drift: the anchors ({@link AnchorSettings}), set once and never replaced, and up to
 * {@code capacity} earlier uploads, a uniform sample of every upload offered so far (reservoir sampling,
 * seeded), so old and new rounds are equally represented. Thread-safe.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final Random random;
    private final List<LabeledFrame> held = new ArrayList<>();
    private List<LabeledFrame> anchors = List.of();
    private long offered;

    public ReplayBuffer(int capacity, long seed) {
        if (capacity < 0) {
            throw new IllegalArgumentException("replay : " + capacity + " (expected: >= 0)");
        }
        this.capacity = capacity;
        this.random = new Random(seed);
    }

    public synchronized void add(LabeledFrame frame) {
        offered++;
        if (held.size() < capacity) {
            held.add(frame);
        } else if (capacity > 0) {
            long slot = (long) (random.nextDouble() * offered);
            if (slot < capacity) {
                held.set((int) slot, frame);
            }
        }
    }

    public synchronized void addAll(List<LabeledFrame> frames) {
        frames.forEach(this::add);
    }

    /** Sets the anchors, replayed in every round besides the earlier uploads. */
    public synchronized void anchor(List<LabeledFrame> frames) {
        anchors = List.copyOf(frames);
    }

    /** The anchors, then the earlier uploads held now. */
    public synchronized List<LabeledFrame> samples() {
        List<LabeledFrame> samples = new ArrayList<>(anchors.size() + held.size());
        samples.addAll(anchors);
        samples.addAll(held);
        return samples;
    }

    public int capacity() {
        return capacity;
    }
}
