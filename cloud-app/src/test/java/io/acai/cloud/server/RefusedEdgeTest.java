package io.acai.cloud.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.edge.EdgeCommand;
import io.acai.edge.EdgeMain;
import io.acai.edge.link.CloudClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real edge (edge-app's own entry point, default model, real sockets) against a real cloud server that requires
 * a token: refused, it gives up after {@link CloudClient#MAX_REFUSALS} tries with exit code
 * {@link EdgeCommand#EXIT_REFUSED}, saying whether its token was missing or wrong, long before its duration.
 */
class RefusedEdgeTest {

    @TempDir
    Path tmp;

    private LoopbackCloud server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackCloud.start(tmp, "s3cret");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anEdgeWithAWrongTokenStopsAfterThreeTriesWithItsExitCode() throws Exception {
        Refused refused = runEdge("edge-1", List.of("--token", "guess"));
        assertThat(refused.exitCode).isEqualTo(EdgeCommand.EXIT_REFUSED);
        System.out.printf("refused edge ended after %.1f s (model load included)%n", refused.seconds);
        assertThat(refused.seconds).as("seconds until it gave up (its duration is 120)").isLessThan(60);
        assertThat(refused.stderr).contains("edge-app: refused by the cloud 3 times in a row, wrong token: edge edge-1"
                + " refused: wrong token").contains("(exit code 3)");
        assertThat(Files.readString(tmp.resolve("edge-1/update.log"))).contains("refused by the cloud (wrong token),"
                + " attempt 1 of 3").contains("giving up");
        // the edge has exited: no more hellos come, the cloud's log only has to catch up
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                cloudLogCount("edge edge-1 refused: wrong token")).as("hellos the cloud refused").isEqualTo(3));
    }

    @Test
    void anEdgeWithoutATokenIsToldItsTokenIsMissing() throws Exception {
        Refused refused = runEdge("edge-2", List.of());
        assertThat(refused.exitCode).isEqualTo(EdgeCommand.EXIT_REFUSED);
        assertThat(refused.stderr).contains("token missing: edge edge-2 refused: no token presented, and this cloud"
                + " requires one");
        assertThat(cloudLogCount("edge edge-2 refused: no token presented")).isEqualTo(3);
    }

    private long cloudLogCount(String text) throws Exception {
        return Files.readAllLines(tmp.resolve("cloud.log")).stream().filter(l -> l.contains(text)).count();
    }

    private record Refused(int exitCode, String stderr, double seconds) {
    }

    private Refused runEdge(String id, List<String> options) {
        Path out = tmp.resolve(id);
        List<String> args = new ArrayList<>(List.of("127.0.0.1", Integer.toString(server.port()),
                out.resolve("inference.log").toString(), out.resolve("update.log").toString(),
                out.resolve("edge_inf.csv").toString(), out.resolve("edge_update.csv").toString(), "2", id,
                "--threads", "1", "--duration", "120s"));
        args.addAll(options);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = EdgeMain.run(args.toArray(String[]::new));
        } finally {
            System.setErr(err);
        }
        return new Refused(code, captured.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
    }
}
