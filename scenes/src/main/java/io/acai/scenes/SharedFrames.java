package io.acai.scenes;

import io.acai.detection.LabeledFrame;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frames of drift scenarios drawn once and handed to every scenario of the JVM that draws the same frames: the same
 * {@link DriftScenario.Drawing} (seed, styles, drift start, ramp and frame size; the camera's name only names a
 * frame, and each scenario gets its frames under its own ids). A scenario takes part through {@link #join}.
 *
 * <p>A scenario alone with its drawing draws its frames itself and nothing is kept, so an edge that runs in a JVM of
 * its own pays no memory for this. With several, the first to ask for a frame draws it and keeps it for the sharers
 * that have not reached it yet: a frame is held until each of them has taken it, or until {@code capacity} newer
 * frames push it out (a sharer that far behind the others draws it itself, and keeps it for no one ahead of it). At
 * 320x240 a frame holds 225 KiB, so the {@linkplain #DEFAULT_CAPACITY default capacity} bounds the frames held to
 * about 28 MiB. A shared frame's image is one object for every sharer: it must only be read (detection, judging and
 * uploads only read it).
 *
 * <p>Thread-safe: a frame asked for while another thread draws it is waited for, not drawn twice. A sharer leaves
 * when closed or, failing that, once it is no longer reachable; frames kept for it until then stay until pushed out.
 */
public final class SharedFrames {

    /** Frames held at most by {@link #jvm()}. */
    public static final int DEFAULT_CAPACITY = 128;

    private static final SharedFrames JVM = new SharedFrames(DEFAULT_CAPACITY);
    private static final Cleaner LEAVERS = Cleaner.create();

    private final int capacity;
    private final Map<DriftScenario.Drawing, List<Place>> sharers = new HashMap<>();
    private final Map<FrameKey, Held> held;
    private final AtomicLong drawn = new AtomicLong();

    /** @param capacity the most frames held at once, >= 1 */
    public SharedFrames(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity : " + capacity + " (expected: >= 1 frames)");
        }
        this.capacity = capacity;
        this.held = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<FrameKey, Held> eldest) {
                return size() > SharedFrames.this.capacity;
            }
        };
    }

    /** The JVM's frames, shared by every scenario that joins them ({@value #DEFAULT_CAPACITY} frames at most). */
    public static SharedFrames jvm() {
        return JVM;
    }

    /** Makes {@code scenario} one of the sharers of its drawing; its frames come from the returned sharer. */
    public Sharer join(DriftScenario scenario) {
        Place place = new Place(scenario.drawing());
        synchronized (this) {
            sharers.computeIfAbsent(place.drawing, d -> new ArrayList<>()).add(place);
        }
        return new Sharer(scenario, place);
    }

    private synchronized void leave(Place place) {
        sharers.computeIfPresent(place.drawing, (d, places) -> {
            places.remove(place);
            return places.isEmpty() ? null : places;
        });
    }

    /** The frames held now, waiting for a sharer to take them. */
    public synchronized int held() {
        return held.size();
    }

    /** The frames drawn so far by the sharers of this cache, alone or shared. */
    public long drawn() {
        return drawn.get();
    }

    private LabeledFrame frame(DriftScenario scenario, Place place, long index) {
        FrameKey key = new FrameKey(place.drawing, index);
        Held entry;
        boolean draw;
        synchronized (this) {
            place.position = index;
            entry = held.get(key);
            draw = entry == null;
            if (draw) {
                int waiting = 0;
                for (Place other : sharers.getOrDefault(place.drawing, List.of())) {
                    waiting += other.position < index ? 1 : 0;
                }
                if (waiting > 0) {
                    entry = new Held(waiting);
                    held.put(key, entry);
                }
            } else if (--entry.waiting == 0) {
                held.remove(key);
            }
        }
        if (draw) {
            return draw(scenario, index, key, entry);
        }
        LabeledFrame shared;
        try {
            shared = entry.frame.join();
        } catch (CompletionException e) {
            // the sharer drawing it failed: draw it here, where the same fault is thrown to this sharer
            return draw(scenario, index, key, null);
        }
        return new LabeledFrame(scenario.frameId(index), shared.image(), shared.objects());
    }

    private LabeledFrame draw(DriftScenario scenario, long index, FrameKey key, Held entry) {
        LabeledFrame frame;
        try {
            frame = scenario.frame(index);
        } catch (RuntimeException | Error e) {
            if (entry != null) {
                entry.frame.completeExceptionally(e);
                synchronized (this) {
                    held.remove(key, entry);
                }
            }
            throw e;
        }
        drawn.incrementAndGet();
        if (entry != null) {
            entry.frame.complete(frame);
        }
        return frame;
    }

    /** Frame {@code index} of a drawing. */
    private record FrameKey(DriftScenario.Drawing drawing, long index) {
    }

    /** A sharer's drawing, and the last frame it asked for (guarded by the cache's lock). */
    private static final class Place {

        final DriftScenario.Drawing drawing;
        long position = -1;

        Place(DriftScenario.Drawing drawing) {
            this.drawing = drawing;
        }
    }

    /** A frame kept for {@code waiting} more sharers; its future completes once it is drawn. */
    private static final class Held {

        final CompletableFuture<LabeledFrame> frame = new CompletableFuture<>();
        int waiting;

        Held(int waiting) {
            this.waiting = waiting;
        }
    }

    /** One scenario among the sharers of its drawing: its frames, drawn by it or by another sharer. */
    public final class Sharer implements AutoCloseable {

        private final DriftScenario scenario;
        private final Place place;
        private final Cleaner.Cleanable leaving;

        private Sharer(DriftScenario scenario, Place place) {
            this.scenario = scenario;
            this.place = place;
            SharedFrames frames = SharedFrames.this;
            this.leaving = LEAVERS.register(this, () -> frames.leave(place));
        }

        /** Frame {@code index} of the scenario, pixel for pixel {@link DriftScenario#frame}{@code (index)}. */
        public LabeledFrame frame(long index) {
            if (index < 0) {
                throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
            }
            return SharedFrames.this.frame(scenario, place, index);
        }

        public DriftScenario scenario() {
            return scenario;
        }

        /** Leaves the sharers (once; later calls do nothing): frames are no longer kept for this scenario. */
        @Override
        public void close() {
            leaving.clean();
        }
    }
}
