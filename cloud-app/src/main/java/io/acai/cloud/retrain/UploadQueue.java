package io.acai.cloud.retrain;

import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Uploads waiting for the next retrain. A batch id already received from the same edge is a
 * duplicate (an edge resends a batch whose acknowledgement it missed) and adds nothing; so does an
 * image id already received from the same edge. {@link #take} hands the retrain loop everything
 * pending once there is enough; uploads arriving during a retrain wait for the next one and none is
 * lost. The memory of seen ids is bounded: the oldest ids are forgotten after {@code maxRemembered}.
 *
 * <p>With an {@link UploadSpool}, {@link #offer} writes a new batch to disk before it returns (the cloud acknowledges
 * it after), the batches found in the spool at start are pending at once, the batch ids the spool has seen count as
 * received (image ids of batches already trained on are not remembered across a restart), and {@link #takenOff}
 * takes a round's batches off the spool once the retrain is done with them. Without one, uploads are kept in
 * memory only. Thread-safe.
 */
public final class UploadQueue {

    /** What an upload added. */
    public record Receipt(int accepted, boolean duplicate) {
    }

    private final int maxRemembered;
    private final Optional<UploadSpool> spool;
    private final Set<BatchKey> seenBatches = new LinkedHashSet<>();
    private final Set<String> seenImages = new LinkedHashSet<>();
    private final List<PendingImage> pending = new ArrayList<>();
    private long lastReceivedMillis;

    /** Uploads in memory only. */
    public UploadQueue() {
        this(1_000_000);
    }

    /** Uploads in memory only, remembering at most {@code maxRemembered} batch and image ids. */
    public UploadQueue(int maxRemembered) {
        this(maxRemembered, Optional.empty());
    }

    /** Uploads written to {@code spool}, with what it held queued. */
    public UploadQueue(UploadSpool spool) {
        this(1_000_000, Optional.of(spool));
    }

    private UploadQueue(int maxRemembered, Optional<UploadSpool> spool) {
        if (maxRemembered <= 0) {
            throw new IllegalArgumentException("maxRemembered : " + maxRemembered + " (expected: > 0)");
        }
        this.maxRemembered = maxRemembered;
        this.spool = spool;
        spool.ifPresent(this::restore);
    }

    private synchronized void restore(UploadSpool from) {
        from.takenOffBefore().forEach(key -> remember(seenBatches, key));
        for (UploadSpool.Spooled spooled : from.restored()) {
            add(spooled.batch(), spooled.receivedMillis());
        }
    }

    /**
     * Takes a batch: a duplicate adds nothing; the images of a new one not seen before are written to the spool,
     * when there is one, before they are queued.
     *
     * @throws IOException when the spool cannot write it: the batch is not taken, and must not be acknowledged
     */
    public synchronized Receipt offer(UploadBatch batch, long receivedMillis) throws IOException {
        if (seenBatches.contains(BatchKey.of(batch))) {
            return new Receipt(0, true);
        }
        List<UploadImage> fresh = batch.images().stream()
                .filter(image -> !seenImages.contains(batch.edgeId() + "\n" + image.imageId())).toList();
        if (spool.isPresent() && !fresh.isEmpty()) {
            // only the images it will train on: a batch in the spool is pending until a round takes it off
            spool.get().write(new UploadBatch(batch.batchId(), batch.edgeId(), fresh), receivedMillis);
        }
        return new Receipt(add(batch, receivedMillis), false);
    }

    private int add(UploadBatch batch, long receivedMillis) {
        if (!remember(seenBatches, BatchKey.of(batch))) {
            return 0;
        }
        int accepted = 0;
        for (UploadImage image : batch.images()) {
            if (remember(seenImages, batch.edgeId() + "\n" + image.imageId())) {
                pending.add(new PendingImage(batch.edgeId(), batch.batchId(), image, receivedMillis));
                accepted++;
            }
        }
        if (accepted > 0) {
            lastReceivedMillis = Math.max(lastReceivedMillis, receivedMillis);
            notifyAll();
        }
        return accepted;
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

    /**
     * The retrain is done with {@code round}: its batches are taken off the spool with {@code outcome}
     * ({@link io.acai.records.run.SpoolRow}'s) and the model version it made or kept. Nothing without a spool.
     */
    public synchronized void takenOff(Round round, String outcome, int modelVersion) throws IOException {
        if (spool.isPresent()) {
            spool.get().takeOff(round.batches(), outcome, modelVersion);
        }
    }

    public synchronized int pendingImages() {
        return pending.size();
    }

    private <T> boolean remember(Set<T> seen, T key) {
        if (!seen.add(key)) {
            return false;
        }
        if (seen.size() > maxRemembered) {
            seen.remove(seen.iterator().next());
        }
        return true;
    }
}
