package io.acai.cloud.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.retrain.EdgeFleet;
import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelStore;
import io.acai.cloud.store.ModelVersion;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.TestModels;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.Hello;
import io.acai.protocol.HelloAck;
import io.acai.protocol.Label;
import io.acai.protocol.Message;
import io.acai.protocol.ModelPush;
import io.acai.protocol.PushSignature;
import io.acai.protocol.ModelRequest;
import io.acai.protocol.ProtocolLimits;
import io.acai.protocol.UploadAck;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import io.acai.protocol.WireFormat;
import io.acai.records.RunLog;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloud's TCP server against real sockets: sessions, dedupe, and bad input closing one connection only. */
class CloudServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    @TempDir
    Path tmp;

    private RunLog log;
    private ModelStore store;
    private UploadQueue uploads;
    private ConnectedEdges edges;
    private CloudServer server;

    @BeforeEach
    void start() throws Exception {
        log = RunLog.open(tmp.resolve("cloud.log"));
        store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("model"), 1));
        uploads = new UploadQueue();
        edges = new ConnectedEdges(store, "s3cret", log);
        CloudContext context = new CloudContext("test-cloud", new TokenCheck("s3cret"), edges, uploads, store, log);
        server = CloudServer.start(0, new AcaiPipeline(ProtocolLimits.DEFAULT.withMaxFrameLength(4 * 1024 * 1024),
                Duration.ofSeconds(30)), context);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        log.close();
    }

    private String logText() throws Exception {
        return Files.readString(tmp.resolve("cloud.log"));
    }

    private void awaitLog(String text) {
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(logText()).contains(text));
    }

    private WireClient helloed(String edgeId, int modelVersion) throws Exception {
        WireClient client = new WireClient(server.port());
        client.send(new Hello(edgeId, "s3cret", "test", modelVersion));
        assertThat(client.receive(WAIT)).isEqualTo(new HelloAck("test-cloud", store.current().version()));
        return client;
    }

    @Test
    void acknowledgesABatchAndADuplicateOfIt() throws Exception {
        try (WireClient edge = helloed("edge-1", 0)) {
            UploadBatch batch = new UploadBatch(42, "edge-1", List.of(
                    new UploadImage("f1", 4, 4, JPEG, List.of(new Label(0, 0.5f, 0.5f, 0.1f, 0.1f)))));
            edge.send(batch);
            assertThat(edge.receive(WAIT)).isEqualTo(new UploadAck(42, 1, false));
            edge.send(batch);
            assertThat(edge.receive(WAIT)).isEqualTo(new UploadAck(42, 0, true));
            assertThat(uploads.pendingImages()).isEqualTo(1);
        }
    }

    @Test
    void pushesTheNewestModelToAnEdgeThatIsBehind() throws Exception {
        store.save(DarknetWeights.initial(store.cfg(), 5).encode());
        try (WireClient edge = helloed("edge-1", 0)) {
            Message push = edge.receive(WAIT);
            assertThat(push).isInstanceOf(ModelPush.class);
            assertThat(((ModelPush) push).version()).isEqualTo(1);
            assertThat(((ModelPush) push).digestMatches()).isTrue();
            // signed with the cloud's token: an edge holding it can tell the push is its cloud's
            assertThat(new PushSignature("s3cret").verifies((ModelPush) push)).isTrue();
            assertThat(new PushSignature("other").verifies((ModelPush) push)).isFalse();
            edge.send(new ModelRequest(0));
            assertThat(((ModelPush) edge.receive(WAIT)).version()).isEqualTo(1);
            edge.send(new ModelRequest(1));
            assertThat(edge.receive(Duration.ofMillis(300))).as("nothing newer than v1").isNull();
        }
    }

    @Test
    void theFleetPushesAVersionToTheNamedConnectedEdgesOnly() throws Exception {
        ModelVersion v1 = store.save(DarknetWeights.initial(store.cfg(), 5).encode());
        try (WireClient named = helloed("edge-1", 1); WireClient other = helloed("edge-2", 1)) {
            assertThat(edges.connected()).as("registered before the hello ack").containsOnly("edge-1", "edge-2");
            EdgeFleet.Delivery delivery = edges.push(v1, List.of("edge-1", "edge-3"), WAIT);

            assertThat(delivery).as("edge-3 is not connected").isEqualTo(new EdgeFleet.Delivery(1, 1));
            ModelPush push = (ModelPush) named.receive(WAIT);
            assertThat(push.version()).isEqualTo(1);
            assertThat(push.digestMatches()).isTrue();
            assertThat(push.cfg()).isEqualTo(store.cfgText());
            assertThat(new PushSignature("s3cret").verifies(push)).isTrue();
            assertThat(other.receive(Duration.ofMillis(300))).as("not named").isNull();
        }
        assertThat(logText()).contains("METRIC push edge=edge-1 version=1 bytes=").doesNotContain("edge=edge-2 version");
    }

    @Test
    void theFleetTellsTheNamedEdgesThatTheirRetrainFailed() throws Exception {
        try (WireClient named = helloed("edge-1", 0); WireClient other = helloed("edge-2", 0)) {
            assertThat(edges.connected()).as("registered before the hello ack").containsOnly("edge-1", "edge-2");
            edges.retrainFailed(List.of("edge-1"), "retrain failed: out of memory");

            assertThat(named.receive(WAIT)).isEqualTo(new ErrorMessage(ErrorCode.INTERNAL, "retrain failed: out of memory"));
            assertThat(other.receive(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void anEdgeThatDisconnectsLeavesTheFleet() throws Exception {
        try (WireClient edge = helloed("edge-1", 0)) {
            assertThat(edges.connected()).containsOnly("edge-1");
        }
        // until the server sees the connection close
        await().atMost(WAIT).untilAsserted(() -> assertThat(edges.connected()).isEmpty());
        awaitLog("edge edge-1 disconnected");
    }

    @Test
    void refusesAWrongTokenWithALoggedReason() throws Exception {
        try (WireClient edge = new WireClient(server.port())) {
            edge.send(new Hello("edge-9", "guess", "test", 0));
            Message answer = edge.receive(WAIT);
            assertThat(answer).isInstanceOf(ErrorMessage.class);
            assertThat(((ErrorMessage) answer).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(edge.awaitClosedByPeer(WAIT)).isTrue();
        }
        awaitLog("WARN closing connection from");
        awaitLog("edge edge-9 refused: wrong token");
    }

    @Test
    void refusesAnUploadBeforeTheHello() throws Exception {
        try (WireClient edge = new WireClient(server.port())) {
            edge.send(new UploadBatch(1, "edge-1", List.of()));
            assertThat(((ErrorMessage) edge.receive(WAIT)).code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(edge.awaitClosedByPeer(WAIT)).isTrue();
        }
        awaitLog("expected Hello first, got UPLOAD_BATCH");
    }

    @Test
    void refusesABatchInAnotherEdgesName() throws Exception {
        try (WireClient edge = helloed("edge-1", 0)) {
            edge.send(new UploadBatch(1, "edge-2", List.of()));
            assertThat(((ErrorMessage) edge.receive(WAIT)).code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(edge.awaitClosedByPeer(WAIT)).isTrue();
        }
        awaitLog("batch 1 names edge edge-2 on the connection of edge edge-1");
    }

    @Test
    void garbageClosesThatConnectionOnly() throws Exception {
        try (WireClient good = helloed("edge-1", 0); WireClient bad = new WireClient(server.port())) {
            bad.sendRaw(new byte[] {0, 0, 0, 8, 'G', 'A', 'R', 'B', 'A', 'G', 'E', '!'});
            assertThat(bad.awaitClosedByPeer(WAIT)).isTrue();
            assertGoodStillServed(good);
        }
        // the decoder closes the connection before the handler logs why: the line may come just after the close
        awaitLog("Invalid magic number: 0x47415242");
    }

    @Test
    void anUnknownVersionOrTypeClosesThatConnection() throws Exception {
        try (WireClient version = new WireClient(server.port()); WireClient type = new WireClient(server.port())) {
            version.sendRaw(frame(WireFormat.MAGIC, 9, 8, new byte[8]));
            type.sendRaw(frame(WireFormat.MAGIC, WireFormat.VERSION, 99, new byte[0]));
            assertThat(version.awaitClosedByPeer(WAIT)).isTrue();
            assertThat(type.awaitClosedByPeer(WAIT)).isTrue();
        }
        awaitLog("Unsupported version: 9");
        awaitLog("Unknown message type: 99");
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnly() throws Exception {
        try (WireClient good = helloed("edge-1", 0); WireClient bad = new WireClient(server.port())) {
            bad.sendRaw(ByteBuffer.allocate(4).putInt(64 * 1024 * 1024).array());
            assertThat(bad.awaitClosedByPeer(WAIT)).isTrue();
            assertGoodStillServed(good);
        }
        awaitLog("TooLongFrameException");
    }

    @Test
    void aTruncatedFrameClosesThatConnectionOnly() throws Exception {
        try (WireClient good = helloed("edge-1", 0); WireClient bad = new WireClient(server.port())) {
            // a frame that announces a 4-byte heartbeat payload where the type needs 8
            bad.sendRaw(frame(WireFormat.MAGIC, WireFormat.VERSION, 8, new byte[4]));
            assertThat(bad.awaitClosedByPeer(WAIT)).isTrue();
            assertGoodStillServed(good);
        }
        awaitLog("CorruptedFrameException");
    }

    private void assertGoodStillServed(WireClient good) throws Exception {
        good.send(new UploadBatch(7, "edge-1", List.of()));
        assertThat(good.receive(WAIT)).isEqualTo(new UploadAck(7, 0, false));
    }

    private static byte[] frame(int magic, int version, int type, byte[] payload) {
        return ByteBuffer.allocate(4 + 6 + payload.length).putInt(6 + payload.length).putInt(magic)
                .put((byte) version).put((byte) type).put(payload).array();
    }
}
