package io.acai.launcher.local;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures one pair of shaped directions with plain TCP: the throughput each way and the round-trip
 * time. It runs as its own small program inside the network namespaces ({@code ip netns exec <ns>
 * java -cp launcher.jar io.acai.launcher.local.LinkProbe ...}), since a JVM cannot enter another
 * namespace, and in-process on loopback.
 *
 * <pre>
 *   LinkProbe serve &lt;port&gt;                       prints "ready" once listening, serves until killed
 *   LinkProbe serve &lt;port&gt; &lt;connections&gt; &lt;seconds&gt;  the same, but exits once that many connections
 *                                                    have ended or after that many seconds, whichever is first
 *   LinkProbe measure &lt;host&gt; &lt;port&gt; &lt;up bytes&gt; &lt;down bytes&gt; &lt;pings&gt; [&lt;local address&gt;]
 *       prints "up_mbps=.. down_mbps=.. rtt_ms=..", connecting from the local address when one is given
 *   LinkProbe measure-on-go ...                   the same, after printing "ready" and reading a line
 * </pre>
 *
 * Commands on the wire: {@code 'U' <long n>} then n bytes, answered by the receiver's rate as a
 * double (bits per second, from the first to the last byte it read, so latency does not count);
 * {@code 'D' <long n>}: the server sends n bytes; {@code 'P' <int count>}: count one-byte
 * ping-pongs.
 */
public final class LinkProbe {

    private static final int BUFFER = 64 << 10;

    private LinkProbe() {
    }

    /** Result of one pair: rates in Mbit/s of client-to-server (up) and back (down), median RTT in ms. */
    public record Measurement(double upMbps, double downMbps, double rttMs) {
        String line() {
            return String.format(Locale.ROOT, "up_mbps=%.4f down_mbps=%.4f rtt_ms=%.4f", upMbps, downMbps, rttMs);
        }

        /** The measurement in a probe's output; throws naming the output when there is none. */
        public static Measurement parse(String output) {
            for (String line : output.lines().toList()) {
                if (line.startsWith("up_mbps=")) {
                    String[] f = line.split(" ");
                    return new Measurement(value(f[0]), value(f[1]), value(f[2]));
                }
            }
            throw new IllegalArgumentException("no measurement in probe output: " + output.strip());
        }

