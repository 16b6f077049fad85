package io.acai.cloud.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelStore;
import io.acai.model.TestModels;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.Heartbeat;
import io.acai.protocol.Hello;
import io.acai.protocol.HelloAck;
import io.acai.protocol.Message;
import io.acai.protocol.MessageType;
import io.acai.protocol.ProtocolLimits;
import io.acai.protocol.WireFormat;
import io.acai.records.RunLog;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What peers that never authenticate can cost the cloud: bounded memory whatever they announce, a
 * Hello deadline, a connection limit; and the edge id rule. Every close is in {@code cloud.log}.
 */
class CloudServerLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SIXTY_MIB = 60 * 1024 * 1024;

    @TempDir
    Path tmp;

    private RunLog log;
    private CloudServer server;

    private void start(AcaiPipeline protocol, ServerLimits limits) throws Exception {
        log = RunLog.open(tmp.resolve("cloud.log"));
        ModelStore store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("model"), 1));
        CloudContext context = new CloudContext("test-cloud", new TokenCheck("s3cret"), new ConnectedEdges(store, log),
                new UploadQueue(), store, log);
        server = CloudServer.start(0, protocol, limits, context);
    }

    private void start(ServerLimits limits) throws Exception {
        start(new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(30)), limits);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (log != null) {
            log.close();
        }
    }

    private String logText() throws IOException {
        return Files.readString(tmp.resolve("cloud.log"));
    }

    private WireClient helloed(String edgeId) throws Exception {
        WireClient client = new WireClient(server.port());
        client.send(new Hello(edgeId, "s3cret", "test", 0));
        assertThat(client.receive(WAIT)).isInstanceOf(HelloAck.class);
        return client;
    }

    @Test
    void aFloodOfConnectionsAnnouncingHugeFramesHoldsNoMemory() throws Exception {
        assumeThat(ByteBufAllocator.DEFAULT).as("the server's allocator, whose metrics are measured")
                .isInstanceOf(PooledByteBufAllocator.class);
        start(ServerLimits.DEFAULT);
        try (WireClient warm = helloed("edge-1")) {
            assertThat(warm.awaitClosedByPeer(Duration.ofMillis(100))).isFalse();
        }
        long before = usedBytes();
        long peak = before;
        List<Socket> flood = new ArrayList<>();
        try {
            // 40 connections, each announcing a 60 MiB upload (a valid header) and sending 2 MiB of it:
            // a decoder that waits for whole frames holds 80 MiB and more here
            byte[] header = ByteBuffer.allocate(10).putInt(SIXTY_MIB).putInt(WireFormat.MAGIC)
                    .put((byte) WireFormat.VERSION).put((byte) MessageType.UPLOAD_BATCH.code()).array();
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                flood.add(socket);
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(header);
                    for (int k = 0; k < 32; k++) {
                        out.write(chunk);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the cloud closed the connection: what it should do
                }
                peak = Math.max(peak, usedBytes());
            }
            // the cloud closes every one of them (a pre-Hello frame over its limit): wait for that, then measure
            for (Socket socket : flood) {
                awaitClosedByPeer(socket);
            }
            peak = Math.max(peak, usedBytes());
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        assertThat(peak - before).as("pooled memory taken by the flood, in bytes").isLessThan(16L * 1024 * 1024);
        assertThat(logText()).contains("TooLongFrameException: Frame too long before Hello: " + (SIXTY_MIB + 4)
                + " bytes (expected: <= 4096)");
    }

    private static long usedBytes() {
        var metric = PooledByteBufAllocator.DEFAULT.metric();
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }

    @Test
    void aConnectionWithoutHelloIsClosedAtTheDeadlineThoughItSendsHeartbeats() throws Exception {
        start(new ServerLimits(ServerLimits.DEFAULT_MAX_CONNECTIONS, Duration.ofMillis(500)));
        long start = System.nanoTime();
        try (WireClient silent = new WireClient(server.port()); WireClient beating = new WireClient(server.port());
             WireClient edge = helloed("edge-1")) {
            boolean closed = false;
            for (int i = 0; i < 100 && !closed; i++) {
                // a heartbeat every 100 ms, as a peer that keeps its connection alive without saying Hello
                beating.send(new Heartbeat(i));
                closed = beating.awaitClosedByPeer(Duration.ofMillis(100));
            }
            assertThat(closed).isTrue();
            assertThat(silent.awaitClosedByPeer(WAIT)).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("closed at the deadline, heartbeats notwithstanding")
                    .isBetween(Duration.ofMillis(500), Duration.ofMillis(3000));
            assertThat(edge.awaitClosedByPeer(Duration.ofMillis(300))).as("a helloed edge stays").isFalse();
        }
        assertThat(logText()).contains("PeerTimeoutException: no Hello accepted within 500 ms");
    }

    @Test
    void aConnectionOverTheLimitIsRefusedWithALogLine() throws Exception {
        start(new ServerLimits(2, Duration.ofSeconds(30)));
        try (WireClient first = helloed("edge-1"); WireClient second = new WireClient(server.port());
             WireClient third = new WireClient(server.port())) {
            // the two arrive on different event loops: either may be the one over the limit
            boolean secondClosed = second.awaitClosedByPeer(Duration.ofSeconds(1));
            boolean thirdClosed = third.awaitClosedByPeer(Duration.ofSeconds(1));
            assertThat(secondClosed ^ thirdClosed).as("exactly one refused").isTrue();
            (secondClosed ? third : second).close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (WireClient again = new WireClient(server.port())) {
                    assertThat(again.awaitClosedByPeer(Duration.ofMillis(200))).as("admitted once one closed").isFalse();
                }
            });
            assertThat(first.awaitClosedByPeer(Duration.ofMillis(100))).isFalse();
        }
        assertThat(logText()).containsPattern(
                "WARN refusing connection from /127\\.0\\.0\\.1:\\d+: 2 connections open, the limit \\(--max-connections\\)");
    }

    @Test
    void anEdgeIdThatIsNoMachineNameIsRefusedAndCannotForgeALogLine() throws Exception {
        start(ServerLimits.DEFAULT);
        String forged = "edge-1\n2026-01-01T00:00:00Z INFO edge edge-2 runs model v9";
        try (WireClient edge = new WireClient(server.port()); WireClient upper = new WireClient(server.port())) {
            edge.send(new Hello(forged, "s3cret", "x\ny", 0));
            Message answer = edge.receive(WAIT);
            assertThat(answer).isEqualTo(new ErrorMessage(ErrorCode.PROTOCOL_VIOLATION,
                    "edge id \"edge-1\\n2026-01-01T00:00:00Z INFO edge edge-2 runs model v9\" is not a machine name "
                            + "(expected: lower-case letters, digits and '-', starting with a letter, at most 63)"));
            assertThat(edge.awaitClosedByPeer(WAIT)).isTrue();
            upper.send(new Hello("Edge_1", "s3cret", "test", 0));
            assertThat(((ErrorMessage) upper.receive(WAIT)).message()).startsWith("edge id \"Edge_1\" is not a machine name");
        }
        List<String> lines = Files.readAllLines(tmp.resolve("cloud.log"));
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z (INFO|WARN|METRIC) .*"));
        assertThat(lines).noneMatch(line -> line.contains("runs model v9") && !line.contains("is not a machine name"));
    }

    @Test
    void anIdleConnectionsCloseIsInTheCloudLog() throws Exception {
        start(new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofMillis(100), Duration.ofMillis(300)),
                ServerLimits.DEFAULT);
        try (WireClient edge = helloed("edge-1")) {
            // the client sends no heartbeats: it falls silent
            assertThat(edge.awaitClosedByPeer(WAIT)).isTrue();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(logText())
                .contains("(edge edge-1): io.acai.protocol.PeerTimeoutException: nothing received for 300 ms")
                .contains("edge edge-1 disconnected"));
    }

    /** Returns once the peer has closed {@code socket} (end of stream or reset); fails after 10 s. */
    private static void awaitClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            while (socket.getInputStream().read() != -1) {
                // the cloud may send an error frame first
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the cloud left a flooding connection open for 10 s", e);
        } catch (IOException e) {
            // reset by the cloud: closed too
        }
    }
}
