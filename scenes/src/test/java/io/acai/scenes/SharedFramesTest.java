package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.LabeledFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedFramesTest {

    private static DriftScenario scenario(String camera) {
        return DriftScenario.builder(camera).seed(7).driftAt(10).ramp(5).build();
    }

    /** The frame as the camera's own scenario draws it: same pixels, same objects, the camera's id. */
    private static void assertDrawnAfresh(LabeledFrame frame, String camera, long index) {
        LabeledFrame fresh = scenario(camera).frame(index);
        assertThat(frame.id()).isEqualTo(fresh.id()).isEqualTo(String.format("%s-%06d", camera, index));
        assertThat(SceneGeneratorTest.bytes(frame)).isEqualTo(SceneGeneratorTest.bytes(fresh));
        assertThat(frame.objects()).isEqualTo(fresh.objects());
    }

    @Test
    void sharersOfOneScenarioGetEachFrameDrawnOnceAndPixelForPixelAsDrawnAlone() {
        SharedFrames shared = new SharedFrames(16);
        SharedFrames.Sharer one = shared.join(scenario("edge-1"));
        SharedFrames.Sharer two = shared.join(scenario("edge-2"));
        for (long i = 0; i < 30; i++) {
            // each one first in turn, through the drift (frame 10) and its ramp
            LabeledFrame first = i % 2 == 0 ? one.frame(i) : two.frame(i);
            assertThat(shared.held()).isEqualTo(1);
            LabeledFrame second = i % 2 == 0 ? two.frame(i) : one.frame(i);
            assertThat(shared.held()).isZero();
            assertDrawnAfresh(i % 2 == 0 ? first : second, "edge-1", i);
            assertDrawnAfresh(i % 2 == 0 ? second : first, "edge-2", i);
            assertThat(second.image()).isSameAs(first.image());
        }
        assertThat(shared.drawn()).isEqualTo(30);
    }

    @Test
    void aScenarioAloneDrawsItsOwnFramesAndKeepsNone() {
        SharedFrames shared = new SharedFrames(16);
        SharedFrames.Sharer alone = shared.join(scenario("edge-1"));
        SharedFrames.Sharer other = shared.join(DriftScenario.builder("edge-2").seed(7).driftAt(11).ramp(5).build());
        for (long i = 0; i < 12; i++) {
            assertDrawnAfresh(alone.frame(i), "edge-1", i);
            other.frame(i);
            assertThat(shared.held()).isZero();
        }
        // another drift start is another scenario, even where the frames before it are the same
        assertThat(shared.drawn()).isEqualTo(24);
    }

    @Test
    void framesHeldForASharerFarBehindAreBoundedByTheCapacity() {
        SharedFrames shared = new SharedFrames(8);
        SharedFrames.Sharer ahead = shared.join(scenario("edge-1"));
        SharedFrames.Sharer behind = shared.join(scenario("edge-2"));
        for (long i = 0; i < 40; i++) {
            ahead.frame(i);
        }
        assertThat(shared.held()).isEqualTo(8);
        for (long i = 0; i < 40; i++) {
            assertDrawnAfresh(behind.frame(i), "edge-2", i);
        }
        // frames 32-39 were waiting for it; 0-31 it drew again itself, for no one
        assertThat(shared.drawn()).isEqualTo(40 + 32);
        assertThat(shared.held()).isZero();
    }

    @Test
    void aClosedSharerNoLongerHasFramesKeptForIt() {
        SharedFrames shared = new SharedFrames(8);
        SharedFrames.Sharer one = shared.join(scenario("edge-1"));
        SharedFrames.Sharer two = shared.join(scenario("edge-2"));
        one.frame(0);
        assertThat(shared.held()).isEqualTo(1);
        two.close();
        two.close();
        one.frame(1);
        assertThat(shared.held()).isEqualTo(1);
        SharedFrames.Sharer three = shared.join(scenario("edge-3"));
        assertDrawnAfresh(three.frame(0), "edge-3", 0);
        assertThat(shared.held()).isZero();
        assertThat(shared.drawn()).isEqualTo(2);
    }

    @Test
    void sharersOnManyThreadsDrawEachFrameOnce() throws Exception {
        int threads = 4;
        int frames = 40;
        SharedFrames shared = new SharedFrames(SharedFrames.DEFAULT_CAPACITY);
        List<SharedFrames.Sharer> sharers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sharers.add(shared.join(scenario("edge-" + t)));
        }
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<LabeledFrame>>> played = new ArrayList<>();
            for (SharedFrames.Sharer sharer : sharers) {
                Callable<List<LabeledFrame>> play = () -> {
                    together.await();
                    List<LabeledFrame> out = new ArrayList<>();
                    for (long i = 0; i < frames; i++) {
                        out.add(sharer.frame(i));
                    }
                    return out;
                };
                played.add(pool.submit(play));
            }
            for (int t = 0; t < threads; t++) {
                List<LabeledFrame> got = played.get(t).get();
                for (int i = 0; i < frames; i++) {
                    assertDrawnAfresh(got.get(i), "edge-" + t, i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.drawn()).isEqualTo(frames);
        assertThat(shared.held()).isZero();
    }

    @Test
    void rejectsABadCapacityAndIndex() {
        assertThatThrownBy(() -> new SharedFrames(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity : 0 (expected: >= 1 frames)");
        SharedFrames.Sharer sharer = new SharedFrames(1).join(scenario("edge-1"));
        assertThatThrownBy(() -> sharer.frame(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index: -1 (expected: >= 0)");
    }
}
