package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code LinkProbe serve <port> <connections> <seconds>}, the form a pod runs: it ends on its own. */
class LinkProbeServerTest {

    @Test
    void endsAfterItsConnectionsWereServed() throws Exception {
        ServerSocket socket = LinkProbe.listen(new InetSocketAddress("127.0.0.1", 0));
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try {
                LinkProbe.serveLimited(socket, 2, 60);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", socket.getLocalPort());

        LinkProbe.Measurement first = LinkProbe.measure(address, 1 << 20, 1 << 20, 3);
        assertThat(served).isNotDone();
        LinkProbe.Measurement second = LinkProbe.measure(address, 1 << 16, 0, 1);

        served.get(10, TimeUnit.SECONDS);
        assertThat(socket.isClosed()).isTrue();
        assertThat(first.upMbps()).isPositive();
        assertThat(first.downMbps()).isPositive();
        assertThat(second.downMbps()).isZero();
    }

    @Test
    void endsAtItsDeadlineWithoutClients() throws Exception {
        ServerSocket socket = LinkProbe.listen(new InetSocketAddress("127.0.0.1", 0));
        long start = System.nanoTime();

        LinkProbe.serveLimited(socket, 1, 1);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 5_000L);
        assertThat(socket.isClosed()).isTrue();
    }
}
