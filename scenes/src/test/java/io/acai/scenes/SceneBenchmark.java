package io.acai.scenes;

import io.acai.detection.LabeledFrame;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Generation cost per frame, for docs/benchmarks.md. Run by the {@code benchmarks}
 * profile, not by {@code mvn verify}:
 * {@code mvn -B test -Pbenchmarks -pl scenes -am -Dtest=SceneBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints numbers; asserts nothing about time.
 */
@Tag("benchmark")
class SceneBenchmark {

    @Test
    void millisecondsPerFrame() {
        for (int round = 0; round < 3; round++) {
            for (SceneStyle style : new SceneStyle[] {SceneStyle.PRE_DRIFT, SceneStyle.DRIFT}) {
                SceneGenerator generator = new SceneGenerator(round, style);
                for (int i = 0; i < 300; i++) {
                    generator.next();
                }
                int frames = 2000;
                long objects = 0;
                long start = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    LabeledFrame frame = generator.next();
                    objects += frame.objects().size();
                }
                double millis = (System.nanoTime() - start) / 1e6 / frames;
                System.out.printf(Locale.ROOT, "round %d %-9s 320x240: %.3f ms/frame (%.2f objects/frame)%n", round,
                        style == SceneStyle.DRIFT ? "DRIFT" : "PRE_DRIFT", millis, objects / (double) frames);
            }
        }
    }
}
