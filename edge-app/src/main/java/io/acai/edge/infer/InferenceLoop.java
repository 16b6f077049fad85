package io.acai.edge.infer;

import io.acai.detection.Detection;
import io.acai.detection.Detector;
import io.acai.detection.LabeledFrame;
import io.acai.edge.model.DetectorSlot;
import io.acai.edge.source.FrameSource;
import io.acai.records.RunFileWriteException;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.InferenceRow;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The edge's inference thread: takes each request in turn, swaps in a new detector if one is
 * ready (between two frames), detects objects in the request's frame, judges them against the
 * ground truth, and hands mispredicted frames to {@code onMispredicted}. Every
 * {@value InferenceWindow#SIZE} inferences it writes a row of {@code edge_inf.csv} and a METRIC line. A request
 * that fails is logged and the loop goes on; a failed write of the CSV or the log ends the loop with its
 * {@link RunFileWriteException}.
 */
public final class InferenceLoop implements Runnable {

    /**
     * What {@link #stop()} puts in the queue to wake the loop: it sleeps in {@code take()} between requests (a poll
     * with a timeout woke an idle edge 10 times a second, 0.85 ms of CPU per frame at 1 frame/s).
     */
    private static final Request STOP = new Request(-1, 0);

    private final BlockingQueue<Request> queue;
    private final FrameSource source;
    private final DetectorSlot slot;
    private final FrameCheck judge;
    private final Consumer<LabeledFrame> onMispredicted;
    private final CsvRowWriter<InferenceRow> csv;
    private final RunLog log;
    private final InferenceWindow window = new InferenceWindow();
    private volatile Observer observer = (request, takenNanos, endNanos, version) -> { };
    private volatile boolean running = true;
    private volatile long inferences;
    private volatile long maxWaitNanos;
    private final WaitHistogram waits = new WaitHistogram();
    private volatile long maxSwapNanos;

    public InferenceLoop(BlockingQueue<Request> queue, FrameSource source, DetectorSlot slot, FrameCheck judge,
                         Consumer<LabeledFrame> onMispredicted, CsvRowWriter<InferenceRow> csv,
                         RunLog log) {
        this.queue = queue;
        this.source = source;
        this.slot = slot;
        this.judge = judge;
        this.onMispredicted = onMispredicted;
        this.csv = csv;
        this.log = log;
    }

    @Override
    public void run() {
        while (running) {
            Request request;
            try {
                request = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (request == STOP) {
                return;
            }
            try {
                serve(request);
            } catch (RunFileWriteException e) {
                // not one request's failure: the edge cannot record what it does, so the thread ends, and the app
                throw e;
            } catch (Exception e) {
                log.warn("request " + request.index() + " failed: " + e);
            }
        }
    }

    private void serve(Request request) throws Exception {
        long taken = System.nanoTime();
        int before = slot.model().version();
        Detector detector = slot.beforeFrame();
        if (slot.model().version() != before) {
            maxSwapNanos = Math.max(maxSwapNanos, System.nanoTime() - taken);
        }
        int version = slot.model().version();
        int waiting = queue.size();
        LabeledFrame frame = source.frame(request.index());
        long start = System.nanoTime();
        List<Detection> detections = detector.detect(frame.image());
        long end = System.nanoTime();
        boolean correct = judge.correct(detections, frame.objects());
        inferences++;
        maxWaitNanos = Math.max(maxWaitNanos, taken - request.enqueuedNanos());
        waits.add(taken - request.enqueuedNanos());
        observer.served(request, taken, end, version);
        if (!correct) {
            onMispredicted.accept(frame);
        }
        InferenceWindow.Summary summary = window.add(end - start, taken - request.enqueuedNanos(), waiting, correct,
                version, System.currentTimeMillis());
        if (summary != null) {
            csv.write(summary.row());
            log.metric("inference", summary.metricValues());
        }
    }

    /** Hears about every request served, on the inference thread (for measurements); keep it quick. */
    @FunctionalInterface
    public interface Observer {

        /**
         * @param takenNanos {@link System#nanoTime()} when the loop took the request
         * @param endNanos   when its detection ended
         */
        void served(Request request, long takenNanos, long endNanos, int modelVersion);
    }

    public void observe(Observer newObserver) {
        this.observer = newObserver;
    }

    /** Ends the loop after the request it is serving, if any. */
    public void stop() {
        running = false;
        queue.offer(STOP);
    }

    /** The longest a request waited in the queue so far, in nanoseconds. */
    public long maxWaitNanos() {
        return maxWaitNanos;
    }

    /** How long every request served so far waited in the queue. */
    public WaitHistogram waits() {
        return waits;
    }

    /** The longest swap of a detector between two frames so far, in nanoseconds. */
    public long maxSwapNanos() {
        return maxSwapNanos;
    }

    /** Inferences done so far. */
    public long inferences() {
        return inferences;
    }
}
