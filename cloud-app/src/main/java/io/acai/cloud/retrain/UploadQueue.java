package io.acai.cloud.retrain;

import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Uploads waiting for the next retrain. A batch id already received from the same edge is a
 * duplicate (an edge resends a batch whose acknowledgement it missed) and adds nothing; so does an
 * image id already received from the same edge. {@link #take} hands the retrain loop everything
 * pending once there is enough; uploads arriving during a retrain wait for the next one and none is
 * lost. The memory of seen ids is bounded: the oldest ids are forgotten after {@code maxRemembered}.
 * Thread-safe.
 */
public final class UploadQueue {

    /** What an upload added. */
    public record Receipt(int accepted, boolean duplicate) {
    }

    private final int maxRemembered;
    private final Set<String> seenBatches = new LinkedHashSet<>();
    private final Set<String> seenImages = new LinkedHashSet<>();
    private final List<PendingImage> pending = new ArrayList<>();
    private long lastReceivedMillis;

    public UploadQueue() {
        this(1_000_000);
    }

    public UploadQueue(int maxRemembered) {
        if (maxRemembered <= 0) {
            throw new IllegalArgumentException("maxRemembered : " + maxRemembered + " (expected: > 0)");
        }
        this.maxRemembered = maxRemembered;
    }

    public synchronized Receipt offer(UploadBatch batch, long receivedMillis) {
        if (!remember(seenBatches, batch.edgeId() + "\n" + batch.batchId())) {
            return new Receipt(0, true);
        }
        int accepted = 0;
        for (UploadImage image : batch.images()) {
            if (remember(seenImages, batch.edgeId() + "\n" + image.imageId())) {
                pending.add(new PendingImage(batch.edgeId(), image, receivedMillis));
                accepted++;
            }
        }
        if (accepted > 0) {
            lastReceivedMillis = receivedMillis;
            notifyAll();
        }
        return new Receipt(accepted, false);
    }

    /**
     * Waits until at least {@code max(1, minImages)} images are pending, then takes them all.
     *
     * @return the round, or {@code null} when {@code timeout} passed first
     */
    public synchronized Round take(int minImages, long timeout, TimeUnit unit) throws InterruptedException {
        int needed = Math.max(1, minImages);
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (pending.size() < needed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Round round = new Round(pending, lastReceivedMillis);
        pending.clear();
        return round;
    }

    public synchronized int pendingImages() {
        return pending.size();
    }

    private boolean remember(Set<String> seen, String key) {
        if (!seen.add(key)) {
            return false;
        }
        if (seen.size() > maxRemembered) {
            seen.remove(seen.iterator().next());
        }
        return true;
    }
}
