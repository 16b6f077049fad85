package io.acai.edge.model;

import io.acai.detection.Detector;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The detector the inference thread uses, and the next one waiting to replace it. A new detector
 * is offered from another thread once it is loaded and warm; the inference thread takes it between
 * two frames ({@link #beforeFrame}), which costs a reference swap. The old detector is closed on
 * the {@code closer} executor, off the inference thread.
 */
public final class DetectorSlot {

    /** A detector with the model it runs. */
    public record Loaded(Detector detector, EdgeModel model) {
    }

    private final AtomicReference<Loaded> next = new AtomicReference<>();
    private final Executor closer;
    private final Consumer<EdgeModel> onSwapped;
    private volatile Loaded current;

    /**
     * @param onSwapped told, on the inference thread, of every model swapped in
     */
    public DetectorSlot(Loaded initial, Executor closer, Consumer<EdgeModel> onSwapped) {
        this.current = initial;
        this.closer = closer;
        this.onSwapped = onSwapped;
    }

    /** Offers a loaded, warm detector; a previous offer not yet taken is closed. */
    public void offer(Loaded loaded) {
        Loaded replaced = next.getAndSet(loaded);
        if (replaced != null) {
            retire(replaced.detector());
        }
    }

    /** Called by the inference thread between frames: swaps in the offered detector, if any. */
    public Detector beforeFrame() {
        Loaded offered = next.getAndSet(null);
        if (offered != null) {
            Loaded old = current;
            current = offered;
            retire(old.detector());
            onSwapped.accept(offered.model());
        }
        return current.detector();
    }

    private void retire(Detector detector) {
        try {
            closer.execute(detector::close);
        } catch (RejectedExecutionException e) {
            detector.close(); // shutting down
        }
    }

    /** The model in use. */
    public EdgeModel model() {
        return current.model();
    }

    /** The version in use, or the one offered and about to be used. */
    public int newestVersion() {
        Loaded offered = next.get();
        return Math.max(current.model().version(), offered == null ? 0 : offered.model().version());
    }

    /** Closes the detectors held; call after the inference thread stopped. */
    public void close() {
        Loaded offered = next.getAndSet(null);
        if (offered != null) {
            offered.detector().close();
        }
        current.detector().close();
    }
}
