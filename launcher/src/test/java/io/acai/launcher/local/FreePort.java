package io.acai.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP port the OS has just handed out as free, for tests whose machines listen on a port of their own. */
public final class FreePort {

    private FreePort() {
    }

    /** Binds port 0, reads the port the OS chose and lets it go again. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port: " + e.getMessage(), e);
        }
    }
}