        private static double value(String field) {
            return Double.parseDouble(field.substring(field.indexOf('=') + 1));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            ServerSocket server = listen(new InetSocketAddress(Integer.parseInt(args[1])));
            System.out.println("ready");
            System.out.flush();
            serve(server);
        } else if (args.length == 4 && args[0].equals("serve")) {
            ServerSocket server = listen(new InetSocketAddress(Integer.parseInt(args[1])));
            System.out.println("ready");
            System.out.flush();
            serveLimited(server, Integer.parseInt(args[2]), Long.parseLong(args[3]));
        } else if ((args.length == 6 || args.length == 7)
                && (args[0].equals("measure") || args[0].equals("measure-on-go"))) {
            if (args[0].equals("measure-on-go")) {
                // started ahead of time (JVM start is the slow part): wait for the go line on stdin
                System.out.println("ready");
                System.out.flush();
                if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine() == null) {
                    return;
                }
            }
            InetSocketAddress from = args.length == 7 ? new InetSocketAddress(args[6], 0) : null;
            Measurement m = measure(new InetSocketAddress(args[1], Integer.parseInt(args[2])), from,
                    Long.parseLong(args[3]), Long.parseLong(args[4]), Integer.parseInt(args[5]));
            System.out.println(m.line());
        } else {
            PrintStream err = System.err;
            err.println("usage: LinkProbe serve <port> [<connections> <seconds>]"
                    + " | measure|measure-on-go <host> <port> <up bytes> <down bytes> <pings> [<local address>]");
            System.exit(2);
        }
    }

    static ServerSocket listen(InetSocketAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, 64);
        return server;
    }

    /** Serves connections until the server socket is closed. */
    static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> handle(socket), "acai-probe-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Serves {@code connections} connections, one after another, then returns; returns earlier once {@code seconds}
     * have passed (a probe started in a pod must end on its own: nothing else stops it there).
     */
    static void serveLimited(ServerSocket server, int connections, long seconds) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (server) {
            for (int served = 0; served < connections; served++) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                Socket socket;
                try {
                    socket = server.accept();
                } catch (java.net.SocketTimeoutException e) {
                    return;
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
                handle(socket);
            }
        }
    }

    /** Serves on a background thread; closing the returned socket stops it. */
    static ServerSocket serveInBackground(InetSocketAddress address) throws IOException {
        ServerSocket server = listen(address);
        Thread t = new Thread(() -> serve(server), "acai-probe-server");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static void handle(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            int command;
            while ((command = in.read()) >= 0) {
                switch (command) {
                    case 'U' -> {
                        out.writeDouble(receive(in, in.readLong()));
                        out.flush();
                    }
                    case 'D' -> send(out, in.readLong());
                    case 'P' -> echo(in, out, in.readInt());
                    default -> throw new IOException("unknown probe command " + command);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        }
    }

    /** Measures the pair through {@code address}. */
    static Measurement measure(InetSocketAddress address, long upBytes, long downBytes, int pings) throws IOException {
        return measure(address, null, upBytes, downBytes, pings);
    }

    /**
     * Measures the pair through {@code address}, connecting from {@code from} (null: the address the kernel picks), as
     * the member of an edge host whose link this is connects from its own address.
     */
    static Measurement measure(InetSocketAddress address, InetSocketAddress from, long upBytes, long downBytes,
            int pings) throws IOException {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(from);
            }
            socket.setTcpNoDelay(true);
            socket.connect(address, 10_000);
            socket.setSoTimeout(120_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            double rtt = ping(in, out, pings);
            double up = 0;
            if (upBytes > 0) {
                out.writeByte('U');
                out.writeLong(upBytes);
                send(out, upBytes);
                up = in.readDouble() / 1e6;
            }
            double down = 0;
            if (downBytes > 0) {
                out.writeByte('D');
                out.writeLong(downBytes);
                out.flush();
                down = receive(in, downBytes) / 1e6;
            }
            return new Measurement(up, down, rtt);
        }
    }

    private static double ping(DataInputStream in, DataOutputStream out, int pings) throws IOException {
        if (pings <= 0) {
            return 0;
        }
        out.writeByte('P');
        out.writeInt(pings + 1);
        out.flush();
        double[] rtts = new double[pings];
        for (int i = 0; i <= pings; i++) {
            long start = System.nanoTime();
            out.write(i);
            out.flush();
            if (in.read() < 0) {
                throw new IOException("probe server closed the connection during a ping");
            }
            if (i > 0) {
                rtts[i - 1] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(rtts);
        return rtts[pings / 2];
    }

    private static void echo(InputStream in, OutputStream out, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("ping ended early");
            }
            out.write(b);
            out.flush();
        }
    }

    private static void send(OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = bytes;
        while (left > 0) {
            int n = (int) Math.min(buffer.length, left);
            out.write(buffer, 0, n);
            left -= n;
        }
        out.flush();
    }

    /** Reads n bytes and returns the rate in bits per second from the end of the first read to the last. */
    private static double receive(InputStream in, long bytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = bytes;
        long first = 0;
        long counted = 0;
        long start = 0;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("transfer ended after " + (bytes - left) + " of " + bytes + " bytes");
            }
            if (start == 0) {
                start = System.nanoTime();
                first = n;
            } else {
                counted += n;
            }
            left -= n;
        }
        long elapsed = System.nanoTime() - start;
        if (counted == 0 || elapsed <= 0) {
            return (first + counted) * 8e9 / Math.max(1, elapsed);
        }
        return counted * 8e9 / elapsed;
    }
}
