package io.acai.cloud.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.acai.edge.EdgeMain;
import io.acai.records.run.InferenceRow;
import io.acai.testkit.ConsoleCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edge host (edge-app's own entry point, {@code host FILE}) with two learning members against a real cloud server on
 * loopback: each member connects from the address its {@code --bind} names, which is what the cloud sees, and writes
 * its own files in its own folder.
 */
class EdgeHostBindTest {

    @TempDir
    Path tmp;

    private LoopbackCloud server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackCloud.start(tmp, "");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void eachMemberConnectsFromItsOwnAddressAndWritesItsOwnFiles() throws Exception {
        assumeTrue(bindable("127.0.0.2") && bindable("127.0.0.3"),
                "127.0.0.2 and 127.0.0.3 cannot be bound here (Linux routes all of 127/8 to lo; this host does not)");
        Path model = tmp.resolve("model");
        Path file = tmp.resolve("edges.host");
        Files.writeString(file, member("edge-a", "127.0.0.2", model) + "\n" + member("edge-b", "127.0.0.3", model) + "\n");

        ConsoleCapture run = ConsoleCapture.run(() -> EdgeMain.run(new String[] {"host", file.toString()}));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String cloudLog = Files.readString(tmp.resolve("cloud.log"));
        assertThat(cloudLog).contains("edge edge-a connected from /127.0.0.2:").contains("edge edge-b connected from /127.0.0.3:");
        for (String id : List.of("edge-a", "edge-b")) {
            assertThat(InferenceRow.SCHEMA.readAll(tmp.resolve(id).resolve("edge_inf.csv"))).as(id).isNotEmpty();
            assertThat(Files.readString(tmp.resolve(id).resolve("update.log"))).as(id)
                    .contains("edge " + id + ": cloud at 127.0.0.1:" + server.port() + " from 127.0.0.")
                    .contains("connected to test-cloud");
        }
    }

    private String member(String id, String address, Path model) {
        List<String> args = List.of("127.0.0.1", Integer.toString(server.port()), "inference.log", "update.log",
                "edge_inf.csv", "edge_update.csv", "10", id, "--model", model.toString(), "--threads", "1",
                "--duration", "4s", "--work-dir", tmp.resolve(id).toString(), "--bind", address);
        return args.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean bindable(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
