package io.acai.detection.darknet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds one {@link Layer} from its cfg section, checking options and references to earlier layers. */
final class CfgLayers {

    /** Options of darknet's [yolo] that only steer its own training or box voting. */
    private static final Set<String> YOLO_TRAINING_ONLY = Set.of("jitter", "random", "truth_thresh", "iou_thresh",
            "iou_normalizer", "cls_normalizer", "obj_normalizer", "iou_loss", "nms_kind", "beta_nms", "max",
            "counters_per_class", "label_smooth_eps", "resize", "focal_loss", "objectness_smooth", "num");

    private CfgLayers() {
    }

    static Layer layer(CfgSection s, int index, LayerShape in, List<LayerShape> shapes) throws CfgException {
        return switch (s.name()) {
            case "convolutional", "conv" -> convolutional(s, in);
            case "maxpool", "max" -> maxPool(s);
            case "route" -> route(s, index, shapes);
            case "shortcut" -> shortcut(s, index, in, shapes);
            case "upsample" -> upsample(s);
            case "dropout" -> dropout(s);
            case "yolo" -> yolo(s, in);
            default -> throw s.at("unsupported layer type (supported: convolutional, maxpool, route, shortcut, "
                    + "upsample, dropout, yolo)");
        };
    }

    private static ConvolutionalLayer convolutional(CfgSection s, LayerShape in) throws CfgException {
        s.requireKnown(Set.of("filters", "size", "stride", "pad", "padding", "groups", "batch_normalize",
                "activation"), Set.of());
        int filters = positive(s, "filters", s.requiredInt("filters"));
        int size = positive(s, "size", s.intValue("size", 1));
        int stride = positive(s, "stride", s.intValue("stride", 1));
        int padding = s.intValue("pad", 0) != 0 ? size / 2 : s.intValue("padding", 0);
        int groups = positive(s, "groups", s.intValue("groups", 1));
        if (in.channels() % groups != 0 || filters % groups != 0) {
            throw s.at("groups " + groups + " must divide input channels " + in.channels() + " and filters "
                    + filters);
        }
        return new ConvolutionalLayer(s.line(), filters, size, stride, padding, groups,
                s.intValue("batch_normalize", 0) != 0, activation(s, "logistic"));
    }

    private static MaxPoolLayer maxPool(CfgSection s) throws CfgException {
        s.requireKnown(Set.of("size", "stride", "padding"), Set.of());
        int stride = positive(s, "stride", s.intValue("stride", 1));
        int size = positive(s, "size", s.intValue("size", stride));
        int padding = s.intValue("padding", size - 1);
        if (padding < 0) {
            throw s.invalid("padding", ">= 0");
        }
        return new MaxPoolLayer(s.line(), size, stride, padding);
    }

    private static RouteLayer route(CfgSection s, int index, List<LayerShape> shapes) throws CfgException {
        s.requireKnown(Set.of("layers", "groups", "group_id"), Set.of());
        List<Integer> given = s.intList("layers");
        if (given == null) {
            throw s.missing("layers");
        }
        List<Integer> layers = new ArrayList<>();
        for (int reference : given) {
            layers.add(absolute(s, "layers", reference, index));
        }
        LayerShape first = shapes.get(layers.get(0));
        int channels = 0;
        for (int layer : layers) {
            LayerShape shape = shapes.get(layer);
            if (shape.height() != first.height() || shape.width() != first.width()) {
                throw s.at("layers " + layers + " differ in size: " + first.width() + "x" + first.height() + " vs "
                        + shape.width() + "x" + shape.height());
            }
            channels += shape.channels();
        }
        int groups = positive(s, "groups", s.intValue("groups", 1));
        int groupId = s.intValue("group_id", 0);
        if (groupId < 0 || groupId >= groups || channels % groups != 0) {
            throw s.at("group_id " + groupId + " of groups " + groups + " over " + channels + " channels");
        }
        return new RouteLayer(s.line(), layers, groups, groupId);
    }

