package io.acai.cloud.server;

import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.Message;
import io.acai.protocol.ProtocolLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A plain TCP socket to the cloud, with the real protocol codec run in an {@link EmbeddedChannel}:
 * it can send well-formed messages and arbitrary bytes, and read what the cloud answers.
 */
final class WireClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final EmbeddedChannel codec = new EmbeddedChannel();
    private boolean closedByPeer;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ZERO).install(codec.pipeline());
    }

    void send(Message message) throws IOException {
        codec.writeOutbound(message);
        for (ByteBuf bytes; (bytes = codec.readOutbound()) != null; ) {
            byte[] array = new byte[bytes.readableBytes()];
            bytes.readBytes(array);
            bytes.release();
            out.write(array);
        }
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message the cloud sends, or {@code null} when the connection closed or nothing came in time. */
    Message receive(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] chunk = new byte[64 * 1024];
        while (true) {
            Object decoded = codec.readInbound();
            if (decoded != null) {
                return (Message) decoded;
            }
            long left = deadline - System.nanoTime();
            if (closedByPeer || left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int n = in.read(chunk);
                if (n < 0) {
                    closedByPeer = true;
                } else {
                    codec.writeInbound(Unpooled.copiedBuffer(chunk, 0, n));
                }
            } catch (SocketTimeoutException e) {
                return null;
            }
        }
    }

    /**
     * Reads (and drops) what the cloud sends until it closes the connection; false when nothing came
     * for {@code timeout} and it stayed open.
     */
    boolean awaitClosedByPeer(Duration timeout) {
        try {
            while (receive(timeout) != null) {
                // a message before the close: read on
            }
        } catch (IOException e) {
            return true; // connection reset
        }
        return closedByPeer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        codec.finishAndReleaseAll();
    }
}
