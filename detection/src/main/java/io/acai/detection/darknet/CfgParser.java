package io.acai.detection.darknet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads darknet {@code .cfg} files: {@code [net]} followed by the layer sections of the official
 * yolov3, yolov3-tiny and Yolo-Fastest cfgs ({@code convolutional, maxpool, route, shortcut,
 * upsample, dropout, yolo}). Comments start with {@code #} or {@code ;}. Anything else (a layer type,
 * an option that changes the network, an activation) is refused by name with the file and line;
 * options that only steer darknet's own training (jitter, random, ...) are accepted and ignored.
 */
public final class CfgParser {

    private CfgParser() {
    }

    public static DarknetConfig parse(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CfgException(file, 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CfgException(file, 0, "not a text file (expected: a darknet .cfg)");
        }
        return build(file, sections(file, lines));
    }

    /**
     * Parses cfg text that is not in a file (from a jar, from the wire); {@code source} names it in
     * the parsed config and in error messages.
     */
    public static DarknetConfig parse(Path source, String text) throws CfgException {
        return build(source, sections(source, text.lines().toList()));
    }

    static List<CfgSection> sections(Path file, List<String> lines) throws CfgException {
        List<CfgSection> sections = new ArrayList<>();
        CfgSection current = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new CfgException(file, lineNumber, "malformed section header '" + line + "'");
                }
                current = new CfgSection(file, line.substring(1, line.length() - 1).strip(), lineNumber);
                sections.add(current);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new CfgException(file, lineNumber, "malformed line '" + line + "' (expected: key=value)");
            }
            if (current == null) {
                throw new CfgException(file, lineNumber, "option before the first [section]");
            }
            current.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip(), lineNumber);
        }
        return sections;
    }

    private static DarknetConfig build(Path file, List<CfgSection> sections) throws CfgException {
        if (sections.isEmpty()) {
            throw new CfgException(file, 0, "no sections (expected: [net] then layers)");
        }
        CfgSection first = sections.get(0);
        if (!first.name().equals("net") && !first.name().equals("network")) {
            throw new CfgException(file, first.line(), "first section is [" + first.name() + "] (expected: [net])");
        }
        NetSection net = net(first);
        List<Layer> layers = new ArrayList<>();
        List<LayerShape> shapes = new ArrayList<>();
        LayerShape previous = new LayerShape(net.channels(), net.height(), net.width());
        for (CfgSection section : sections.subList(1, sections.size())) {
            Layer layer = CfgLayers.layer(section, layers.size(), previous, shapes);
            layers.add(layer);
            DarknetConfig partial = new DarknetConfig(file, net, layers);
            previous = partial.shapes().get(layers.size() - 1);
            shapes.add(previous);
            if (previous.height() <= 0 || previous.width() <= 0) {
                throw section.at("output size " + previous.width() + "x" + previous.height() + " (expected: > 0)");
            }
        }
        if (layers.isEmpty()) {
            throw new CfgException(file, first.line(), "no layers after [net]");
        }
        return new DarknetConfig(file, net, layers);
    }

    private static NetSection net(CfgSection section) throws CfgException {
        int width = section.requiredInt("width");
        int height = section.requiredInt("height");
        int channels = section.intValue("channels", 3);
        if (width <= 0 || height <= 0 || width % 32 != 0 || height % 32 != 0) {
            throw section.at("input size " + width + "x" + height + " (expected: positive multiples of 32)");
        }
        if (channels != 3) {
            throw section.invalid("channels", "3");
        }
        return new NetSection(width, height, channels, section.intValue("batch", 1),
                section.doubleValue("learning_rate", 0.001), section.doubleValue("momentum", 0.9),
                section.doubleValue("decay", 0.0005), section.values());
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        int semicolon = line.indexOf(';');
        int cut = hash < 0 ? semicolon : semicolon < 0 ? hash : Math.min(hash, semicolon);
        return cut < 0 ? line : line.substring(0, cut);
    }
}
