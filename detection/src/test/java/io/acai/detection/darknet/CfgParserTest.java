package io.acai.detection.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CfgParserTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "data/darknet/cfg/yolov3-tiny.cfg, 24, 80, 13x13;26x26",
        "data/darknet/cfg/yolov3.cfg, 107, 80, 19x19;38x38;76x76",
        "data/darknet/cfg/yolov3-voc.cfg, 107, 20, 13x13;26x26;52x52",
        "data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1.cfg, 131, 80, 10x10;20x20",
        "data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1-xl.cfg, 131, 80, 10x10;20x20",
        "data/yolo-fastest/yolo-fastest-1.0_voc/yolo-fastest.cfg, 126, 20, 10x10;20x20",
    })
    void parsesOfficialCfgs(String relative, int layerCount, int classes, String headSizes) throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve(relative));

        assertThat(cfg.layers()).hasSize(layerCount);
        assertThat(cfg.classes()).isEqualTo(classes);
        List<LayerShape> shapes = cfg.shapes();
        List<String> heads = cfg.yoloLayerIndexes().stream()
                .map(i -> shapes.get(i).width() + "x" + shapes.get(i).height()).toList();
        assertThat(String.join(";", heads)).isEqualTo(headSizes);
        for (int i : cfg.yoloLayerIndexes()) {
            YoloLayer yolo = (YoloLayer) cfg.layers().get(i);
            assertThat(shapes.get(i).channels()).isEqualTo(yolo.mask().size() * (classes + 5));
        }
    }

    @Test
    void tinyKeepsSizeThroughStrideOneMaxPool() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        MaxPoolLayer pool = (MaxPoolLayer) cfg.layers().get(11);

        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.stride()).isEqualTo(1);
        assertThat(pool.padding()).isEqualTo(1);
        assertThat(cfg.shapes().get(11)).isEqualTo(new LayerShape(512, 13, 13));
        assertThat(((RouteLayer) cfg.layers().get(20)).layers()).containsExactly(19, 8);
    }

    @Test
    void readsAnchorsMaskAndScale() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(
                SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1.cfg"));
        YoloLayer first = cfg.yoloLayers().get(0);

        assertThat(first.mask()).containsExactly(3, 4, 5);
        assertThat(first.anchors()).hasSize(6);
        assertThat(first.maskedAnchors().get(0)).isEqualTo(new YoloLayer.Anchor(115, 73));
        assertThat(first.scaleXY()).isEqualTo(1.0);
        assertThat(first.iouThresh()).isEqualTo(0.213);
        DarknetConfig tiny = DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        assertThat(tiny.yoloLayers().get(0).iouThresh()).as("darknet's default: best anchor only")
                .isEqualTo(YoloLayer.NO_IOU_THRESH);
    }

    @Test
    void parsesTextAsItParsesTheFileAndNamesTheSourceInErrors() throws IOException {
        String text = "[net]\nwidth=64\nheight=64\nchannels=3\n\n[convolutional]\nfilters=8\nsize=3\nstride=1\n"
                + "pad=1\nactivation=leaky\n";
        DarknetConfig fromFile = DarknetConfig.read(write(text));
        DarknetConfig fromText = DarknetConfig.parse(Path.of("model-from-jar.cfg"), text);

        assertThat(fromText.source()).isEqualTo(Path.of("model-from-jar.cfg"));
        assertThat(fromText.net()).isEqualTo(fromFile.net());
        assertThat(fromText.layers()).isEqualTo(fromFile.layers());
        assertThatThrownBy(() -> DarknetConfig.parse(Path.of("wire.cfg"), text + "\n[crop]\n"))
                .isInstanceOf(CfgException.class)
                .hasMessageStartingWith("wire.cfg:13: [crop] unsupported layer type");
    }

    @Test
    void refusesUnknownLayerWithFileAndLine() throws IOException {
        Path cfg = write("[net]\nwidth=64\nheight=64\n\n[convolutional]\nfilters=8\nsize=3\nactivation=leaky\n"
                + "\n[crop]\ncrop_width=10\n");

        assertThatThrownBy(() -> DarknetConfig.read(cfg))
                .isInstanceOf(CfgException.class)
                .hasMessage(cfg + ":10: [crop] unsupported layer type (supported: convolutional, maxpool, route, "
                        + "shortcut, upsample, dropout, yolo)")
                .extracting("line").isEqualTo(10);
    }

    @Test
    void refusesUnsupportedOptionAndActivationByName() throws IOException {
        Path dilated = write("[net]\nwidth=64\nheight=64\n[convolutional]\nfilters=8\ndilation=2\nactivation=leaky\n");
        Path mish = write("[net]\nwidth=64\nheight=64\n[convolutional]\nfilters=8\nactivation=mish\n");

        assertThatThrownBy(() -> DarknetConfig.read(dilated))
                .hasMessage(dilated + ":6: unsupported option 'dilation' in [convolutional]");
        assertThatThrownBy(() -> DarknetConfig.read(mish))
                .hasMessage(mish + ":4: [convolutional] unsupported activation 'mish' (supported: leaky, linear, relu)");
    }

    @Test
    void refusesMalformedValuesAndReferences() throws IOException {
        Path badInt = write("[net]\nwidth=64\nheight=64\n[convolutional]\nfilters=eight\nactivation=leaky\n");
        Path badRoute = write("[net]\nwidth=64\nheight=64\n[convolutional]\nfilters=8\nactivation=leaky\n"
                + "[route]\nlayers=-4\n");
        Path garbage = write("[net]\nwidth=64\nheight=64\nthis is not a cfg line\n");
        Path wrongHead = write("[net]\nwidth=64\nheight=64\n[convolutional]\nfilters=20\nactivation=linear\n"
                + "[yolo]\nmask=0,1,2\nanchors=10,14, 23,27, 37,58\nclasses=2\n");

        assertThatThrownBy(() -> DarknetConfig.read(badInt))
                .hasMessage(badInt + ":5: [convolutional] filters : 'eight' (expected: an integer)");
        assertThatThrownBy(() -> DarknetConfig.read(badRoute))
                .hasMessage(badRoute + ":7: [route] layers refers to layer -4 = -3 (expected: an earlier layer, 0..0)");
        assertThatThrownBy(() -> DarknetConfig.read(garbage))
                .hasMessage(garbage + ":4: malformed line 'this is not a cfg line' (expected: key=value)");
        assertThatThrownBy(() -> DarknetConfig.read(wrongHead))
                .hasMessage(wrongHead + ":7: [yolo] previous layer has 20 channels (expected: 3 x (2 + 5) = 21)");

        String head = "[net]\nwidth=64\nheight=64\n[convolutional]\nfilters=21\nactivation=linear\n[yolo]\n";
        Path badMask = write(head + "mask=0,one,2\nanchors=10,14, 23,27, 37,58\nclasses=2\n");
        Path openQuote = write(head + "mask=0,1,2\nanchors=\"10,14, 23,27, 37,58\nclasses=2\n");
        assertThatThrownBy(() -> DarknetConfig.read(badMask))
                .hasMessage(badMask + ":8: [yolo] mask : '0,one,2' (expected: comma-separated integers)");
        assertThatThrownBy(() -> DarknetConfig.read(openQuote))
                .hasMessage(openQuote + ":9: [yolo] anchors : '\"10,14, 23,27, 37,58' "
                        + "(expected: comma-separated integers)");
    }

    @Test
    void refusesMissingAndBinaryFiles() throws IOException {
        Path binary = dir.resolve("model.weights");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0x80, 0, 1});

        assertThatThrownBy(() -> DarknetConfig.read(dir.resolve("absent.cfg")))
                .hasMessage(dir.resolve("absent.cfg") + ": no such file");
        assertThatThrownBy(() -> DarknetConfig.read(binary))
                .hasMessage(binary + ": not a text file (expected: a darknet .cfg)");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "net", ".cfg");
        Files.writeString(file, text);
        return file;
    }
}
