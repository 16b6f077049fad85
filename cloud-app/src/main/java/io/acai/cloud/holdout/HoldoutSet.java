package io.acai.cloud.holdout;

import io.acai.scenes.DriftScenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud's held-out frames, drawn once from the drift scenario of a camera no edge is: {@value #CAMERA} with
 * seed {@link #SEED}. Frames {@code 0..n-1} of the scenario are the pre-drift frames, frames {@code n..2n-1} (the
 * drift starts at frame {@code n}, no ramp) the drift frames. Edges draw theirs from seeds taken from their names
 * or from the experiment's seed, and the default model was trained and evaluated on {@code SceneGenerator} streams,
 * which no drift scenario draws (docs/default-model.md), so none of them sees these frames.
 */
public final class HoldoutSet {

    /** The scenario's camera name, in the frames' ids. */
    public static final String CAMERA = "cloud-holdout";
    /** The scenario's seed: "HOLDOUT" in ASCII, 20353387305325908. */
    public static final long SEED = 0x484F4C444F5554L;

    private final Map<HoldoutStyle, List<HoldoutFrame>> frames;

    private HoldoutSet(Map<HoldoutStyle, List<HoldoutFrame>> frames) {
        this.frames = frames;
    }

    /** Renders {@code perStyle} frames of each style, letterboxed to {@code inputWidth x inputHeight}. */
    public static HoldoutSet render(int perStyle, int inputWidth, int inputHeight) {
        if (perStyle < 1) {
            throw new IllegalArgumentException("perStyle: " + perStyle + " (expected: >= 1)");
        }
        DriftScenario scenario = DriftScenario.builder(CAMERA).seed(SEED).driftAt(perStyle).build();
        Map<HoldoutStyle, List<HoldoutFrame>> frames = new EnumMap<>(HoldoutStyle.class);
        for (HoldoutStyle style : HoldoutStyle.values()) {
            long first = style == HoldoutStyle.PRE_DRIFT ? 0 : perStyle;
            List<HoldoutFrame> list = new ArrayList<>(perStyle);
            for (long i = first; i < first + perStyle; i++) {
                list.add(HoldoutFrame.of(scenario.frame(i), inputWidth, inputHeight));
            }
            frames.put(style, List.copyOf(list));
        }
        return new HoldoutSet(frames);
    }

    public List<HoldoutFrame> frames(HoldoutStyle style) {
        return frames.get(style);
    }

    /** Bytes the kept pixels take. */
    public long bytes() {
        return frames.values().stream().flatMap(List::stream).mapToLong(HoldoutFrame::bytes).sum();
    }
}
