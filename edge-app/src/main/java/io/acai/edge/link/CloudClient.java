package io.acai.edge.link;

import io.acai.edge.upload.CloudLink;
import io.acai.edge.upload.CloudListener;
import io.acai.protocol.AcaiEncoder;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.Hello;
import io.acai.protocol.HelloAck;
import io.acai.protocol.LogText;
import io.acai.protocol.Message;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadAck;
import io.acai.protocol.UploadBatch;
import io.acai.records.RunLog;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The edge's one persistent connection to the cloud. Connects, says hello, and reconnects with
 * {@link Backoff} whenever the connection cannot be made or drops, as Netty's uptime client does;
 * the edge keeps serving inference meanwhile. The batch being uploaded is kept until the cloud
 * acknowledges it and written again after every reconnect (the cloud ignores a batch id it has).
 * The connection's events and the cloud's messages go to the {@link CloudListener} given to
 * {@link #start}; the edge's update logic sends through this client as its {@link CloudLink}.
 *
 * <p>A cloud that refuses the edge's credentials ({@link ErrorCode#UNAUTHORIZED}: a wrong token;
 * {@link ErrorCode#TOKEN_MISSING}: none given) is tried {@link #MAX_REFUSALS} times in a row, in case it was
 * restarted with another token meanwhile; then the client stops reconnecting and {@link #refusal()} completes
 * with the cloud's reason, on which the edge app ends with its own exit code.
 */
public final class CloudClient implements CloudLink, AutoCloseable {

    private final String host;
    private final int port;
    private final String edgeId;
    private final String token;
    private final String softwareVersion;
    private final AcaiPipeline protocol;
    private final Backoff backoff;
    private final RunLog log;
    /** Refusals in a row after which the client gives up. */
    public static final int MAX_REFUSALS = 3;

    private final java.net.InetAddress localAddress;
    private final EventLoopGroup group;
    private final CompletableFuture<String> refusal = new CompletableFuture<>();
    private volatile int refusals;
    private final Bootstrap bootstrap;
    private volatile CloudListener listener;
    private volatile Channel ready;
    private volatile UploadBatch unacknowledged;
    private volatile boolean closing;
    private int failures;
    private int hellos;

    public CloudClient(String host, int port, String edgeId, String token, String softwareVersion, AcaiPipeline protocol,
                       Backoff backoff, RunLog log) {
        this(host, port, null, edgeId, token, softwareVersion, protocol, backoff, log);
    }

    /**
     * @param localAddress the address the connection is made from ({@code --bind}); null: the one the kernel picks
     */
    public CloudClient(String host, int port, java.net.InetAddress localAddress, String edgeId, String token,
                       String softwareVersion, AcaiPipeline protocol, Backoff backoff, RunLog log) {
        this.localAddress = localAddress;
        // its thread is named with the edge id, so that the threads of an edge host's members can be told apart
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("acai-cloud-link-" + edgeId));
        this.host = host;
        this.port = port;
        this.edgeId = edgeId;
        this.token = token;
        this.softwareVersion = softwareVersion;
        this.protocol = protocol;
        this.backoff = backoff;
        this.log = log;
        CloudClient client = this;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        protocol.install(ch.pipeline()).addLast(new CloudClientHandler(client));
                    }
                });
    }

    /** Starts connecting, telling {@code cloudListener} what happens from now on; returns at once. */
    public void start(CloudListener cloudListener) {
        Objects.requireNonNull(cloudListener, "cloudListener");
        if (listener != null) {
            throw new IllegalStateException("the client to " + host + ":" + port + " is started already");
        }
        listener = cloudListener;
        connect();
    }

    @Override
    public void upload(UploadBatch batch) {
        unacknowledged = batch;
        Channel channel = ready;
        if (channel != null) {
            channel.eventLoop().execute(() -> write(channel, batch));
        }
    }

    @Override
    public boolean send(Message message) {
        Channel channel = ready;
        if (channel == null) {
            log.info(message.type() + " not sent: not connected to the cloud");
            return false;
        }
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        return true;
    }

    public boolean isConnected() {
        return ready != null;
    }

    private void connect() {
        if (closing) {
            return;
        }
        ChannelFuture connecting = localAddress == null ? bootstrap.connect(host, port)
                : bootstrap.connect(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, 0));
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                retry("cannot connect to " + host + ":" + port + ": " + f.cause().getMessage());
            }
        });
    }

    private void retry(String reason) {
        if (closing) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        if (failures++ % 10 == 0) {
            log.warn(reason + "; retrying in " + delay + " ms (logged every 10 attempts), inference goes on");
        }
        group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    void connected(Channel channel) {
        channel.writeAndFlush(new Hello(edgeId, token, softwareVersion, listener.modelVersion()))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    void helloAcknowledged(Channel channel, HelloAck ack) {
        ready = channel;
        failures = 0;
        refusals = 0;
        backoff.reset();
        log.info("connected to " + LogText.escape(ack.cloudId()) + " at " + channel.remoteAddress() + ", which holds model v"
                + ack.modelVersion());
        UploadBatch batch = unacknowledged;
        if (hellos++ > 0) {
            listener.reconnected(batch != null);
        }
        if (batch != null) {
            log.info("sending batch " + batch.batchId() + " (" + batch.images().size() + " images), not acknowledged yet");
            write(channel, batch);
        }
    }

    private void write(Channel channel, UploadBatch batch) {
        listener.batchSending(System.currentTimeMillis());
        long bytes = AcaiEncoder.encodedSize(batch);
        channel.writeAndFlush(batch).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                listener.batchSent(System.currentTimeMillis());
                log.metric("upload_sent", "batch=" + batch.batchId() + " images=" + batch.images().size() + " bytes=" + bytes);
            } else {
                log.warn("batch " + batch.batchId() + " not sent: " + f.cause() + "; resent after reconnecting");
                f.channel().close();
            }
        });
    }

    void uploadAcknowledged(UploadAck ack) {
        UploadBatch batch = unacknowledged;
        if (batch != null && batch.batchId() == ack.batchId()) {
            unacknowledged = null;
        }
        log.info("cloud acknowledged batch " + ack.batchId() + ": " + ack.accepted() + " images accepted"
                + (ack.duplicate() ? " (a duplicate)" : ""));
        listener.batchAcknowledged(ack);
    }

    void modelPushed(ModelPush push) {
        long now = System.currentTimeMillis();
        long bytes = AcaiEncoder.encodedSize(push);
        log.metric("model_received", "version=" + push.version() + " bytes=" + bytes);
        listener.modelReceived(push, bytes, now);
    }

    void cloudError(ErrorMessage error) {
        log.warn("cloud error " + error.code() + ": " + LogText.escape(error.message()));
        if (error.code().refusesCredentials()) {
            refused(error);
            return;
        }
        listener.cloudError(error);
    }

    private void refused(ErrorMessage error) {
        String what = error.code() == ErrorCode.TOKEN_MISSING ? "token missing" : "wrong token";
        int count = ++refusals;
        if (count < MAX_REFUSALS) {
            log.warn("refused by the cloud (" + what + "), attempt " + count + " of " + MAX_REFUSALS
                    + "; trying again in case the cloud's token changes");
            return;
        }
        closing = true;
        String reason = "refused by the cloud " + count + " times in a row, " + what + ": "
                + LogText.escape(error.message());
        log.warn(reason + "; giving up");
        refusal.complete(reason);
    }

    /** Completes with the reason when the cloud refused this edge's credentials {@link #MAX_REFUSALS} times. */
    public CompletableFuture<String> refusal() {
        return refusal;
    }

    void disconnected(Channel channel) {
        if (ready == channel) {
            ready = null;
        }
        retry("connection to the cloud lost");
    }

    RunLog log() {
        return log;
    }

    @Override
    public void close() {
        closing = true;
        Channel channel = ready;
        if (channel != null) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
