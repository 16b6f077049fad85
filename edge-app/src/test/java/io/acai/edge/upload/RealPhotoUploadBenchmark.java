package io.acai.edge.upload;

import io.acai.dataset.Dataset;
import io.acai.dataset.Datasets;
import io.acai.dataset.metrics.MeanAveragePrecision;
import io.acai.detection.ClassNames;
import io.acai.detection.InputTensor;
import io.acai.detection.LabeledFrame;
import io.acai.detection.Letterbox;
import io.acai.detection.ModelFiles;
import io.acai.detection.SharedData;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.model.DefaultModel;
import io.acai.protocol.AcaiEncoder;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.PhotoDrift;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bytes on the wire per uploaded real photo (COCO128, day and with {@code --data-drift night}) against the original
 * project's pickled 3x224x224 float32 tensor (602,112 bytes of data, as {@code UploadWireSizeBenchmark} in protocol),
 * at the photo's own size and letterboxed to the network's input (Yolo-Fastest 1.1: 320x320; YOLOv3-tiny: 416x416),
 * at several JPEG qualities; and what the quality costs: mAP@0.5 of Yolo-Fastest 1.1 COCO on the photos after the
 * JPEG round trip, against the photos as read. Not part of the test suite:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl edge-app -am -Dtest=RealPhotoUploadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class RealPhotoUploadBenchmark {

    static final long TENSOR_BYTES = 3L * 224 * 224 * Float.BYTES;
    static final float[] QUALITIES = {0.95f, 0.9f, 0.75f, 0.5f};

    @Test
    void report() throws IOException {
        Path folder = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco");
        ModelFiles model = new ModelFiles(folder.resolve("yolo-fastest-1.1.cfg"),
                folder.resolve("yolo-fastest-1.1.weights"), folder.resolve("coco.names"));
        Dataset dataset = Datasets.open(SharedData.resolve("data/coco128"), ClassNames.read(model.names()));
        PhotoDrift night = PhotoDrift.parse("night", dataset.modelNames());
        List<LabeledFrame> day = new ArrayList<>();
        for (LabeledFrame frame : dataset) {
            day.add(frame);
        }
        List<LabeledFrame> dark = new ArrayList<>();
        for (int i = 0; i < day.size(); i++) {
            dark.add(night.apply(day.get(i), i));
        }
        System.out.printf("COCO128, %d photos; original: %,d bytes of tensor data per image (before pickle framing)%n",
                day.size(), TENSOR_BYTES);
        System.out.printf("%-6s %-8s %-9s %12s %10s %12s%n", "photos", "size", "quality", "bytes/image", "vs tensor",
                "mAP@0.5");
        try (OpenCvDetector detector = OpenCvDetector.load(model, new DetectorSettings(0.005f, 0.45f, 2))) {
            for (String style : List.of("day", "night")) {
                List<LabeledFrame> photos = style.equals("day") ? day : dark;
                System.out.printf("%-6s %-8s %-9s %12s %10s %12.3f%n", style, "320x320", "raw", "-", "-",
                        map(detector, photos));
                for (int size : new int[] {0, 416, 320}) {
                    for (float quality : QUALITIES) {
                        long bytes = 0;
                        List<LabeledFrame> decoded = new ArrayList<>();
                        for (LabeledFrame photo : photos) {
                            LabeledFrame sent = size == 0 ? photo : photo.letterboxed(size, size);
                            UploadImage image = UploadImages.encode(sent, new UploadEncoding(quality));
                            bytes += AcaiEncoder.encodedSize(new UploadBatch(1, "edge-1", List.of(image)));
                            if (size == 320) {
                                decoded.add(new LabeledFrame(sent.id(), ImageIO.read(new ByteArrayInputStream(
                                        image.file())), sent.objects()));
                            }
                        }
                        double perImage = (double) bytes / photos.size();
                        System.out.printf("%-6s %-8s %-9.2f %,12.0f %9.1fx %12s%n", style,
                                size == 0 ? "own" : size + "x" + size, quality, perImage, TENSOR_BYTES / perImage,
                                size == 320 ? String.format("%.3f", map(detector, decoded)) : "");
                    }
                }
            }
        }
    }

    /**
     * The default experiment's synthetic frames, as its edges upload them: letterboxed to the default model's input
     * (256x256), JPEG or lossless.
     */
    @Test
    void syntheticFrames() throws IOException {
        DriftScenario scenario = DriftScenario.builder("edge-near").driftAt(100).build();
        int side = DefaultModel.cfg().net().width();
        for (UploadEncoding encoding : List.of(UploadEncoding.DEFAULT, new UploadEncoding(1), UploadEncoding.LOSSLESS)) {
            for (String style : List.of("pre-drift", "drift")) {
                long bytes = 0;
                int frames = 100;
                long first = style.equals("pre-drift") ? 0 : 100;
                for (long i = first; i < first + frames; i++) {
                    UploadImage image = UploadImages.encode(scenario.frame(i), side, side, encoding);
                    bytes += AcaiEncoder.encodedSize(new UploadBatch(1, "edge-near", List.of(image)));
                }
                double perImage = (double) bytes / frames;
                System.out.printf("synthetic %s frames %dx%d sent as %dx%d, %s: %,.0f bytes/image, %.1fx fewer%n",
                        style, scenario.frame(first).width(), scenario.frame(first).height(), side, side, encoding,
                        perImage, TENSOR_BYTES / perImage);
            }
        }
    }

    private static double map(OpenCvDetector detector, List<LabeledFrame> photos) {
        MeanAveragePrecision map = new MeanAveragePrecision();
        for (LabeledFrame photo : photos) {
            Letterbox letterbox = Letterbox.of(photo.width(), photo.height(), 320, 320);
            float[][] heads = detector.forward(InputTensor.chw(photo.image(), letterbox));
            map.add(detector.detections(heads, letterbox, 0.005f), photo.objects());
        }
        return map.result().map();
    }
}
