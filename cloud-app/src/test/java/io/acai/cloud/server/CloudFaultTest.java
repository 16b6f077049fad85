package io.acai.cloud.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudMain;
import io.acai.cloud.retrain.UploadSpool;
import io.acai.model.TestModels;
import io.acai.protocol.Hello;
import io.acai.protocol.HelloAck;
import io.acai.protocol.Label;
import io.acai.protocol.Message;
import io.acai.protocol.UploadAck;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import io.acai.testkit.ConsoleCapture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write ends the cloud with exit code 5, its server closed first so that it acknowledges nothing it would
 * not train on. The faults are folders replaced by files, which no user can write into, root included. Before, the
 * retrain thread died on the failed save while the server kept acknowledging uploads.
 */
class CloudFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private static byte[] jpeg(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR), "jpg", out);
        return out.toByteArray();
    }

    private static UploadBatch batch(long id) throws IOException {
        return new UploadBatch(id, "edge-1", List.of(new UploadImage("f" + id, 32, 32, jpeg(32, 32),
                List.of(new Label(0, 0.5f, 0.5f, 0.25f, 0.25f)))));
    }

    /** Starts the cloud as its jar does, in the background, and waits until it listens. */
    private CompletableFuture<ConsoleCapture> startCloud(int port, Path out) throws Exception {
        String model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1).cfg().getParent().toString();
        CompletableFuture<ConsoleCapture> cloud = CompletableFuture.supplyAsync(() -> ConsoleCapture.run(
                () -> CloudMain.run(new String[] {Integer.toString(port), out.resolve("cloud.log").toString(),
                        out.resolve("cloud.csv").toString(), "--model", model, "--holdout-frames", "0",
                        "--epochs", "1", "--batch", "1", "--duration", "120s"})));
        await().atMost(WAIT).untilAsserted(() -> assertThat(out.resolve("cloud.log")).content().contains("listening"));
        return cloud;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void replaceWithAFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
        Files.writeString(folder, "a file where a folder was");
    }

    @Test
    void anUploadTheSpoolCannotWriteIsNotAcknowledgedAndEndsTheCloudWith5() throws Exception {
        int port = freePort();
        Path out = tmp.resolve("cloud");
        CompletableFuture<ConsoleCapture> cloud = startCloud(port, out);
        replaceWithAFile(out.resolve("spool"));
        try (WireClient edge = new WireClient(port)) {
            edge.send(new Hello("edge-1", "", "test", 0));
            assertThat(edge.receive(WAIT)).isInstanceOf(HelloAck.class);
            edge.send(batch(41));
            Message answer;
            do {
                answer = edge.receive(WAIT);
            } while (answer != null && !(answer instanceof UploadAck));
            assertThat(answer).as("no acknowledgement: the connection closes").isNull();
        }
        ConsoleCapture result = cloud.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
        assertThat(result.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("cloud-app: writing batch 41 of edge edge-1 to the upload spool failed: java.nio.file.")
                .endsWith("; stopped (exit code 5: a write failed or a worker thread died)");
        assertThat(out.resolve("cloud.log")).content()
                .contains("WARN batch 41 of edge edge-1 not acknowledged: the upload spool cannot write it")
                .contains("INFO stopped: writing batch 41 of edge edge-1 to the upload spool failed")
                .doesNotContain("METRIC upload");
    }

    @Test
    void aModelTheStoreCannotSaveEndsTheRetrainThreadAndTheCloudWith5AndTheUploadStaysSpooled() throws Exception {
        int port = freePort();
        Path out = tmp.resolve("cloud");
        CompletableFuture<ConsoleCapture> cloud = startCloud(port, out);
        replaceWithAFile(out.resolve("models"));
        try (WireClient edge = new WireClient(port)) {
            edge.send(new Hello("edge-1", "", "test", 0));
            assertThat(edge.receive(WAIT)).isInstanceOf(HelloAck.class);
            edge.send(batch(42));
            assertThat(edge.receive(WAIT)).isEqualTo(new UploadAck(42, 1, false));
            assertThat(edge.awaitClosedByPeer(WAIT)).as("the cloud closes its server").isTrue();
        }
        ConsoleCapture result = cloud.get(120, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
        assertThat(result.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("cloud-app: the retrain thread failed: java.io.UncheckedIOException: saving model v1 in ")
                .endsWith("; stopped (exit code 5: a write failed or a worker thread died)");
        try (Stream<Path> spooled = Files.list(out.resolve("spool"))) {
            assertThat(spooled.map(p -> p.getFileName().toString()))
                    .as("acknowledged, not trained: kept for the next cloud").contains("edge-1_42" + UploadSpool.SUFFIX);
        }
        try (WireClient late = new WireClient(port)) {
            throw new AssertionError("the server still accepts connections");
        } catch (java.net.ConnectException expected) {
            // closed
        }
    }

    @Test
    void aCloudCsvOfAnotherFormatIsRefusedAtStartNamingBothHeaders() throws Exception {
        Path out = tmp.resolve("cloud");
        Files.createDirectories(out);
        Files.writeString(out.resolve("cloud.csv"), "end_time,avg_inf_time\n1,2\n");
        String model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1).cfg().getParent().toString();
        ConsoleCapture result = ConsoleCapture.run(() -> CloudMain.run(new String[] {"0",
                out.resolve("cloud.log").toString(), out.resolve("cloud.csv").toString(), "--model", model,
                "--holdout-frames", "0", "--duration", "1s"}));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("cloud-app: " + out.resolve("cloud.csv") + ":1: header [end_time,"
                + " avg_inf_time] is not cloud.csv's [received, updated, saved, encoded, sent, images, edges, epochs,"
                + " loss_first, loss_last, device, model_version], so rows cannot be appended to it; move the file"
                + " aside or write elsewhere (exit code 1)");
        assertThat(Files.readString(out.resolve("cloud.csv"))).isEqualTo("end_time,avg_inf_time\n1,2\n");
    }
}
