package io.acai.cloud.server;

import io.acai.protocol.AcaiPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** The pipeline of an edge connection: the protocol handlers, then a {@link CloudServerHandler}. */
final class CloudServerInitializer extends ChannelInitializer<SocketChannel> {

    private final AcaiPipeline protocol;
    private final CloudContext cloud;

    CloudServerInitializer(AcaiPipeline protocol, CloudContext cloud) {
        this.protocol = protocol;
        this.cloud = cloud;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        protocol.install(ch.pipeline()).addLast(new CloudServerHandler(cloud));
    }
}
