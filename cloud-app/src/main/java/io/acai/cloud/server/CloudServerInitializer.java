package io.acai.cloud.server;

import io.acai.protocol.AcaiPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * The pipeline of an edge connection: the protocol handlers, then a {@link CloudServerHandler}; a
 * connection over the {@link ConnectionLimit} is closed instead.
 */
final class CloudServerInitializer extends ChannelInitializer<SocketChannel> {

    private final AcaiPipeline protocol;
    private final ConnectionLimit connections;
    private final CloudContext cloud;

    CloudServerInitializer(AcaiPipeline protocol, ConnectionLimit connections, CloudContext cloud) {
        this.protocol = protocol;
        this.connections = connections;
        this.cloud = cloud;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!connections.admit(ch)) {
            ch.close();
            return;
        }
        protocol.install(ch.pipeline()).addLast(new CloudServerHandler(cloud));
    }
}
