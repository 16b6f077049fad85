package io.acai.cloud.holdout;

import io.acai.detection.GroundTruth;
import io.acai.detection.InputTensor;
import io.acai.detection.LabeledFrame;
import io.acai.detection.Letterbox;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A held-out frame kept ready for the network: the frame letterboxed to the input size once (8-bit BGR, 108 KiB at
 * 192x192), the letterbox that maps detections back to the frame, and the frame's ground truth. Its
 * {@link #tensor()} is what {@link InputTensor#chw} gives for the original frame, the edges' input.
 *
 * @param id      the frame's name
 * @param input   the letterboxed frame
 * @param letterbox how the frame was fitted into the input
 * @param objects the ground truth, in frame pixels
 */
public record HoldoutFrame(String id, BufferedImage input, Letterbox letterbox, List<GroundTruth> objects) {

    public HoldoutFrame {
        objects = List.copyOf(objects);
    }

    /** {@code frame} letterboxed to an {@code inputWidth x inputHeight} network input. */
    public static HoldoutFrame of(LabeledFrame frame, int inputWidth, int inputHeight) {
        Letterbox letterbox = Letterbox.of(frame.width(), frame.height(), inputWidth, inputHeight);
        return new HoldoutFrame(frame.id(), InputTensor.letterboxed(frame.image(), letterbox), letterbox,
                frame.objects());
    }

    /** The network's input: {@code 3 x height x width} floats, RGB, in [0, 1]. */
    public float[] tensor() {
        return InputTensor.planar(input);
    }

    /** Bytes the kept pixels take. */
    public long bytes() {
        return 3L * input.getWidth() * input.getHeight();
    }
}
