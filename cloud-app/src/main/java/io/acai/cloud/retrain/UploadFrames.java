package io.acai.cloud.retrain;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.protocol.Label;
import io.acai.protocol.UploadImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Turns an uploaded image file (JPEG or PNG) and its darknet-style labels back into a {@link LabeledFrame} to train
 * on.
 */
public final class UploadFrames {

    private UploadFrames() {
    }

    /**
     * Decodes the image and its labels.
     *
     * @throws IOException naming the edge, image and field when the image file does not decode, its size
     *                     differs from the one announced, or a label's class is unknown
     */
    public static LabeledFrame decode(PendingImage pending, ClassNames names) throws IOException {
        UploadImage upload = pending.image();
        String where = "edge " + pending.edgeId() + ", image " + upload.imageId();
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(upload.file()));
        } catch (IOException | RuntimeException e) {
            throw new IOException(where + ": file : " + upload.file().length + " bytes that do not decode: "
                    + e.getMessage(), e);
        }
        if (decoded == null) {
            throw new IOException(where + ": file : " + upload.file().length + " bytes that do not decode as an image");
        }
        if (decoded.getWidth() != upload.width() || decoded.getHeight() != upload.height()) {
            throw new IOException(where + ": size : " + decoded.getWidth() + "x" + decoded.getHeight()
                    + " decoded (expected: " + upload.width() + "x" + upload.height() + " as announced)");
        }
        List<GroundTruth> objects = new ArrayList<>(upload.labels().size());
        for (int i = 0; i < upload.labels().size(); i++) {
            Label label = upload.labels().get(i);
            if (label.classId() >= names.size()) {
                throw new IOException(where + ": labels[" + i + "].classId : " + label.classId()
                        + " (expected: 0.." + (names.size() - 1) + ", the model's classes " + names + ")");
            }
            BoundingBox box = BoundingBox.fromCenter(label.cx() * upload.width(), label.cy() * upload.height(),
                    label.w() * upload.width(), label.h() * upload.height());
            objects.add(new GroundTruth(label.classId(), names.name(label.classId()), box));
        }
        return new LabeledFrame(pending.edgeId() + "/" + upload.imageId(), toBgr(decoded), objects);
    }

    private static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(image, 0, 0, null);
        return bgr;
    }
}
