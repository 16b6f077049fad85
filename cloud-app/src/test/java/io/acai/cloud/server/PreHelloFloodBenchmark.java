package io.acai.cloud.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault probe's pre-Hello flood against a real cloud process: starts {@code cloud-app.jar}, waits
 * for it to listen, then opens 20 connections that each announce a 60 MiB frame with a wrong magic
 * and send all of it, and reports the cloud's resident memory (VmRSS, Linux) idle and at its peak,
 * and the bytes the clients could write before the cloud closed their connections. Build the jar
 * first; any jar can be measured (an older build, for the figure before the fix) with
 * {@code -Dacai.cloudJar=PATH}, under another heap with {@code -Dacai.cloudXmx=256m}:
 *
 * <pre>
 * mvn -B package -DskipTests -pl cloud-app -am
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=PreHelloFloodBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class PreHelloFloodBenchmark {

    private static final int CONNECTIONS = 20;
    private static final int FRAME = 60 * 1024 * 1024;

    @Test
    void report() throws Exception {
        Path jar = Path.of(System.getProperty("acai.cloudJar", "target/cloud-app.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " : no such jar (build it with mvn package -DskipTests -pl cloud-app -am)");
        }
        Path dir = Files.createTempDirectory("acai-flood");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("cloud.log");
        Process cloud = new ProcessBuilder("java", "-Xmx" + System.getProperty("acai.cloudXmx", "1g"), "-jar",
                jar.toString(), String.valueOf(port), log.toString(), dir.resolve("cloud.csv").toString(),
                "--holdout-frames", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!cloud.isAlive()) {
                    throw new IllegalStateException("the cloud did not start; see " + dir.resolve("stdout.log"));
                }
                return Files.exists(log) && Files.readString(log).contains("listening on port");
            });
            long idle = steadyRssKiB(cloud.pid());
            AtomicLong peak = new AtomicLong(idle);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    peak.accumulateAndGet(rssKiB(cloud.pid()), Math::max);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                sent.add(pool.submit(() -> flood(port)));
            }
            long total = 0;
            for (Future<Long> f : sent) {
                total += f.get();
            }
            // the peak is sampled until the cloud's memory stops moving after the last client was closed
            steadyRssKiB(cloud.pid());
            sampler.shutdownNow();
            pool.shutdownNow();
            System.out.printf("cloud %s, %d connections each announcing a %d MiB frame with a wrong magic%n",
                    jar.getFileName(), CONNECTIONS, FRAME >> 20);
            System.out.printf("resident memory: %,d KiB idle, %,d KiB at the peak (+%,d KiB)%n", idle, peak.get(),
                    peak.get() - idle);
            System.out.printf("bytes the clients wrote before the cloud closed them (socket buffers included): %,d of %d MiB offered%n",
                    total, (long) CONNECTIONS * (FRAME >> 20));
            System.out.printf("cloud alive afterwards: %s%n", cloud.isAlive());
        } finally {
            cloud.destroy();
            cloud.waitFor(10, TimeUnit.SECONDS);
            cloud.destroyForcibly();
        }
    }

    /** Sends the frame until the cloud closes the connection; the bytes written. */
    private static long flood(int port) throws IOException {
        byte[] header = ByteBuffer.allocate(10).putInt(FRAME).putInt(0x12345678).put((byte) 1).put((byte) 3).array();
        byte[] chunk = new byte[256 * 1024];
        long written = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(header);
            written += header.length;
            while (written < FRAME) {
                out.write(chunk);
                written += chunk.length;
            }
            out.flush();
            // hold the connection, as the probe did, while the peak is sampled
            socket.setSoTimeout(3000);
            socket.getInputStream().read();
        } catch (IOException e) {
            // closed by the cloud
        }
        return written;
    }

    /** The resident memory once two readings half a second apart differ by less than 1 MiB. */
    private static long steadyRssKiB(long pid) {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = rssKiB(pid);
            return Math.abs(now - last.getAndSet(now)) < 1024;
        });
        return last.get();
    }

    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
