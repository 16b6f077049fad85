package io.acai.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.SharedData;
import io.acai.testkit.ConsoleCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.opencv.global.opencv_core;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect} with the real Yolo-Fastest-1.1 COCO model on COCO128 photos from {@code ../shared}. */
class DetectCommandTest {

    private static final String MODEL = "data/yolo-fastest/yolo-fastest-1.1_coco/";
    private static final Pattern DETECTION = Pattern.compile(
            "\\{\"class\": \"([^\"]+)\", \"confidence\": ([0-9.]+), \"box\": \\[([0-9.]+), ([0-9.]+), ([0-9.]+), ([0-9.]+)]}");

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOneJsonLinePerImageWithThePersonInIt() {
        // 000000000036: 481x640, its label file has one person, centre (323, 395), size 311x465
        String image = SharedData.resolve("data/coco128/images/train/000000000036.jpg").toString();
        String empty = SharedData.resolve("data/coco128/images/train/000000000025.jpg").toString();

        int status = DetectCommand.run(new String[] {"detect", "--cfg", model("yolo-fastest-1.1.cfg"),
                "--weights", model("yolo-fastest-1.1.weights"), "--names", model("coco.names"), "--conf", "0.25",
                image, empty}, print(out), print(err));

        assertThat(status).as("stderr: %s", err).isZero();
        List<String> lines = lines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"image\": \"" + image + "\", \"detections\": [").endsWith("]}");
        assertThat(lines.get(1)).startsWith("{\"image\": \"" + empty + "\", \"detections\": [");
        Matcher m = DETECTION.matcher(lines.get(0));
        boolean person = false;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(2))).isBetween(0.25, 1.0);
            if (m.group(1).equals("person")) {
                double x = Double.parseDouble(m.group(3));
                double y = Double.parseDouble(m.group(4));
                double w = Double.parseDouble(m.group(5));
                double h = Double.parseDouble(m.group(6));
                person |= Math.abs(x + w / 2 - 323) < 60 && Math.abs(y + h / 2 - 395) < 60;
            }
        }
        assertThat(person).as("a person near the labelled one in %s", lines.get(0)).isTrue();
    }

    @Test
    void unreadableFilesAreReportedAndTheOthersStillProcessed() throws IOException {
        Path text = temp.resolve("notes.jpg");
        Files.writeString(text, "not a picture");
        Path missing = temp.resolve("absent.png");
        String image = SharedData.resolve("data/coco128/images/train/000000000036.jpg").toString();

        int status = DetectCommand.run(new String[] {"--cfg", model("yolo-fastest-1.1.cfg"),
                "--weights", model("yolo-fastest-1.1.weights"), "--names", model("coco.names"),
                text.toString(), missing.toString(), image}, print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(lines(out)).hasSize(1).first().asString().startsWith("{\"image\": \"" + image + "\"");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(text + ": not an image (no decoder recognises its content)")
                .contains(missing + ": no such file")
                .contains("detect: 2 of 3 images could not be read");
    }

    @Test
    void publicEntryPointWritesToStandardOutput() {
        String image = SharedData.resolve("data/coco128/images/train/000000000036.jpg").toString();
        ConsoleCapture result = ConsoleCapture.run(() -> DetectCommand.run(new String[] {"--cfg",
                model("yolo-fastest-1.1.cfg"), "--weights", model("yolo-fastest-1.1.weights"), "--names",
                model("coco.names"), "--conf=0.5", "--nms=0.45", image}));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1).first().asString().contains("\"class\": \"person\"");
    }

    @Test
    void missingArgumentsGiveUsageAndStatus2() {
        assertThat(DetectCommand.run(new String[] {"detect"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required options and parameters: '--cfg=C', '--weights=W', '--names=N', 'IMAGE'").contains(DetectCommand.USAGE);

        err.reset();
        assertThat(DetectCommand.run(new String[] {"--cfg", "c", "--weights", "w", "--names", "n"}, print(out),
                print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'IMAGE'");

        err.reset();
        assertThat(DetectCommand.run(new String[] {"--cfg", "c", "--weights", "w", "--names", "n", "--conf", "high",
                "x.jpg"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid value for option '--conf': 'high' is not a float");

        err.reset();
        assertThat(DetectCommand.run(new String[] {"--cfg", "c", "--weights", "w", "--names", "n", "--conf", "2",
                "x.jpg"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--conf: 2.0 (expected: 0..1)");
        assertThat(out.size()).isZero();
    }

    @Test
    void threadsBelowOneOrNotANumberGiveUsageAndStatus2() {
        for (String threads : new String[] {"0", "-3"}) {
            err.reset();
            assertThat(DetectCommand.run(new String[] {"--cfg", "c", "--weights", "w", "--names", "n", "--threads",
                    threads, "x.jpg"}, print(out), print(err))).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("detect: --threads: " + threads + " (expected: >= 1)").contains(DetectCommand.USAGE);
        }

        err.reset();
        assertThat(DetectCommand.run(new String[] {"--cfg", "c", "--weights", "w", "--names", "n", "--threads=two",
                "x.jpg"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid value for option '--threads': 'two' is not an int");
        assertThat(out.size()).isZero();
    }

    /** OpenCV's thread count is process-wide: each run leaves the one it asked for, the default 2 included. */
    @Test
    void threadsSetOpenCvsThreadCount() {
        String image = SharedData.resolve("data/coco128/images/train/000000000036.jpg").toString();
        for (String threads : new String[] {"1", "3", null}) {
            List<String> args = new ArrayList<>(List.of("--cfg", model("yolo-fastest-1.1.cfg"), "--weights",
                    model("yolo-fastest-1.1.weights"), "--names", model("coco.names")));
            if (threads != null) {
                args.addAll(List.of("--threads", threads));
            }
            args.add(image);
            out.reset();

            int status = DetectCommand.run(args.toArray(String[]::new), print(out), print(err));

            assertThat(status).as("stderr: %s", err).isZero();
            assertThat(lines(out)).hasSize(1).first().asString().contains("\"class\": \"person\"");
            assertThat(opencv_core.getNumThreads()).as("--threads %s", threads)
                    .isEqualTo(threads == null ? DetectCommand.DEFAULT_THREADS : Integer.parseInt(threads));
        }
    }

    @Test
    void helpListsEveryOptionAndNeedsNoModel() {
        assertThat(DetectCommand.run(new String[] {"detect", "--help"}, print(out), print(err))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--cfg=C", "--weights=W", "--names=N",
                "--conf=C", "--nms=IOU", "--threads=N", "OpenCV threads for inference, >= 1 (default: 2)", "IMAGE");
        assertThat(err.size()).isZero();
    }

    @Test
    void modelThatCannotBeLoadedGivesStatus1NamingTheFile() {
        Path missing = temp.resolve("absent.weights");

        int status = DetectCommand.run(new String[] {"--cfg", model("yolo-fastest-1.1.cfg"), "--weights",
                missing.toString(), "--names", model("coco.names"), "x.jpg"}, print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(missing + ": model file missing or unreadable");
    }

    private static String model(String file) {
        return SharedData.resolve(MODEL + file).toString();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
