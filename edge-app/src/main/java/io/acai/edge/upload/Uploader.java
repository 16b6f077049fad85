package io.acai.edge.upload;

import io.acai.detection.LabeledFrame;
import io.acai.protocol.AcaiEncoder;
import io.acai.protocol.ProtocolLimits;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import io.acai.options.WorkerStop;
import io.acai.records.RunLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes mispredicted frames (JPEG, or PNG when lossless) as they come and buffers them; when the buffer reaches the
 * threshold and no update is outstanding, hands the batch to the {@link CloudLink}. All on its
 * own thread, so inference goes on. Batch ids start at the clock's milliseconds and count up, so they
 * stay unique across edge restarts.
 */
public final class Uploader implements AutoCloseable {

    private final UploadBuffer buffer;
    private final UpdateTracker tracker;
    private final CloudLink cloud;
    private final String edgeId;
    private final ProtocolLimits limits;
    private final RunLog log;
    private final int inputWidth;
    private final int inputHeight;
    private final UploadEncoding encoding;
    private final AtomicLong batchIds = new AtomicLong(System.currentTimeMillis());
    private final ExecutorService worker;

    /**
     * Frames go up letterboxed to the model's {@code inputWidth x inputHeight}, what the cloud trains on, encoded as
     * {@code encoding} says.
     */
    public Uploader(UploadBuffer buffer, UpdateTracker tracker, CloudLink cloud, String edgeId, ProtocolLimits limits,
                    RunLog log, int inputWidth, int inputHeight, UploadEncoding encoding) {
        this.encoding = encoding;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.buffer = buffer;
        this.tracker = tracker;
        this.cloud = cloud;
        this.edgeId = edgeId;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "acai-upload-" + edgeId);
            t.setDaemon(true);
            return t;
        });
        this.limits = limits;
        this.log = log;
    }

    /**
     * A mispredicted frame, from the inference thread: it is encoded on the upload thread right
     * away, so that a batch is ready to go when the threshold is reached.
     */
    public void offer(LabeledFrame frame) {
        long detectedMillis = System.currentTimeMillis();
        worker.execute(() -> encodeAndBuffer(frame, detectedMillis));
    }

    private void encodeAndBuffer(LabeledFrame frame, long detectedMillis) {
        UploadImage image;
        try {
            image = UploadImages.encode(frame, inputWidth, inputHeight, encoding);
        } catch (IOException | RuntimeException e) {
            log.warn("frame " + frame.id() + " not uploaded: " + e);
            return;
        }
        // the update starts when the frame that reached the threshold was judged, not when it was encoded
        if (buffer.add(image) && tracker.begin(detectedMillis)) {
            upload();
        }
    }

    private void upload() {
        UploadBatch batch = fit(buffer.drain());
        long bytes = AcaiEncoder.encodedSize(batch);
        tracker.prepared(System.currentTimeMillis(), batch.batchId(), batch.images().size(), bytes);
        log.info("upload of " + batch.images().size() + " mispredicted frames as batch " + batch.batchId() + " ("
                + bytes + " bytes)" + (buffer.dropped() > 0 ? ", " + buffer.dropped() + " dropped so far while the buffer was full" : ""));
        cloud.upload(batch);
    }

    /** The batch of the newest images that fits the protocol's limits. */
    private UploadBatch fit(List<UploadImage> images) {
        List<UploadImage> kept = new ArrayList<>(images);
        while (kept.size() > limits.maxImagesPerBatch()) {
            kept.remove(0);
        }
        UploadBatch batch = new UploadBatch(batchIds.incrementAndGet(), edgeId, kept);
        while (AcaiEncoder.encodedSize(batch) > limits.maxFrameLength() && !kept.isEmpty()) {
            kept.remove(0);
            batch = new UploadBatch(batch.batchId(), edgeId, kept);
        }
        if (kept.size() < images.size()) {
            log.warn("batch " + batch.batchId() + ": " + (images.size() - kept.size())
                    + " oldest frames left out to fit the protocol limits");
        }
        return batch;
    }

    @Override
    public void close() {
        WorkerStop.now(worker, Duration.ofSeconds(5));
    }
}
