package io.acai.cloud.server;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connected edges, by id. An edge that reconnects replaces its older connection; a connection
 * that closes removes its edge only if it is still the registered one. Thread-safe.
 */
public final class EdgeRegistry {

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    /** Registers the edge's connection; returns the connection it replaces, if any. */
    public Optional<Channel> register(String edgeId, Channel channel) {
        return Optional.ofNullable(channels.put(edgeId, channel));
    }

    public void unregister(String edgeId, Channel channel) {
        channels.remove(edgeId, channel);
    }

    public Optional<Channel> channel(String edgeId) {
        return Optional.ofNullable(channels.get(edgeId));
    }

    /** The connections of those of {@code edgeIds} that are connected. */
    public List<Channel> channels(Collection<String> edgeIds) {
        List<Channel> found = new ArrayList<>();
        for (String id : edgeIds) {
            channel(id).ifPresent(found::add);
        }
        return found;
    }

    public List<Channel> all() {
        return List.copyOf(channels.values());
    }
}
