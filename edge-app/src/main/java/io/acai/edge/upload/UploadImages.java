package io.acai.edge.upload;

import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.detection.Letterbox;
import io.acai.protocol.Label;
import io.acai.protocol.UploadImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A frame as it is uploaded: what the cloud trains on, the frame letterboxed to the network's input size as the
 * trainer would (darknet's geometry, {@link Letterbox}), as a JPEG file or, {@link UploadEncoding#LOSSLESS}, a PNG
 * file, with darknet-style labels (class, centre and size normalised to the uploaded image), boxes clipped to the
 * image and empty ones left out. A 640x480 COCO photo goes up as a 320x320 image for Yolo-Fastest: the pixels the
 * network never sees are not sent.
 */
public final class UploadImages {

    private UploadImages() {
    }

    /** {@code frame} letterboxed to {@code inputWidth x inputHeight}, encoded as {@code encoding} says. */
    public static UploadImage encode(LabeledFrame frame, int inputWidth, int inputHeight, UploadEncoding encoding)
            throws IOException {
        return encode(frame.letterboxed(inputWidth, inputHeight), encoding);
    }

    /** {@code frame} at its own size, encoded as {@code encoding} says. */
    public static UploadImage encode(LabeledFrame frame, UploadEncoding encoding) throws IOException {
        return new UploadImage(frame.id(), frame.width(), frame.height(), file(frame, encoding), labels(frame));
    }

    static byte[] file(LabeledFrame frame, UploadEncoding encoding) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(encoding.lossless() ? "png" : "jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(frame.width() * frame.height() / 4);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!encoding.lossless()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(encoding.quality());
            }
            writer.write(null, new IIOImage(frame.image(), null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static List<Label> labels(LabeledFrame frame) {
        double w = frame.width();
        double h = frame.height();
        List<Label> labels = new ArrayList<>(frame.objects().size());
        for (GroundTruth object : frame.objects()) {
            BoundingBox b = object.box();
            double left = clamp(b.x(), w);
            double top = clamp(b.y(), h);
            double right = clamp(b.x() + b.width(), w);
            double bottom = clamp(b.y() + b.height(), h);
            if (right <= left || bottom <= top) {
                continue;
            }
            labels.add(new Label(object.classId(), (float) ((left + right) / 2 / w), (float) ((top + bottom) / 2 / h),
                    (float) ((right - left) / w), (float) ((bottom - top) / h)));
        }
        return labels;
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(max, value));
    }
}
