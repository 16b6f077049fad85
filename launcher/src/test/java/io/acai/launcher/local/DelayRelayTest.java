package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The user-space relay on loopback, measured with the link probe (windows, as the relay can only add time). */
class DelayRelayTest {

    @Test
    void relayAddsEachDirectionsDelayAndPacesItsRate() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = LinkProbe.serveInBackground(new InetSocketAddress(loopback, 0));
                DelayRelay relay = DelayRelay.start(new InetSocketAddress(loopback, 0),
                        new InetSocketAddress(loopback, server.getLocalPort()),
                        remote -> Optional.of(new DelayRelay.Route(null,
                                new LinkShape(Duration.ofMillis(20), Duration.ZERO, 8_000_000),
                                new LinkShape(Duration.ofMillis(30), Duration.ofMillis(5), 4_000_000))))) {
            LinkProbe.Measurement m = LinkProbe.measure(relay.address(), 1_000_000, 500_000, 5);
            assertThat(m.rttMs()).isBetween(45.0, 120.0);
            assertThat(m.upMbps()).isBetween(6.0, 8.8);
            assertThat(m.downMbps()).isBetween(3.0, 4.4);
        }
    }

    @Test
    void refusedClientIsClosed() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = LinkProbe.serveInBackground(new InetSocketAddress(loopback, 0));
                DelayRelay relay = DelayRelay.start(new InetSocketAddress(loopback, 0),
                        new InetSocketAddress(loopback, server.getLocalPort()), remote -> Optional.empty())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinkProbe.measure(relay.address(), 0, 0, 1))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
