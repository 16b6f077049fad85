package io.acai.cloud.loop;

import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudMain;
import io.acai.cloud.retrain.UploadSpool;
import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.EdgeApp;
import io.acai.edge.EdgeConfig;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.model.TestModels;
import io.acai.records.run.SpoolRow;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real cloud ({@link CloudMain}, as {@code cloud-app.jar} runs it) in a child JVM, killed with SIGKILL and started
 * again on the same folder and port while real edges ({@link EdgeApp}, in this JVM) upload to it; then the images the
 * edges saw acknowledged are counted against those the cloud trained on, from the files alone: each edge's update
 * log ({@code upload of N mispredicted frames as batch B}, {@code cloud acknowledged batch B}) and the cloud's
 * {@code spool/batches.csv} with the batch files left in its spool.
 *
 * <p>Each kill waits for its time in the schedule, then for the cloud to acknowledge a new upload, and comes right
 * after it: the batch is acknowledged and not yet trained on, the case a cloud holding uploads in memory loses. After
 * the last restart the edges upload until the end; then they stop, the cloud trains what its spool still holds and is
 * stopped with SIGTERM.
 */
final class KilledCloudRun {

    private static final Pattern UPLOAD = Pattern.compile("upload of (\\d+) mispredicted frames as batch (-?\\d+) ");
    private static final Pattern ACKED = Pattern.compile("cloud acknowledged batch (-?\\d+): ");
    private static final Pattern ACCEPTED_UPLOAD = Pattern.compile("METRIC upload edge=\\S+ batch=\\S+ images=\\d+ "
            + "accepted=[1-9]");
    private static final Pattern RESTORED = Pattern.compile("upload spool \\S+: (\\d+) batches \\((\\d+) images\\) "
            + "not yet trained on");

    /**
     * What the run counted. {@code lost} lists each acknowledged batch that no round took (no line in
     * {@code batches.csv}) and that is not in the spool either, as {@code edge/batch}: what a crash lost.
     * {@code refused} lists those a round took whose retrain failed or whose weights the store refused (the cloud keeps
     * its model and drops the round, by design), with the cloud's reason: not lost to a kill, and not trained on.
     */
    record Result(int kills, List<Integer> killExitCodes, int ackedBatches, int ackedImages, int trainedImages,
                  int restoredBatches, int restoredImages, int lostImages, List<String> lost, int refusedImages,
                  List<String> refused, int leftInSpool, Duration ran) {

        String summary() {
            return String.format(java.util.Locale.ROOT, "%d kills (exit %s) in %d s: %d batches (%d images) "
                            + "acknowledged to the edges, %d images trained on, %d batches (%d images) found in the spool "
                            + "after restarts, %d acknowledged images lost %s, %d in rounds that failed %s, %d batch files"
                            + " left", kills, killExitCodes, ran.toSeconds(), ackedBatches, ackedImages, trainedImages,
                    restoredBatches, restoredImages, lostImages, lost, refusedImages, refused, leftInSpool);
        }
    }

    private final Path dir;
    private final int edges;
    private final Path cloudDir;
    private final ModelFiles model;
    private final int port;
    private Process cloud;
    private int starts;

    KilledCloudRun(Path dir, int edges) throws IOException {
        this.dir = dir;
        this.edges = edges;
        this.cloudDir = dir.resolve("cloud");
        this.model = TestModels.initialDefaultNetwork(dir.resolve("model"), 3);
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
    }

