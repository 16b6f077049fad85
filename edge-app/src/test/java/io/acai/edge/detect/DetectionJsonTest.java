package io.acai.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.BoundingBox;
import io.acai.detection.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionJsonTest {

    @Test
    void writesTheDocumentedForm() {
        List<Detection> detections = List.of(
                new Detection(16, "dog", 0.93f, new BoundingBox(12.04, 30.25, 100, 80.5)),
                new Detection(0, "person", 0.123456f, new BoundingBox(0, 0, 5.55, 1e-9)));

        assertThat(DetectionJson.line("images/dog.jpg", detections)).isEqualTo(
                "{\"image\": \"images/dog.jpg\", \"detections\": ["
                        + "{\"class\": \"dog\", \"confidence\": 0.93, \"box\": [12, 30.3, 100, 80.5]}, "
                        + "{\"class\": \"person\", \"confidence\": 0.1235, \"box\": [0, 0, 5.6, 0]}]}");
    }

    @Test
    void noDetectionsIsAnEmptyList() {
        assertThat(DetectionJson.line("a.png", List.of())).isEqualTo("{\"image\": \"a.png\", \"detections\": []}");
    }

    @Test
    void escapesQuotesBackslashesControlAndNonAsciiCharacters() {
        StringBuilder json = new StringBuilder();
        DetectionJson.string(json, "a\"b\\c\nd\te\u0001f é😀");

        assertThat(json.toString()).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f \\u00e9\\ud83d\\ude00\"");
    }
}
