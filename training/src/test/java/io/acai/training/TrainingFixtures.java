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

/** The project's default cfg and small drawn frames (filled discs and squares) for training tests. */
final class TrainingFixtures {

    static final ClassNames SHAPES = ClassNames.of(List.of("circle", "square", "triangle", "cross", "star"));

    private TrainingFixtures() {
    }

    static DarknetConfig acaiShapes() throws IOException {
        Path cfg = SharedData.projectRoot().resolve("default-model/src/main/resources/io/acai/model/acai-shapes.cfg");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(cfg), cfg + " missing");
        return DarknetConfig.read(cfg);
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
