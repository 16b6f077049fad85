package io.acai.edge.source;

import io.acai.detection.LabeledFrame;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.SharedFrames;

/**
 * Frames of the synthetic drift scenario: pre-drift scenes, then drifted ones. Edges of one JVM that play the same
 * scenario (seed, drift start, styles and size; not the edge's name) draw each frame once between them
 * ({@link SharedFrames}); an edge alone in its JVM draws its own and keeps none.
 */
public final class ScenarioFrames implements FrameSource {

    private final SharedFrames.Sharer frames;

    /** The scenario's frames, shared with the other scenarios of the JVM that draw the same ones. */
    public ScenarioFrames(DriftScenario scenario) {
        this(scenario, SharedFrames.jvm());
    }

    public ScenarioFrames(DriftScenario scenario, SharedFrames shared) {
        this.frames = shared.join(scenario);
    }

    @Override
    public LabeledFrame frame(long index) {
        return frames.frame(index);
    }

    @Override
    public String describe() {
        DriftScenario scenario = frames.scenario();
        return "synthetic drift scenario of camera " + scenario.camera() + " (seed " + scenario.seed()
                + ", drift from frame " + scenario.driftStart() + ")";
    }
}
