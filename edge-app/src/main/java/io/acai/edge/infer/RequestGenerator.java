package io.acai.edge.infer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated user: enqueues a {@link Request} every {@code 1 / rate} seconds, at a fixed rate
 * whatever the inference loop does with them (a slow model makes the queue grow, as in the original).
 */
public final class RequestGenerator implements AutoCloseable {

    private final BlockingQueue<Request> queue;
    private final double rate;
    private final AtomicLong next = new AtomicLong();
    private final ScheduledExecutorService timer;

    public RequestGenerator(BlockingQueue<Request> queue, double rate) {
        this(queue, rate, "acai-requests");
    }

    /** @param threadName the name of its timer thread (an edge's carries the edge id) */
    public RequestGenerator(BlockingQueue<Request> queue, double rate, String threadName) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("<requests per second> : " + rate + " (expected: > 0)");
        }
        this.queue = queue;
        this.rate = rate;
    }

    public void start() {
        long periodNanos = Math.max(1, Math.round(1e9 / rate));
        timer.scheduleAtFixedRate(() -> queue.add(new Request(next.getAndIncrement(), System.nanoTime())),
                0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Requests enqueued so far. */
    public long enqueued() {
        return next.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
