package io.acai.scenes;

import io.acai.detection.LabeledFrame;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded stream of synthetic scenes from one {@link SceneStyle}: frame {@code i} depends only on
 * the seed, the style, the size and {@code i}, so the same seed gives pixel-identical frames.
 * Thread-safe.
 */
public final class SceneGenerator {

    /** Default frame width, in pixels. */
    public static final int DEFAULT_WIDTH = 320;
    /** Default frame height, in pixels. */
    public static final int DEFAULT_HEIGHT = 240;

    private final long seed;
    private final SceneStyle style;
    private final SceneRenderer renderer;
    private final AtomicLong next = new AtomicLong();

    public SceneGenerator(long seed, SceneStyle style) {
        this(seed, style, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public SceneGenerator(long seed, SceneStyle style, int width, int height) {
        if (style == null) {
            throw new NullPointerException("style");
        }
        this.seed = seed;
        this.style = style;
        this.renderer = new SceneRenderer(width, height);
    }

    /** The next frame of the stream: frame 0, then 1, and so on. */
    public LabeledFrame next() {
        return frame(next.getAndIncrement());
    }

    /** Frame {@code index} of the stream, whatever was drawn before. */
    public LabeledFrame frame(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
        }
        return renderer.render(String.format("scene-%016x-%06d", seed, index), SceneSeeds.frame(seed, index), style);
    }

    public long seed() {
        return seed;
    }

    public SceneStyle style() {
        return style;
    }

    public int width() {
        return renderer.width();
    }

    public int height() {
        return renderer.height();
    }
}
