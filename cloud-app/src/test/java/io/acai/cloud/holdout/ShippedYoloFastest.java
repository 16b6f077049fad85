package io.acai.cloud.holdout;

import io.acai.detection.ClassNames;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.CfgException;
import io.acai.detection.darknet.DarknetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Yolo-Fastest-1.1 COCO model in {@code ../shared} (official cfg, weights and names) and the COCO128 photos
 * beside it, as the real-photo benchmarks read them.
 *
 * @param cfgText the cfg file's text, for variants of it
 */
public record ShippedYoloFastest(Path cfgFile, String cfgText, DarknetConfig cfg, ClassNames names, byte[] weights,
                                 Path coco128) {

    public static ShippedYoloFastest read() throws IOException {
        Path folder = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco");
        Path cfgFile = folder.resolve("yolo-fastest-1.1.cfg");
        String text = Files.readString(cfgFile);
        return new ShippedYoloFastest(cfgFile, text, DarknetConfig.parse(cfgFile, text),
                ClassNames.read(folder.resolve("coco.names")),
                Files.readAllBytes(folder.resolve("yolo-fastest-1.1.weights")), SharedData.resolve("data/coco128"));
    }

    /** The cfg without its {@code iou_thresh} lines: only each object's best anchor trains on it. */
    public DarknetConfig bestAnchorOnly() throws CfgException {
        return DarknetConfig.parse(cfgFile, cfgText.replaceAll("(?m)^iou_thresh *=.*$", ""));
    }

    public int width() {
        return cfg.net().width();
    }

    public int height() {
        return cfg.net().height();
    }
}
