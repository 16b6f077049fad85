package io.acai.cloud.server;

import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelVersion;
import io.acai.options.MachineName;
import io.acai.protocol.AcaiEncoder;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.Hello;
import io.acai.protocol.HelloAccepted;
import io.acai.protocol.HelloAck;
import io.acai.protocol.LogText;
import io.acai.protocol.Message;
import io.acai.protocol.ModelAck;
import io.acai.protocol.ModelRequest;
import io.acai.protocol.UploadAck;
import io.acai.protocol.UploadBatch;
import io.acai.records.RunLog;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;

/**
 * One edge connection on the cloud: expects a {@link Hello} first and checks its edge id (a
 * {@link MachineName}) and token, then takes uploads into the {@link UploadQueue}, answers model
 * requests and logs model acks. Anything out of order, any decoding failure and any timeout closes
 * this connection only, with the reason in the log. Every value the peer sent is logged through
 * {@link LogText#escape(String)}, so none can break or forge a log line.
 */
final class CloudServerHandler extends SimpleChannelInboundHandler<Message> {

    private final CloudContext cloud;
    private String edgeId;

    CloudServerHandler(CloudContext cloud) {
        this.cloud = cloud;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
        if (edgeId == null) {
            if (msg instanceof Hello hello) {
                hello(ctx, hello);
            } else {
                refuse(ctx, ErrorCode.PROTOCOL_VIOLATION, "expected Hello first, got " + msg.type());
            }
            return;
        }
        if (msg instanceof UploadBatch batch) {
            upload(ctx, batch);
        } else if (msg instanceof ModelRequest request) {
            modelRequest(ctx, request);
        } else if (msg instanceof ModelAck ack) {
            modelAck(ack);
        } else if (msg instanceof ErrorMessage error) {
            log().warn("edge " + edgeId + " reports " + error.code() + ": " + LogText.escape(error.message()));
        } else {
            refuse(ctx, ErrorCode.PROTOCOL_VIOLATION, "unexpected " + msg.type() + " from an edge");
        }
    }

    private void hello(ChannelHandlerContext ctx, Hello hello) {
        if (!MachineName.isValid(hello.edgeId())) {
            refuse(ctx, ErrorCode.PROTOCOL_VIOLATION, "edge id \"" + LogText.escape(hello.edgeId())
                    + "\" is not a machine name (expected: " + MachineName.EXPECTED + ")");
            return;
        }
        if (cloud.tokens().required() && hello.token().isEmpty()) {
            refuse(ctx, ErrorCode.TOKEN_MISSING, "edge " + hello.edgeId() + " refused: no token presented, and this"
                    + " cloud requires one (give the edge the cloud's --token)");
            return;
        }
        if (!cloud.tokens().admits(hello.token())) {
            refuse(ctx, ErrorCode.UNAUTHORIZED, "edge " + hello.edgeId() + " refused: wrong token (the edge's --token"
                    + " differs from the cloud's)");
            return;
        }
        edgeId = hello.edgeId();
        HelloAccepted.fire(ctx);
        cloud.edges().register(edgeId, ctx.channel()).ifPresent(old -> {
            log().info("edge " + edgeId + " reconnected from " + ctx.channel().remoteAddress() + ", closing its older connection");
            old.close();
        });
        ModelVersion current = cloud.store().current();
        log().info("edge " + edgeId + " connected from " + ctx.channel().remoteAddress() + " (software "
                + LogText.escape(hello.softwareVersion()) + ", model v" + hello.modelVersion() + "; cloud holds v"
                + current.version() + ")");
        ctx.writeAndFlush(new HelloAck(cloud.cloudId(), current.version()));
        if (current.version() > hello.modelVersion()) {
            cloud.edges().pushTo(ctx, edgeId, current);
        }
    }

    private void upload(ChannelHandlerContext ctx, UploadBatch batch) {
        if (!batch.edgeId().equals(edgeId)) {
            refuse(ctx, ErrorCode.PROTOCOL_VIOLATION, "batch " + batch.batchId() + " names edge "
                    + LogText.escape(batch.edgeId()) + " on the connection of edge " + edgeId);
            return;
        }
        long now = System.currentTimeMillis();
        UploadQueue.Receipt receipt;
        try {
            receipt = cloud.uploads().offer(batch, now);
        } catch (IOException | RuntimeException e) {
            // not acknowledged: the edge keeps the batch and sends it again to a cloud that can keep it
            cloud.failure().report("writing batch " + batch.batchId() + " of edge " + edgeId + " to the upload spool",
                    e);
            ctx.close();
            log().warn("batch " + batch.batchId() + " of edge " + edgeId + " not acknowledged: the upload spool cannot"
                    + " write it (" + e + "); the cloud stops");
            return;
        }
        ctx.writeAndFlush(new UploadAck(batch.batchId(), receipt.accepted(), receipt.duplicate()));
        log().metric("upload", "edge=" + edgeId + " batch=" + batch.batchId() + " images=" + batch.images().size()
                + " accepted=" + receipt.accepted() + " duplicate=" + receipt.duplicate()
                + " bytes=" + AcaiEncoder.encodedSize(batch) + " pending=" + cloud.uploads().pendingImages());
    }

    private void modelRequest(ChannelHandlerContext ctx, ModelRequest request) {
        ModelVersion current = cloud.store().current();
        if (current.version() > request.currentVersion()) {
            log().info("edge " + edgeId + " asks again for a model newer than v" + request.currentVersion()
                    + ", sending v" + current.version());
            cloud.edges().pushTo(ctx, edgeId, current);
        } else {
            log().info("edge " + edgeId + " asks for a model newer than v" + request.currentVersion() + ": none");
        }
    }

    private void modelAck(ModelAck ack) {
        if (ack.ok()) {
            log().info("edge " + edgeId + " runs model v" + ack.version());
        } else {
            log().warn("edge " + edgeId + " refused model v" + ack.version() + ": " + LogText.escape(ack.reason()));
        }
    }

    private void refuse(ChannelHandlerContext ctx, ErrorCode code, String reason) {
        log().warn("closing connection from " + ctx.channel().remoteAddress() + ": " + reason);
        ctx.writeAndFlush(new ErrorMessage(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (edgeId != null) {
            cloud.edges().unregister(edgeId, ctx.channel());
            log().info("edge " + edgeId + " disconnected");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log().warn("closing connection from " + ctx.channel().remoteAddress()
                + (edgeId == null ? "" : " (edge " + edgeId + ")") + ": " + LogText.escape(cause));
        ctx.close();
    }

    private RunLog log() {
        return cloud.log();
    }
}
