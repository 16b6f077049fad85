package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.model.TestModels;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.Hello;
import io.acai.protocol.HelloAck;
import io.acai.protocol.Message;
import io.acai.protocol.ModelAck;
import io.acai.protocol.ModelPush;
import io.acai.protocol.ProtocolLimits;
import io.acai.protocol.PushSignature;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real edge ({@link EdgeApp}, the real OpenCV loader) with a token, connected over real TCP to a cloud
 * that says Hello back and pushes one model: it swaps in a push signed with its token, and refuses one signed
 * with another token, an unsigned one and one whose weights hold a NaN, each with a logged reason and a
 * {@link ModelAck} the cloud sees, keeping the model it runs. What the cloud sent is logged escaped.
 */
class PushRefusalTest {

    private static final String TOKEN = "s3cret";
    /** A cloud id holding a line break: logged as is, it would forge a line of the edge's log. */
    private static final String FORGING_CLOUD_ID = "cloud\n2026-01-01T00:00:00Z INFO model v9 serving";

    @TempDir
    Path tmp;

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Queue<ModelAck> acks = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void aPushSignedWithTheEdgesTokenSwapsIn() throws Exception {
        Outcome outcome = pushTo(TOKEN, (files, push) -> new PushSignature(TOKEN).sign(push));

        assertThat(outcome.version).isEqualTo(1);
        assertThat(acks).contains(ModelAck.installed(1));
        assertThat(outcome.log).contains("model v1 serving");
    }

    @Test
    void aPushSignedWithAnotherTokenIsRefusedAndTheModelKept() throws Exception {
        Outcome outcome = pushTo(TOKEN, (files, push) -> new PushSignature("not-the-token").sign(push));

        assertThat(outcome.version).isZero();
        assertThat(acks).isNotEmpty().allSatisfy(ack -> {
            assertThat(ack.ok()).isFalse();
            assertThat(ack.reason()).startsWith("signature mismatch");
        });
        assertThat(outcome.log).contains("model v1 refused, keeping v0: signature mismatch")
                .doesNotContain("model v1 serving");
    }

    @Test
    void anUnsignedPushIsRefusedByAnEdgeWithAToken() throws Exception {
        Outcome outcome = pushTo(TOKEN, (files, push) -> push);

        assertThat(outcome.version).isZero();
        assertThat(acks).isNotEmpty().allSatisfy(ack -> assertThat(ack.reason()).startsWith("unsigned"));
    }

    @Test
    void anEdgeWithoutATokenTakesAnUnsignedPushAsBefore() throws Exception {
        Outcome outcome = pushTo("", (files, push) -> push);

        assertThat(outcome.version).isEqualTo(1);
        assertThat(acks).contains(ModelAck.installed(1));
    }

    @Test
    void weightsHoldingANaNAreRefusedBeforeTheSwap() throws Exception {
        Outcome outcome = pushTo(TOKEN, (files, push) -> {
            DarknetWeights weights = DarknetWeights.decode(push.weights(), DarknetConfig.read(files.cfg()), "test");
            weights.layer(weights.convolutions().get(2).layer()).kernel()[17] = Float.NaN;
            weights.convolutions().get(3).biases()[0] = Float.POSITIVE_INFINITY;
            return new PushSignature(TOKEN).sign(ModelPush.of(1, weights.encode()));
        });

        assertThat(outcome.version).isZero();
        assertThat(acks).isNotEmpty().allSatisfy(ack -> assertThat(ack.reason())
                .contains("weights of v1: 2 values are not finite, the first layer")
                .contains("weights[17] = NaN (expected: finite numbers)"));
        assertThat(outcome.log).contains("model v1 refused, keeping v0: weights of v1: 2 values are not finite");
    }

    private interface PushMaker {
        ModelPush make(ModelFiles files, ModelPush unsignedGoodPush) throws Exception;
    }

    private record Outcome(int version, String log) {
    }

    /** Starts the cloud and an edge holding {@code edgeToken}, lets the cloud push what {@code maker} makes. */
    private Outcome pushTo(String edgeToken, PushMaker maker) throws Exception {
        ModelFiles files = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        ModelPush good = ModelPush.of(1, DarknetWeights.initial(DarknetConfig.read(files.cfg()), 2).encode());
        ModelPush push = maker.make(files, good);
        Channel server = startCloud(p -> push);
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        Path out = tmp.resolve("out");
        EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(port)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(5).setEdgeId("edge-1")
                .optUploadThreshold(1000).optModel(files).optThreads(1).optToken(edgeToken)
                .optDriftAfter(Duration.ZERO).optHeartbeatInterval(Duration.ofSeconds(2))
                .build();
        int version;
        try (EdgeApp edge = EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)),
                FrameJudge.named("classes")::correct)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !acks.isEmpty());
            version = edge.modelVersion();
        } finally {
            server.close().awaitUninterruptibly();
        }
        String log = Files.readString(out.resolve("update.log"));
        List<String> lines = log.lines().toList();
        assertThat(lines).as("every line of the edge's log is its own, the cloud id escaped")
                .allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ [A-Z]+ .*"));
        assertThat(log).contains("connected to cloud\\n2026-01-01T00:00:00Z INFO model v9 serving at");
        return new Outcome(version, log);
    }

    private Channel startCloud(UnaryOperator<ModelPush> pushes) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(2)).install(ch.pipeline())
                                .addLast(new SimpleChannelInboundHandler<Message>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
                                        if (msg instanceof Hello) {
                                            ctx.write(new HelloAck(FORGING_CLOUD_ID, 1));
                                            ctx.writeAndFlush(pushes.apply(null));
                                        } else if (msg instanceof ModelAck ack) {
                                            acks.add(ack);
                                        }
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }
}