    Result run(int kills, Duration total) throws Exception {
        long started = System.nanoTime();
        startCloud();
        List<EdgeApp> running = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        try {
            for (int e = 1; e <= edges; e++) {
                running.add(EdgeApp.start(edgeConfig("edge-" + e),
                        new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)), FrameJudge.named("classes")::correct));
            }
            for (int k = 1; k <= kills; k++) {
                long slot = started + total.toNanos() * k / (kills + 1);
                await().atMost(total.plusMinutes(1)).pollInterval(Duration.ofMillis(100))
                        .until(() -> System.nanoTime() >= slot);
                int accepted = count(ACCEPTED_UPLOAD);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> count(ACCEPTED_UPLOAD) > accepted);
                cloud.destroyForcibly();
                exits.add(cloud.waitFor());
                startCloud();
            }
            long end = started + total.toNanos();
            await().atMost(total.plusMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> System.nanoTime() >= end);
        } finally {
            for (EdgeApp edge : running) {
                edge.close();
            }
        }
        try {
            // what the spool still holds is trained on before the cloud stops; what it never trains on stays there and
            // is counted as lost
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> spooled().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted below
        } finally {
            cloud.destroy();
            cloud.waitFor();
        }
        return count(kills, exits, Duration.ofNanos(System.nanoTime() - started));
    }

    private EdgeConfig edgeConfig(String id) {
        Path out = dir.resolve(id);
        return EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(port)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(8).setEdgeId(id)
                .optUploadThreshold(4).optModel(model).optThreads(1)
                .optDriftAfter(Duration.ZERO).optHeartbeatInterval(Duration.ofSeconds(1))
                .build();
    }

    /** Starts the cloud on the same folder and port and waits until it listens. */
    private void startCloud() throws Exception {
        Files.createDirectories(cloudDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cloud = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CloudMain.class.getName(),
                Integer.toString(port), cloudDir.resolve("cloud.log").toString(), cloudDir.resolve("cloud.csv").toString(),
                "--model", model.cfg().getParent().toString(), "--holdout-frames", "0", "--epochs", "1", "--batch", "4",
                "--threads", "1", "--heartbeat", "1s")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(cloudDir.resolve("stdout.log").toFile()))
                .start();
        int listening = ++starts;
        Process process = cloud;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the cloud ended with exit code " + process.exitValue() + "; see "
                        + cloudDir.resolve("stdout.log"));
            }
            return count(Pattern.compile("INFO listening on port " + port)) >= listening;
        });
    }

    private int count(Pattern pattern) throws IOException {
        Path log = cloudDir.resolve("cloud.log");
        if (!Files.exists(log)) {
            return 0;
        }
        return (int) Files.readAllLines(log).stream().filter(l -> pattern.matcher(l).find()).count();
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(cloudDir.resolve("spool"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(UploadSpool.SUFFIX)).toList();
        }
    }

    private Result count(int kills, List<Integer> exits, Duration ran) throws IOException {
        Map<String, Integer> trained = new HashMap<>();
        Map<String, String> outcomes = new HashMap<>();
        for (SpoolRow row : SpoolRow.SCHEMA.readAll(SpoolRow.SCHEMA.in(cloudDir.resolve("spool")))) {
            outcomes.merge(row.edge() + "/" + row.batch(), row.outcome() + " " + row.images() + " images in v"
                    + row.modelVersion(), (a, b) -> a + ", " + b);
            if (row.trained()) {
                trained.merge(row.edge() + "/" + row.batch(), (int) row.images(), Integer::sum);
            }
        }
        int ackedBatches = 0;
        int ackedImages = 0;
        int trainedImages = 0;
        int lostImages = 0;
        List<String> lost = new ArrayList<>();
        int refusedImages = 0;
        List<String> refused = new ArrayList<>();
        for (int e = 1; e <= edges; e++) {
            String edge = "edge-" + e;
            Map<String, Integer> uploaded = new LinkedHashMap<>();
            List<String> acked = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(edge).resolve("update.log"))) {
                Matcher upload = UPLOAD.matcher(line);
                if (upload.find()) {
                    uploaded.put(upload.group(2), Integer.parseInt(upload.group(1)));
                }
                Matcher ack = ACKED.matcher(line);
                if (ack.find() && !acked.contains(ack.group(1))) {
                    acked.add(ack.group(1));
                }
            }
            for (String batch : acked) {
                int images = uploaded.getOrDefault(batch, 0);
                int trainedOn = trained.getOrDefault(edge + "/" + batch, 0);
                ackedBatches++;
                ackedImages += images;
                trainedImages += Math.min(images, trainedOn);
                if (trainedOn < images && outcomes.containsKey(edge + "/" + batch)) {
                    refusedImages += images - trainedOn;
                    refused.add(edge + "/" + batch + " (" + outcomes.get(edge + "/" + batch) + ")");
                } else if (trainedOn < images) {
                    lostImages += images - trainedOn;
                    lost.add(edge + "/" + batch);
                }
            }
        }
        int restoredBatches = 0;
        int restoredImages = 0;
        for (String line : Files.readAllLines(cloudDir.resolve("cloud.log"))) {
            if (line.contains(" failed, keeping it: ") || line.contains("retrain skipped: ")) {
                refused.add("cloud: " + line);
            }
            Matcher restored = RESTORED.matcher(line);
            if (restored.find()) {
                restoredBatches += Integer.parseInt(restored.group(1));
                restoredImages += Integer.parseInt(restored.group(2));
            }
        }
        return new Result(kills, exits, ackedBatches, ackedImages, trainedImages, restoredBatches, restoredImages,
                lostImages, lost, refusedImages, refused, spooled().size(), ran);
    }
}
