package io.acai.cloud.retrain;

import io.acai.dataset.Dataset;
import io.acai.dataset.Datasets;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.edge.source.DatasetFrames;
import io.acai.edge.upload.UploadEncoding;
import io.acai.edge.upload.UploadImages;
import io.acai.protocol.UploadImage;
import io.acai.scenes.PhotoDrift;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A look at what the cloud trains on for real photos: the night photos of {@code experiments/real-photos.json} as an
 * edge serves them (COCO128, {@code night} drift), uploaded the edge's way ({@link UploadImages}: letterboxed to
 * Yolo-Fastest's 320x320, JPEG at 0.75) and decoded the cloud's way ({@link UploadFrames}), drawn with their labels
 * (box and class name) into {@code /tmp/acai-uploads/} beside the same photo as read from the dataset, by day, with
 * the dataset's own labels. Open the PNGs and check that every box sits on its object and names it. Needs
 * {@code ../shared}; run by hand:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=UploadedPhotosDump -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class UploadedPhotosDump {

    static final int PHOTOS = 8;

    @Test
    void drawUploadedNightPhotosWithTheirLabels() throws Exception {
        Path folder = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco");
        ClassNames names = ClassNames.read(folder.resolve("coco.names"));
        DarknetConfig cfg = DarknetConfig.read(folder.resolve("yolo-fastest-1.1.cfg"));
        Dataset dataset = Datasets.open(SharedData.resolve("data/coco128"), names);
        DatasetFrames day = new DatasetFrames(dataset);
        DatasetFrames night = new DatasetFrames(dataset, Optional.of(PhotoDrift.parse("night", names)), 0);
        Path out = Files.createDirectories(Path.of("/tmp/acai-uploads"));
        for (int i = 0; i < PHOTOS; i++) {
            LabeledFrame served = day.frame(i);
            UploadImage upload = UploadImages.encode(night.frame(i), cfg.net().width(), cfg.net().height(), new UploadEncoding(0.75f));
            LabeledFrame decoded = UploadFrames.decode(new PendingImage("edge-1", 1, upload, 0), names);
            ImageIO.write(drawn(served), "png", out.resolve(i + "-day-as-read.png").toFile());
            ImageIO.write(drawn(decoded), "png", out.resolve(i + "-night-as-trained.png").toFile());
            System.out.printf("%d: %s %dx%d, %d objects %s; uploaded %dx%d, %d bytes, %d labels%n", i, served.id(),
                    served.width(), served.height(), served.objects().size(),
                    served.objects().stream().map(GroundTruth::className).toList(), decoded.width(), decoded.height(),
                    upload.file().length, decoded.objects().size());
        }
        System.out.println("drawn into " + out);
    }

    private static BufferedImage drawn(LabeledFrame frame) {
        BufferedImage canvas = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(frame.image(), 0, 0, null);
            g.setStroke(new BasicStroke(2));
            for (GroundTruth object : frame.objects()) {
                g.setColor(Color.GREEN);
                g.drawRect((int) object.box().x(), (int) object.box().y(), (int) object.box().width(),
                        (int) object.box().height());
                g.setColor(Color.YELLOW);
                g.drawString(object.classId() + " " + object.className(), (int) object.box().x() + 2,
                        (int) object.box().y() + 12);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
