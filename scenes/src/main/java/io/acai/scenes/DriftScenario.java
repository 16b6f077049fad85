package io.acai.scenes;

import io.acai.detection.LabeledFrame;
import java.time.Duration;

/**
 * The frames one edge camera sees: {@link SceneStyle#PRE_DRIFT} scenes until the drift starts,
 * then {@link SceneStyle#DRIFT} ones, optionally through a ramp of frames whose style moves
 * linearly from one to the other (dusk). Frame {@code i} depends only on the camera's seed and
 * {@code i}; cameras with different names see different streams. The seed is mixed with a salt
 * first, so a scenario's frames are never those of a {@link SceneGenerator} with the same seed: an
 * experiment with {@code experiment.seed 1} would otherwise judge its edges on the scenes the default
 * model was trained on ({@code SceneGenerator(1)} until 2026-12-07). Thread-safe.
 */
public final class DriftScenario {

    private final String camera;
    private final long seed;
    private final long stream;
    private final SceneStyle before;
    private final SceneStyle after;
    private final long driftStart;
    private final long rampFrames;
    private final SceneRenderer renderer;
    private final Drawing drawing;

    private DriftScenario(Builder builder) {
        this.camera = builder.camera;
        this.seed = builder.seed;
        this.stream = SceneSeeds.scenario(builder.seed);
        this.before = builder.before;
        this.after = builder.after;
        this.driftStart = builder.driftStart;
        this.rampFrames = builder.rampFrames;
        this.renderer = new SceneRenderer(builder.width, builder.height);
        this.drawing = new Drawing(stream, before, after, driftStart, rampFrames, builder.width, builder.height);
    }

    /** A scenario for the camera named {@code camera}, seeded from its name; drift starts at frame 0 unless set. */
    public static Builder builder(String camera) {
        return new Builder(camera);
    }

    /**
     * The seed a scenario for the camera named {@code camera} has unless {@link Builder#seed} replaces it: two
     * scenarios with the same seed, drift start and styles draw the same frames whatever their cameras' names.
     */
    public static long seedOf(String camera) {
        return SceneSeeds.of(camera);
    }

    /** Frame {@code index}: its style is {@link #styleAt}{@code (index)}. */
    public LabeledFrame frame(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
        }
        return renderer.render(frameId(index), SceneSeeds.frame(stream, index), styleAt(index));
    }

    /** The id of frame {@code index}: the camera's name and the index. */
    String frameId(long index) {
        return String.format("%s-%06d", camera, index);
    }

    /**
     * Everything the pixels and the ground truth of this scenario's frames depend on (not the camera's name, which
     * only names them): two scenarios with equal drawings draw equal frames ({@link SharedFrames}).
     */
    Drawing drawing() {
        return drawing;
    }

    /** A scenario's {@link #drawing()}: its stream's seed, styles, drift start and ramp, and frame size. */
    record Drawing(long stream, SceneStyle before, SceneStyle after, long driftStart, long rampFrames, int width,
                   int height) {
    }

    /** The style frame {@code index} is drawn with. */
    public SceneStyle styleAt(long index) {
        if (index < driftStart) {
            return before;
        }
        double progress = Math.min(1, (index - driftStart + 1) / (double) (rampFrames + 1));
        return before.blend(after, progress);
    }

    /** Whether frame {@code index} is at or past the start of the drift. */
    public boolean drifted(long index) {
        return index >= driftStart;
    }

    public String camera() {
        return camera;
    }

    public long seed() {
        return seed;
    }

    public long driftStart() {
        return driftStart;
    }

    public long rampFrames() {
        return rampFrames;
    }

    /** Builds a {@link DriftScenario}. */
    public static final class Builder {

        private final String camera;
        private long seed;
        private SceneStyle before = SceneStyle.PRE_DRIFT;
        private SceneStyle after = SceneStyle.DRIFT;
        private long driftStart;
        private long rampFrames;
        private int width = SceneGenerator.DEFAULT_WIDTH;
        private int height = SceneGenerator.DEFAULT_HEIGHT;

        private Builder(String camera) {
            if (camera == null || camera.isBlank() || !camera.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("camera: '" + camera
                        + "' (expected: letters, digits, '.', '_' or '-', usable in file names)");
            }
            this.camera = camera;
            this.seed = SceneSeeds.of(camera);
        }

        /** Replaces the seed taken from the camera's name. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The styles before and after the drift (default {@code PRE_DRIFT} and {@code DRIFT}). */
        public Builder styles(SceneStyle before, SceneStyle after) {
            if (before == null || after == null) {
                throw new NullPointerException("styles: " + before + ", " + after);
            }
            this.before = before;
            this.after = after;
            return this;
        }

        /** The first frame with drift. */
        public Builder driftAt(long frame) {
            if (frame < 0) {
                throw new IllegalArgumentException("driftAt: " + frame + " (expected: >= 0)");
            }
            this.driftStart = frame;
            return this;
        }

        /** The drift starts after {@code elapsed} of a stream at {@code framesPerSecond}. */
        public Builder driftAfter(Duration elapsed, double framesPerSecond) {
            if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
                throw new IllegalArgumentException("framesPerSecond: " + framesPerSecond + " (expected: > 0)");
            }
            if (elapsed.isNegative()) {
                throw new IllegalArgumentException("elapsed: " + elapsed + " (expected: >= 0)");
            }
            return driftAt(Math.round(elapsed.toNanos() / 1e9 * framesPerSecond));
        }

        /** Frames over which the style moves from before to after; 0 (default) switches at once. */
        public Builder ramp(long frames) {
            if (frames < 0) {
                throw new IllegalArgumentException("ramp: " + frames + " (expected: >= 0)");
            }
            this.rampFrames = frames;
            return this;
        }

        /** Frame size in pixels (default 320x240). */
        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public DriftScenario build() {
            return new DriftScenario(this);
        }
    }
}
