package io.acai.launcher.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user-space TCP relay that adds delay, jitter and (optionally) a pacing rate to each direction of
 * the connections it forwards: the kernel has no netem here, so this is how a shaped link gets its
 * latency. It listens on one address; for each accepted connection {@link Route} says, from the
 * client's address, which local address to connect from (so that the far side sees who is talking)
 * and how to shape each direction. Every chunk read is stamped with {@code now + delay ± jitter}
 * (never earlier than the chunk before it, so bytes stay in order) and written when that time comes;
 * at most {@link #MAX_QUEUED_BYTES} wait per direction, after which reading stops and TCP pushes back.
 */
final class DelayRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DelayRelay.class);
    static final int MAX_QUEUED_BYTES = 32 << 20;
    private static final int CHUNK = 16 << 10;
    private static final long PACING_BURST_NANOS = 10_000_000;

    /**
     * How to forward one client's connection.
     *
     * @param bindAddress local address of the connection to the target, or null for any
     * @param up shape of the client-to-target direction
     * @param down shape of the target-to-client direction
     */
    record Route(InetAddress bindAddress, LinkShape up, LinkShape down) {
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Function<InetAddress, Optional<Route>> routes;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private volatile boolean closed;

    private DelayRelay(ServerSocket server, InetSocketAddress target, Function<InetAddress, Optional<Route>> routes) {
        this.server = server;
        this.target = target;
        this.routes = routes;
        this.acceptor = new Thread(this::acceptLoop, "acai-relay-" + server.getLocalSocketAddress());
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a relay.
     *
     * @param listen where clients connect (port 0 picks a free one)
     * @param target where the relay connects for each client
     * @param routes route of a client by its address; empty refuses the client
     */
    static DelayRelay start(InetSocketAddress listen, InetSocketAddress target,
            Function<InetAddress, Optional<Route>> routes) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(listen, 128);
        } catch (IOException e) {
            server.close();
            throw new IOException("relay cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        DelayRelay relay = new DelayRelay(server, target, routes);
        relay.acceptor.start();
        return relay;
    }

    /** The address clients connect to. */
    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Optional<Route> route = routes.apply(client.getInetAddress());
                if (route.isEmpty()) {
                    LOG.warn("relay {}: refusing {} (not a machine with a shaped link to {})", address(),
                            client.getRemoteSocketAddress(), target);
                    client.close();
                    continue;
                }
                Thread connect = new Thread(() -> forward(client, route.get()), "acai-relay-connect");
                connect.setDaemon(true);
                connect.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("relay {}: accept failed: {}", address(), e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client, Route route) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            if (route.bindAddress() != null) {
                upstream.bind(new InetSocketAddress(route.bindAddress(), 0));
            }
            upstream.connect(target, 10_000);
            if (unreachable.getAndSet(false)) {
                LOG.info("relay {}: {} answers now", address(), target);
            }
        } catch (IOException e) {
            // a client retrying while its server starts would fill the output: one line until it answers
            if (!unreachable.getAndSet(true)) {
                LOG.warn("relay {}: cannot reach {} for {}: {} (not logged again until it answers)", address(), target,
                        client.getRemoteSocketAddress(), e.getMessage());
            }
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        AtomicInteger finished = new AtomicInteger();
        Runnable done = () -> {
            if (finished.incrementAndGet() == 2) {
                closeQuietly(client);
                closeQuietly(upstream);
                open.remove(client);
                open.remove(upstream);
            }
        };
        Runnable failed = () -> {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            open.remove(upstream);
        };
        Pipe up = new Pipe(client, upstream, route.up(), done, failed);
        Pipe down = new Pipe(upstream, client, route.down(), done, failed);
        up.start("up");
        down.start("down");
    }

    /** One direction of one connection: a reader that stamps chunks and a writer that releases them on time. */
    private final class Pipe {
        private final Socket from;
        private final Socket to;
        private final LinkShape shape;
        private final Runnable done;
        private final Runnable failed;
        private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
        private long queuedBytes;
        private boolean broken;
        private long lastDue;
        private long nextFree;

        Pipe(Socket from, Socket to, LinkShape shape, Runnable done, Runnable failed) {
            this.from = from;
            this.to = to;
            this.shape = shape;
            this.done = done;
            this.failed = failed;
        }

        void start(String name) {
            Thread reader = new Thread(this::read, "acai-relay-" + name + "-read");
            Thread writer = new Thread(this::write, "acai-relay-" + name + "-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private void read() {
            try {
                InputStream in = from.getInputStream();
                int chunkSize = chunkSize();
                while (true) {
                    byte[] buffer = new byte[chunkSize];
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    put(new Chunk(buffer, n, due()));
                }
            } catch (IOException e) {
                // the connection ended or the relay closed; the writer ends the other side
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                put(new Chunk(null, 0, due()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int chunkSize() {
            if (shape.rateBitsPerSecond() == 0) {
                return CHUNK;
            }
            long tenMillis = shape.rateBitsPerSecond() / 8 / 100;
            return (int) Math.max(1448, Math.min(CHUNK, tenMillis));
        }

        private long due() {
            long now = System.nanoTime();
            long delay = shape.delay().toNanos();
            long jitter = shape.jitter().toNanos();
            if (jitter > 0) {
                delay = Math.max(0, delay + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
            }
            synchronized (this) {
                lastDue = Math.max(lastDue, now + delay);
                return lastDue;
            }
        }

        private synchronized void put(Chunk chunk) throws InterruptedException {
            while (!broken && queuedBytes > 0 && queuedBytes + chunk.length() > MAX_QUEUED_BYTES) {
                wait();
            }
            if (broken) {
                throw new InterruptedException("relay direction closed");
            }
            queue.addLast(chunk);
            queuedBytes += chunk.length();
            notifyAll();
        }

        private synchronized Chunk take() throws InterruptedException {
            while (queue.isEmpty()) {
                wait();
            }
            Chunk chunk = queue.removeFirst();
            queuedBytes -= chunk.length();
            notifyAll();
            return chunk;
        }

        private void write() {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = take();
                    sleepUntil(chunk.due());
                    if (chunk.data() == null) {
                        to.shutdownOutput();
                        break;
                    }
                    if (shape.rateBitsPerSecond() > 0) {
                        // a token bucket PACING_BURST deep: a writer woken late catches up instead of losing the time
                        long start = Math.max(System.nanoTime() - PACING_BURST_NANOS, nextFree);
                        sleepUntil(start);
                        nextFree = start + chunk.length() * 8L * 1_000_000_000L / shape.rateBitsPerSecond();
                    }
                    out.write(chunk.data(), 0, chunk.length());
                }
                done.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                breakPipe();
            } catch (IOException e) {
                breakPipe();
            }
        }

        private void breakPipe() {
            synchronized (this) {
                broken = true;
                queue.clear();
                notifyAll();
            }
            failed.run();
        }
    }

    private record Chunk(byte[] data, int length, long due) {
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        open.forEach(DelayRelay::closeQuietly);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
