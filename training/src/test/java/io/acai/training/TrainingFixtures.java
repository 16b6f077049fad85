package io.acai.training;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The project's default network at 192x192 and small drawn frames (filled discs and squares) for training tests. */
final class TrainingFixtures {

    static final ClassNames SHAPES = ClassNames.of(List.of("circle", "square", "triangle", "cross", "star"));

    private TrainingFixtures() {
    }

    /** The anchors of {@link #acaiShapes()}: the shipped ones scaled from the shipped 256x256 input to 192x192. */
    static final String ANCHORS_192 = "16,16, 24,24, 34,32, 44,46, 60,58, 80,78";

    /**
     * The shipped cfg's layers at a 192x192 input (a 12x12 coarse and a 24x24 fine head) with {@link #ANCHORS_192}:
     * the network the hand-computed targets and losses of these tests were worked out for, and a quicker one to train
     * than the shipped 256x256.
     */
    static DarknetConfig acaiShapes() throws IOException {
        return DarknetConfig.parse(Path.of("acai-shapes-192.cfg"), acaiShapesText());
    }

    /** The text of {@link #acaiShapes()}, for tests that change a line of it. */
    static String acaiShapesText() throws IOException {
        Path cfg = SharedData.projectRoot().resolve("default-model/src/main/resources/io/acai/model/acai-shapes.cfg");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(cfg), cfg + " missing");
        return Files.readString(cfg).replaceAll("(?m)^width=\\d+$", "width=192")
                .replaceAll("(?m)^height=\\d+$", "height=192").replaceAll("(?m)^anchors=.*$", "anchors=" + ANCHORS_192);
    }

    /** {@code count} 160x120 frames, each with one or two objects of class 0 (disc) or 1 (square). */
    static List<LabeledFrame> frames(int count, long seed) {
        Random random = new Random(seed);
        List<LabeledFrame> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(40 + random.nextInt(60), 90, 60));
            g.fillRect(0, 0, 160, 120);
            List<GroundTruth> objects = new ArrayList<>();
            int n = 1 + random.nextInt(2);
            for (int o = 0; o < n; o++) {
                int size = 20 + random.nextInt(30);
                int x = random.nextInt(160 - size);
                int y = random.nextInt(120 - size);
                int classId = random.nextInt(2);
                g.setColor(classId == 0 ? Color.YELLOW : Color.CYAN);
                if (classId == 0) {
                    g.fillOval(x, y, size, size);
                } else {
                    g.fillRect(x, y, size, size);
                }
                objects.add(new GroundTruth(classId, SHAPES.name(classId), new BoundingBox(x, y, size, size)));
            }
            g.dispose();
            frames.add(new LabeledFrame("drawn-" + f, image, objects));
        }
        return frames;
    }
}