    private static ShortcutLayer shortcut(CfgSection s, int index, LayerShape in, List<LayerShape> shapes)
            throws CfgException {
        s.requireKnown(Set.of("from", "activation"), Set.of());
        List<Integer> from = s.intList("from");
        if (from == null) {
            throw s.missing("from");
        }
        if (from.size() != 1) {
            throw s.invalid("from", "one layer");
        }
        int source = absolute(s, "from", from.get(0), index);
        if (!shapes.get(source).equals(in)) {
            throw s.at("from layer " + source + " has shape " + shapes.get(source) + ", previous layer " + in);
        }
        return new ShortcutLayer(s.line(), source, activation(s, "linear"));
    }

    private static UpsampleLayer upsample(CfgSection s) throws CfgException {
        s.requireKnown(Set.of("stride"), Set.of());
        return new UpsampleLayer(s.line(), positive(s, "stride", s.intValue("stride", 2)));
    }

    private static DropoutLayer dropout(CfgSection s) throws CfgException {
        s.requireKnown(Set.of("probability"), Set.of());
        double probability = s.doubleValue("probability", 0.5);
        if (!(probability >= 0 && probability < 1)) {
            throw s.invalid("probability", "0 <= p < 1");
        }
        return new DropoutLayer(s.line(), probability);
    }

    private static YoloLayer yolo(CfgSection s, LayerShape in) throws CfgException {
        s.requireKnown(Set.of("mask", "anchors", "classes", "ignore_thresh", "scale_x_y", "new_coords"),
                YOLO_TRAINING_ONLY);
        if (s.intValue("new_coords", 0) != 0) {
            throw s.invalid("new_coords", "0: the scaled-YOLOv4 box encoding is not supported");
        }
        int classes = positive(s, "classes", s.intValue("classes", 20));
        List<Integer> numbers = s.intList("anchors");
        if (numbers == null) {
            throw s.missing("anchors");
        }
        if (numbers.size() % 2 != 0) {
            throw s.invalid("anchors", "width,height pairs");
        }
        List<YoloLayer.Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i += 2) {
            anchors.add(new YoloLayer.Anchor(numbers.get(i), numbers.get(i + 1)));
        }
        List<Integer> mask = s.intList("mask");
        if (mask == null) {
            mask = java.util.stream.IntStream.range(0, anchors.size()).boxed().toList();
        }
        for (int m : mask) {
            if (m < 0 || m >= anchors.size()) {
                throw s.invalid("mask", "indexes into the " + anchors.size() + " anchors");
            }
        }
        int expected = mask.size() * (classes + 5);
        if (in.channels() != expected) {
            throw s.at("previous layer has " + in.channels() + " channels (expected: " + mask.size() + " x (" + classes
                    + " + 5) = " + expected + ")");
        }
        return new YoloLayer(s.line(), mask, anchors, classes, s.doubleValue("ignore_thresh", 0.5),
                s.doubleValue("scale_x_y", 1.0), s.doubleValue("iou_thresh", YoloLayer.NO_IOU_THRESH));
    }

    private static Activation activation(CfgSection s, String fallback) throws CfgException {
        String name = s.stringValue("activation", fallback).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "leaky" -> Activation.LEAKY;
            case "linear" -> Activation.LINEAR;
            case "relu" -> Activation.RELU;
            default -> throw s.at("unsupported activation '" + name + "' (supported: leaky, linear, relu)");
        };
    }

    private static int absolute(CfgSection s, String key, int reference, int index) throws CfgException {
        int layer = reference < 0 ? index + reference : reference;
        if (layer < 0 || layer >= index) {
            throw s.at(key + " refers to layer " + reference + " = " + layer + " (expected: an earlier layer, 0.."
                    + (index - 1) + ")");
        }
        return layer;
    }

    private static int positive(CfgSection s, String key, int value) throws CfgException {
        if (value <= 0) {
            throw s.invalid(key, "> 0");
        }
        return value;
    }
}
