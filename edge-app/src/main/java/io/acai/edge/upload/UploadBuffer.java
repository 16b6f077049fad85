package io.acai.edge.upload;

import io.acai.protocol.UploadImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Mispredicted frames waiting to be uploaded, already encoded. Holds at most {@code capacity}: beyond that, the
 * oldest frame is dropped (while an update is outstanding, the buffer keeps the freshest frames).
 * Thread-safe.
 */
public final class UploadBuffer {

    private final int threshold;
    private final int capacity;
    private final Deque<UploadImage> frames = new ArrayDeque<>();
    private long dropped;

    public UploadBuffer(int threshold, int capacity) {
        if (threshold < 1) {
            throw new IllegalArgumentException("--upload-threshold : " + threshold + " (expected: >= 1)");
        }
        if (capacity < threshold) {
            throw new IllegalArgumentException("capacity : " + capacity + " (expected: >= threshold " + threshold + ")");
        }
        this.threshold = threshold;
        this.capacity = capacity;
    }

    /** Adds a frame; returns whether the buffer now holds at least the threshold. */
    public synchronized boolean add(UploadImage frame) {
        frames.addLast(frame);
        if (frames.size() > capacity) {
            frames.removeFirst();
            dropped++;
        }
        return frames.size() >= threshold;
    }

    /** Takes every frame held, oldest first. */
    public synchronized List<UploadImage> drain() {
        List<UploadImage> all = new ArrayList<>(frames);
        frames.clear();
        return all;
    }

    public synchronized int size() {
        return frames.size();
    }

    /** Frames dropped because the buffer was full. */
    public synchronized long dropped() {
        return dropped;
    }

    public int threshold() {
        return threshold;
    }
}
