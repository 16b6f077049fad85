package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    @Test
    void sameSeedGivesPixelIdenticalFramesAndBoxes() {
        for (SceneStyle style : new SceneStyle[] {SceneStyle.PRE_DRIFT, SceneStyle.DRIFT}) {
            SceneGenerator first = new SceneGenerator(1234, style);
            SceneGenerator second = new SceneGenerator(1234, style);
            for (int i = 0; i < 30; i++) {
                LabeledFrame a = first.next();
                LabeledFrame b = second.next();
                assertThat(a.id()).isEqualTo(b.id());
                assertThat(bytes(a)).isEqualTo(bytes(b));
                assertThat(a.objects()).isEqualTo(b.objects());
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentFrames() {
        SceneGenerator first = new SceneGenerator(1, SceneStyle.PRE_DRIFT);
        SceneGenerator second = new SceneGenerator(2, SceneStyle.PRE_DRIFT);
        for (int i = 0; i < 10; i++) {
            assertThat(bytes(first.next())).isNotEqualTo(bytes(second.next()));
        }
    }

    @Test
    void framesDependOnlyOnTheirIndex() {
        SceneGenerator sequential = new SceneGenerator(99, SceneStyle.DRIFT);
        LabeledFrame[] frames = new LabeledFrame[8];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = sequential.next();
        }
        SceneGenerator random = new SceneGenerator(99, SceneStyle.DRIFT);
        for (int i = frames.length - 1; i >= 0; i -= 3) {
            LabeledFrame again = random.frame(i);
            assertThat(bytes(again)).isEqualTo(bytes(frames[i]));
            assertThat(again.objects()).isEqualTo(frames[i].objects());
        }
        assertThat(bytes(frames[3])).isNotEqualTo(bytes(frames[4]));
    }

    @Test
    void framesAreBgrOfTheRequestedSize() {
        LabeledFrame frame = new SceneGenerator(5, SceneStyle.PRE_DRIFT).next();
        assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(frame.width()).isEqualTo(320);
        assertThat(frame.height()).isEqualTo(240);

        SceneGenerator wide = new SceneGenerator(5, SceneStyle.DRIFT, 416, 160);
        for (int i = 0; i < 50; i++) {
            LabeledFrame f = wide.next();
            assertThat(f.width()).isEqualTo(416);
            assertThat(f.height()).isEqualTo(160);
            f.objects().forEach(o -> assertThat(o.box().x() + o.box().width()).isLessThanOrEqualTo(416));
            f.objects().forEach(o -> assertThat(o.box().y() + o.box().height()).isLessThanOrEqualTo(160));
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new SceneGenerator(1, SceneStyle.PRE_DRIFT, 16, 240))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16x240");
        assertThatThrownBy(() -> new SceneGenerator(1, SceneStyle.PRE_DRIFT).frame(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index: -1");
    }

    static byte[] bytes(LabeledFrame frame) {
        return ((DataBufferByte) frame.image().getRaster().getDataBuffer()).getData();
    }
}
