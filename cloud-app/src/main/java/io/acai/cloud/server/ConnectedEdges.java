package io.acai.cloud.server;

import io.acai.cloud.retrain.EdgeFleet;
import io.acai.cloud.store.ModelStore;
import io.acai.cloud.store.ModelVersion;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.records.RunLog;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundInvoker;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edges connected to this cloud, by id, as the {@link EdgeFleet} the retrain loop pushes
 * through. An edge that reconnects replaces its older connection; a connection that closes removes
 * its edge only if it is still the registered one. Thread-safe.
 */
public final class ConnectedEdges implements EdgeFleet {

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ModelPusher pusher;

    /** Edges whose pushes go unsigned: a cloud without a token. */
    public ConnectedEdges(ModelStore store, RunLog log) {
        this(store, "", log);
    }

    /**
     * @param token the cloud's token, with which every push is signed ({@link io.acai.protocol.PushSignature});
     *     empty: pushes go unsigned
     */
    public ConnectedEdges(ModelStore store, String token, RunLog log) {
        this.pusher = new ModelPusher(store, token, log);
    }

    /** Registers the edge's connection; returns the connection it replaces, if any. */
    Optional<Channel> register(String edgeId, Channel channel) {
        return Optional.ofNullable(channels.put(edgeId, channel));
    }

    void unregister(String edgeId, Channel channel) {
        channels.remove(edgeId, channel);
    }

    /** Pushes {@code version} to one edge through its connection's handler, without waiting. */
    void pushTo(ChannelOutboundInvoker connection, String edgeId, ModelVersion version) {
        pusher.send(connection, edgeId, pusher.message(version));
    }

    @Override
    public Set<String> connected() {
        return Set.copyOf(channels.keySet());
    }

    @Override
    public Delivery push(ModelVersion version, Collection<String> edgeIds, Duration timeout)
            throws InterruptedException {
        Map<String, Channel> targets = connections(edgeIds);
        int reached = pusher.sendAndWait(targets, pusher.message(version), timeout);
        return new Delivery(targets.size(), reached);
    }

    @Override
    public void retrainFailed(Collection<String> edgeIds, String reason) {
        for (Channel channel : connections(edgeIds).values()) {
            channel.writeAndFlush(new ErrorMessage(ErrorCode.INTERNAL, reason));
        }
    }

    /** The connections of those of {@code edgeIds} that are connected, in their order. */
    private Map<String, Channel> connections(Collection<String> edgeIds) {
        Map<String, Channel> found = new LinkedHashMap<>();
        for (String id : edgeIds) {
            Channel channel = channels.get(id);
            if (channel != null) {
                found.put(id, channel);
            }
        }
        return found;
    }
}
