package io.acai.edge.detect;

import io.acai.detection.BoundingBox;
import io.acai.detection.Detection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One image's detections as one line of JSON:
 * {@code {"image": "...", "detections": [{"class": "dog", "confidence": 0.93, "box": [x, y, w, h]}]}},
 * box in image pixels (top-left corner, width, height) rounded to 0.1 px, confidence to 4 decimals.
 * Strings are escaped per RFC 8259, and every character outside printable ASCII is written as a
 * {@code \\uXXXX} escape, so the line reads the same whatever the console's encoding.
 */
final class DetectionJson {

    private DetectionJson() {
    }

    static String line(String image, List<Detection> detections) {
        StringBuilder json = new StringBuilder(64 + 96 * detections.size());
        json.append("{\"image\": ");
        string(json, image);
        json.append(", \"detections\": [");
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            BoundingBox box = d.box();
            json.append(i == 0 ? "" : ", ").append("{\"class\": ");
            string(json, d.className());
            json.append(", \"confidence\": ").append(number(d.confidence(), 4))
                    .append(", \"box\": [").append(number(box.x(), 1)).append(", ").append(number(box.y(), 1))
                    .append(", ").append(number(box.width(), 1)).append(", ").append(number(box.height(), 1))
                    .append("]}");
        }
        return json.append("]}").toString();
    }

    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** A finite number rounded half-up to {@code decimals}, without trailing zeros or exponent. */
    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a JSON number: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
