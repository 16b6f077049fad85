package io.acai.cloud.holdout;

import io.acai.dataset.Dataset;
import io.acai.dataset.DatasetEntry;
import io.acai.dataset.DatasetSplit;
import io.acai.detection.LabeledFrame;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.PhotoDrift;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud's held-out frames, drawn once from the drift scenario of a camera no edge is: {@value #CAMERA} with
 * seed {@link #SEED}. Frames {@code 0..n-1} of the scenario are the pre-drift frames, frames {@code n..2n-1} (the
 * drift starts at frame {@code n}, no ramp) the drift frames. Edges draw theirs from seeds taken from their names
 * or from the experiment's seed, and the default model was trained and evaluated on {@code SceneGenerator} streams,
 * which no drift scenario draws (docs/default-model.md), so none of them sees these frames. With a dataset
 * ({@link #photos}), the held-out photos of {@link DatasetSplit}, which no edge serves.
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

    /** The given frames of each style, letterboxed to {@code inputWidth x inputHeight} (a benchmark's own set). */
    public static HoldoutSet of(List<LabeledFrame> preDrift, List<LabeledFrame> drift, int inputWidth,
                                int inputHeight) {
        if (preDrift.isEmpty() || drift.isEmpty()) {
            throw new IllegalArgumentException("frames: " + preDrift.size() + " pre-drift, " + drift.size()
                    + " drift (expected: at least one of each)");
        }
        Map<HoldoutStyle, List<HoldoutFrame>> frames = new EnumMap<>(HoldoutStyle.class);
        frames.put(HoldoutStyle.PRE_DRIFT,
                preDrift.stream().map(f -> HoldoutFrame.of(f, inputWidth, inputHeight)).toList());
        frames.put(HoldoutStyle.DRIFT, drift.stream().map(f -> HoldoutFrame.of(f, inputWidth, inputHeight)).toList());
        return new HoldoutSet(frames);
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

    /**
     * The held-out photos of {@code dataset} ({@link DatasetSplit#heldOut}), at most {@code perStyle}: as they are
     * (pre-drift) and as the drifted camera records them (drift); for a class-mix drift, the held-out photos without
     * its classes and those with one. Without a drift both styles are the same photos.
     */
    public static HoldoutSet photos(Dataset dataset, Optional<PhotoDrift> drift, int perStyle, int inputWidth,
                                    int inputHeight) throws IOException {
        Map<HoldoutStyle, List<HoldoutFrame>> frames = new EnumMap<>(HoldoutStyle.class);
        frames.put(HoldoutStyle.PRE_DRIFT, new ArrayList<>());
        frames.put(HoldoutStyle.DRIFT, new ArrayList<>());
        long index = 0;
        for (DatasetEntry entry : DatasetSplit.heldOut(dataset)) {
            LabeledFrame photo = dataset.load(entry);
            boolean classMix = drift.isPresent() && drift.get().classMix();
            if (!classMix || !drift.get().drifted(photo)) {
                add(frames.get(HoldoutStyle.PRE_DRIFT), perStyle, photo, inputWidth, inputHeight);
            }
            if (!classMix || drift.get().drifted(photo)) {
                LabeledFrame recorded = drift.isPresent() ? drift.get().apply(photo, index) : photo;
                add(frames.get(HoldoutStyle.DRIFT), perStyle, recorded, inputWidth, inputHeight);
            }
            index++;
        }
        for (Map.Entry<HoldoutStyle, List<HoldoutFrame>> style : frames.entrySet()) {
            if (style.getValue().isEmpty()) {
                throw new IOException("--holdout-data " + dataset.root() + ": no held-out photo for the "
                        + style.getKey().label() + " style" + drift.map(d -> " of drift " + d).orElse(""));
            }
            style.setValue(List.copyOf(style.getValue()));
        }
        return new HoldoutSet(frames);
    }

    private static void add(List<HoldoutFrame> list, int most, LabeledFrame frame, int inputWidth, int inputHeight) {
        if (list.size() < most) {
            list.add(HoldoutFrame.of(frame, inputWidth, inputHeight));
        }
    }

    public List<HoldoutFrame> frames(HoldoutStyle style) {
        return frames.get(style);
    }

    /** Bytes the kept pixels take. */
    public long bytes() {
        return frames.values().stream().flatMap(List::stream).mapToLong(HoldoutFrame::bytes).sum();
    }
}
