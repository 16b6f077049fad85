package io.acai.edge.link;

import io.acai.protocol.ErrorMessage;
import io.acai.protocol.HelloAck;
import io.acai.protocol.LogText;
import io.acai.protocol.Message;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadAck;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** The edge end of a connection: says hello when connected and passes the cloud's messages on. */
final class CloudClientHandler extends SimpleChannelInboundHandler<Message> {

    private final CloudClient client;

    CloudClientHandler(CloudClient client) {
        this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        client.connected(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
        if (msg instanceof HelloAck ack) {
            client.helloAcknowledged(ctx.channel(), ack);
        } else if (msg instanceof UploadAck ack) {
            client.uploadAcknowledged(ack);
        } else if (msg instanceof ModelPush push) {
            client.modelPushed(push);
        } else if (msg instanceof ErrorMessage error) {
            client.cloudError(error);
        } else {
            client.log().warn("unexpected " + msg.type() + " from the cloud, ignored");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        client.disconnected(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.log().warn("closing the connection to the cloud: " + LogText.escape(cause));
        ctx.close();
    }
}
