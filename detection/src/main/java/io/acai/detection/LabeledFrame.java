package io.acai.detection;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An image with its ground truth, the unit that datasets and synthetic cameras produce and that
 * edges judge, upload and the cloud trains on. Images are {@link BufferedImage#TYPE_3BYTE_BGR}.
 *
 * @param id a stable name for logs (file name or scene number)
 * @param image the pixels
 * @param objects the annotated objects, class ids in the {@link ClassNames} the frame's source uses
 */
public record LabeledFrame(String id, BufferedImage image, List<GroundTruth> objects) {

    public LabeledFrame {
        objects = List.copyOf(objects);
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The frame the network sees: letterboxed to the input size, its boxes mapped into it. */
    public LabeledFrame letterboxed(int inputWidth, int inputHeight) {
        if (width() == inputWidth && height() == inputHeight) {
            return this;
        }
        Letterbox letterbox = Letterbox.of(width(), height(), inputWidth, inputHeight);
        List<GroundTruth> mapped = new ArrayList<>(objects.size());
        for (GroundTruth object : objects) {
            mapped.add(new GroundTruth(object.classId(), object.className(), letterbox.toInput(object.box())));
        }
        return new LabeledFrame(id, InputTensor.letterboxed(image, letterbox), mapped);
    }
}
