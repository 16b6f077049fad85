package io.acai.cloud.server;

import io.acai.cloud.store.ModelStore;
import io.acai.cloud.store.ModelVersion;
import io.acai.protocol.AcaiEncoder;
import io.acai.protocol.ModelPush;
import io.acai.protocol.PushSignature;
import io.acai.records.RunLog;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundInvoker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends a model version to edges. Every push carries the cfg and names text besides the weights (a
 * few kilobytes), so an edge started with another model converges on the cloud's. A cloud with a token
 * signs every push with it ({@link PushSignature}), so its edges can tell the push is their cloud's.
 */
final class ModelPusher {

    private final ModelStore store;
    private final Optional<PushSignature> signature;
    private final RunLog log;

    /** @param token the cloud's token; empty: pushes go unsigned */
    ModelPusher(ModelStore store, String token, RunLog log) {
        this.store = store;
        this.signature = token.isEmpty() ? Optional.empty() : Optional.of(new PushSignature(token));
        this.log = log;
    }

    /**
     * The push message for {@code version}, with the digest the store computed when it saved it, signed when the
     * cloud has a token.
     */
    ModelPush message(ModelVersion version) {
        ModelPush push = new ModelPush(version.version(), version.sha256(), version.weights(), store.cfgText(),
                store.namesText());
        return signature.map(s -> s.sign(push)).orElse(push);
    }

    /** Writes {@code push} to one edge's connection without waiting. */
    ChannelFuture send(ChannelOutboundInvoker connection, String edgeId, ModelPush push) {
        long bytes = AcaiEncoder.encodedSize(push);
        return connection.writeAndFlush(push).addListener(f -> {
            if (f.isSuccess()) {
                log.metric("push", "edge=" + edgeId + " version=" + push.version() + " bytes=" + bytes);
            } else {
                log.warn("push of v" + push.version() + " to edge " + edgeId + " failed: " + f.cause());
            }
        });
    }

    /**
     * Writes {@code push} to every connection, by edge id, and waits until all writes ended (or {@code timeout}).
     *
     * @return how many writes succeeded
     */
    int sendAndWait(Map<String, ? extends ChannelOutboundInvoker> connections, ModelPush push, Duration timeout)
            throws InterruptedException {
        List<ChannelFuture> futures = new ArrayList<>();
        connections.forEach((edgeId, connection) -> futures.add(send(connection, edgeId, push)));
        long deadline = System.nanoTime() + timeout.toNanos();
        int ok = 0;
        for (ChannelFuture future : futures) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (future.await(left, TimeUnit.NANOSECONDS) && future.isSuccess()) {
                ok++;
            }
        }
        return ok;
    }
}
