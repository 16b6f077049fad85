package io.acai.edge.source;

import io.acai.detection.LabeledFrame;
import io.acai.scenes.DriftScenario;

/** Frames of the synthetic drift scenario: pre-drift scenes, then drifted ones. */
public final class ScenarioFrames implements FrameSource {

    private final DriftScenario scenario;

    public ScenarioFrames(DriftScenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public LabeledFrame frame(long index) {
        return scenario.frame(index);
    }

    @Override
    public String describe() {
        return "synthetic drift scenario of camera " + scenario.camera() + " (seed " + scenario.seed()
                + ", drift from frame " + scenario.driftStart() + ")";
    }
}
