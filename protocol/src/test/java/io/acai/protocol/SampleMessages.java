package io.acai.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One valid message of every type, and the parts tests build others from. */
final class SampleMessages {

    private SampleMessages() {
    }

    static final byte[] JPEG = SyntheticJpeg.jpeg(64, 48, 4, 1);

    static List<Message> all() {
        return List.of(
                new Hello("edge-1", "s3cret", "0.1.0", 3),
                new HelloAck("cloud", 4),
                batch(2),
                new UploadAck(42L, 2, false),
                ModelPush.of(4, weights(10_000, 7), "[net]\nwidth=416\n", "circle\nsquare\n"),
                ModelAck.refused(4, "sha256 mismatch"),
                new ModelRequest(3),
                new Heartbeat(1_700_000_000_000L),
                new ErrorMessage(ErrorCode.UNAUTHORIZED, "unknown edge: edge-9"));
    }

    static UploadBatch batch(int images) {
        List<UploadImage> list = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            list.add(image("frame-" + i, i % 4));
        }
        return new UploadBatch(42L, "edge-1", list);
    }

    static UploadImage image(String id, int labels) {
        List<Label> list = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            list.add(new Label(i, 0.5f, 0.25f + i * 0.1f, 0.125f, 1f));
        }
        return new UploadImage(id, 64, 48, JPEG, list);
    }

    static byte[] weights(int length, long seed) {
        byte[] weights = new byte[length];
        new Random(seed).nextBytes(weights);
        return weights;
    }
}
