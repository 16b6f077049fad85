package io.acai.cloud.retrain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Frames of the model's own training distribution that every retrain round replays and no upload replaces
 * ({@code --anchors N}, {@code --anchor-data DIR}): what keeps a model that learns the drift from forgetting
 * what it knew. With {@code data}, {@code count} photos of that YOLO or VOC folder as they are (the part the
 * edges serve, {@link io.acai.dataset.DatasetSplit#served}); without, {@code count} pre-drift scenes, which only
 * the project's default model was trained on.
 *
 * @param count frames replayed in every round, {@code >= 0}; 0 replays none
 * @param data the dataset folder the anchors come from, if not the default model's scenes
 */
public record AnchorSettings(int count, Optional<Path> data) {

    /** {@code --anchors}: none, as the original. */
    public static final int DEFAULT_COUNT = 0;
    /** The most anchors a round may replay: every round trains on all of them. */
    public static final int MAX_COUNT = 10_000;

    public static final AnchorSettings NONE = new AnchorSettings(0, Optional.empty());

    public AnchorSettings {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("--anchors : " + count + " (expected: 0.." + MAX_COUNT + ")");
        }
        Objects.requireNonNull(data, "data");
    }
}
