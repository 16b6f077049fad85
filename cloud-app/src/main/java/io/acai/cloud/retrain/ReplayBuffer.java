package io.acai.cloud.retrain;

import io.acai.detection.LabeledFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Up to {@code capacity} earlier training samples, replayed in every retrain so that the model does
 * not forget what it knew while it learns the drift. A uniform sample of everything offered so far
 * (reservoir sampling, seeded), so old and new rounds are equally represented. Thread-safe.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final Random random;
    private final List<LabeledFrame> held = new ArrayList<>();
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

    /** The samples held now. */
    public synchronized List<LabeledFrame> samples() {
        return List.copyOf(held);
    }

    public int capacity() {
        return capacity;
    }
}
