package io.acai.dataset;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a YOLO label file: one object a line, {@code class cx cy w h}, the box normalised to the
 * image size (centre in [0, 1], size in (0, 1]). Blank lines are ignored; a malformed line, a
 * value out of range or a class id beyond the names is left out and reported with its line.
 */
final class YoloLabels {

    /** Slack for values a writer rounded just past 0 or 1. */
    private static final double TOLERANCE = 1e-6;

    private YoloLabels() {
    }

    /** The valid objects of {@code file}; problems are added to {@code skipped}. */
    static List<ObjectLabel> parse(Path file, ClassNames names, List<SkippedFile> skipped) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            skipped.add(SkippedFile.whole(file, "unreadable label file: " + e));
            return List.of();
        }
        List<ObjectLabel> objects = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = (i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                objects.add(parseLine(line, names));
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedFile(file, i + 1, e.getMessage()));
            }
        }
        return objects;
    }

    static ObjectLabel parseLine(String line, ClassNames names) {
        String[] fields = line.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + line + "': " + fields.length
                    + " fields (expected: 5, class cx cy w h)");
        }
        int classId = classId(fields[0], names);
        double cx = number("cx", fields[1], 0);
        double cy = number("cy", fields[2], 0);
        double w = number("w", fields[3], Double.MIN_VALUE);
        double h = number("h", fields[4], Double.MIN_VALUE);
        return new ObjectLabel(classId, BoundingBox.fromCenter(cx, cy, w, h), true);
    }

    private static int classId(String field, ClassNames names) {
        int id;
        try {
            id = Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("class id '" + field + "' (expected: an integer)");
        }
        if (id < 0 || id >= names.size()) {
            throw new IllegalArgumentException("class id " + id + " beyond the " + names.size()
                    + " class names (expected: 0.." + (names.size() - 1) + ")");
        }
        return id;
    }

    private static double number(String name, String field, double min) {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + field + "' (expected: a number)");
        }
        if (!(value >= min - TOLERANCE && value <= 1 + TOLERANCE) || (min > 0 && value <= 0)) {
            throw new IllegalArgumentException(name + " " + field + " out of range (expected: "
                    + (min > 0 ? "> 0" : ">= 0") + " and <= 1, normalised to the image size)");
        }
        return Math.max(0, Math.min(1, value));
    }
}
