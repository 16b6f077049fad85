package io.acai.scenes;

import io.acai.detection.ClassNames;
import java.util.Arrays;

/** The class names of the synthetic scenes, the default model's {@code .names}. */
public final class SceneClasses {

    /** {@code circle, square, triangle, cross, star}: {@link SceneShape} in id order. */
    public static final ClassNames NAMES =
            ClassNames.of(Arrays.stream(SceneShape.values()).map(SceneShape::label).toList());

    /**
     * Whether a model of these class names detects the scenes' classes, as the default model does (the same names in
     * the same order, ignoring case): its training distribution can then be drawn as scenes, for example as the
     * cloud's anchors.
     */
    public static boolean detectedBy(ClassNames names) {
        if (names.size() != NAMES.size()) {
            return false;
        }
        for (int i = 0; i < NAMES.size(); i++) {
            if (!names.name(i).strip().equalsIgnoreCase(NAMES.name(i))) {
                return false;
            }
        }
        return true;
    }

    /** The class whose share the drift raises, rare before it. */
    public static final SceneShape DRIFT_CLASS = SceneShape.STAR;

    private SceneClasses() {
    }
}
