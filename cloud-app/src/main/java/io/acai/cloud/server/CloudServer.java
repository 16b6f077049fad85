package io.acai.cloud.server;

import io.acai.protocol.AcaiPipeline;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The cloud's TCP server: one persistent connection per edge, handled by {@link CloudServerHandler}.
 * Peers that have not said Hello are held to the {@link ServerLimits} and to the protocol's small
 * frame limit before Hello.
 */
public final class CloudServer implements AutoCloseable {

    private boolean closed;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private CloudServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /** Binds {@code port} on every interface ({@code 0}: any free port), under the default {@link ServerLimits}. */
    public static CloudServer start(int port, AcaiPipeline protocol, CloudContext cloud) throws InterruptedException {
        return start(port, protocol, ServerLimits.DEFAULT, cloud);
    }

    /**
     * Binds {@code port} on every interface ({@code 0}: any free port).
     *
     * @param protocol the protocol's pipeline; the server installs it {@link AcaiPipeline#awaitingHello awaiting Hello}
     */
    public static CloudServer start(int port, AcaiPipeline protocol, ServerLimits limits, CloudContext cloud)
            throws InterruptedException {
        ConnectionLimit connections = new ConnectionLimit(limits.maxConnections(), cloud.log());
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new CloudServerInitializer(protocol.awaitingHello(limits.helloTimeout()), connections, cloud))
                    .bind(port).sync().channel();
            return new CloudServer(boss, workers, channel);
        } catch (RuntimeException | InterruptedException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** The port bound, useful after binding port 0. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // closed already, by the fault that stops the cloud or by its close
        }
        closed = true;
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
