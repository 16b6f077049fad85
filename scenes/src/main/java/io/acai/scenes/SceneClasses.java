package io.acai.scenes;

import io.acai.detection.ClassNames;
import java.util.Arrays;

/** The class names of the synthetic scenes, the default model's {@code .names}. */
public final class SceneClasses {

    /** {@code circle, square, triangle, cross, star}: {@link SceneShape} in id order. */
    public static final ClassNames NAMES =
            ClassNames.of(Arrays.stream(SceneShape.values()).map(SceneShape::label).toList());

    /** The class whose share the drift raises, rare before it. */
    public static final SceneShape DRIFT_CLASS = SceneShape.STAR;

    private SceneClasses() {
    }
}
