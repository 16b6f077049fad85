package io.acai.launcher.kubernetes;

import io.acai.launcher.LauncherMain;
import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.testkit.ConsoleCapture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1 cloud + 100 edges declared as one group ({@code "count": 100} and one connection template): the time of
 * {@code launcher manifests} on the config (read, expand, validate, generate and print the YAML, in this JVM), and of
 * the deploy of its plan to fabric8's in-JVM mock API server with the pods simulated ready (as
 * {@link KubernetesScaleBenchmark} does). Targets of issue 17: under 5 s and under 10 s. Not part of the test suite;
 * the {@code benchmarks} profile runs it:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl launcher -am -Dtest=GroupScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
@Tag("benchmark")
class GroupScaleBenchmark {

    private static final int EDGES = 100;
    private static final int ROUNDS = 5;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    static String config(int edges) {
        return """
                {"experiment": {"name": "group-scale", "duration": "5m"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": "7000",
                    "resources": {"requests": {"cpu": "2", "memory": "4Gi"}, "limits": {"cpu": "4", "memory": "8Gi"}}},
                   {"name": "edge", "category": "client", "count": %d, "app": {"rate": "4", "uploadThreshold": "20"},
                    "resources": {"requests": {"cpu": "200m", "memory": "512Mi"}, "limits": {"cpu": "1", "memory": "1Gi"}}}],
                 "connections": [
                   {"node1": "edge", "node2": "cloud", "bandwidthTo": "10mbps", "bandwidthFrom": "50mbps", "latency": "20ms"}]}
                """.formatted(edges);
    }

    @Test
    void report() throws Exception {
        Path config = Files.writeString(dir.resolve("group-scale.json"), config(EDGES));
        for (String shaping : new String[] {"tc", "chaos-mesh"}) {
            double[] manifests = new double[ROUNDS];
            int bytes = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                ConsoleCapture outcome = ConsoleCapture.run(() -> LauncherMain.execute("manifests", config.toString(),
                        "--shaping", shaping));
                manifests[round] = (System.nanoTime() - start) / 1e6;
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                bytes = outcome.out().length();
            }
            System.out.printf("launcher manifests, %s, 1 cloud + %d edges from one group: %,d bytes of YAML in %.0f ms"
                    + " first, %.0f ms best of %d%n", shaping, EDGES, bytes, manifests[0],
                    Arrays.stream(manifests).min().orElseThrow(), ROUNDS);
        }

        long readStart = System.nanoTime();
        ExperimentPlan plan = UserConfigReader.read(config, RuntimeKind.KUBERNETES);
        double read = (System.nanoTime() - readStart) / 1e6;
        assertThat(plan.machines()).hasSize(EDGES + 1);
        assertThat(plan.links()).hasSize(2 * EDGES);
        KubernetesOptions options = KubernetesOptions.DEFAULT.withReadyTimeout(Duration.ofMinutes(5));
        long deployStart = System.nanoTime();
        KubernetesDeployment deployment = PodSimulator.deployReady(server, client, options, plan, dir.resolve("logs"));
        double deploy = (System.nanoTime() - deployStart) / 1e9;
        try (deployment) {
            System.out.printf("read the config (%d machines, %d shaped directions): %.0f ms; deploy() on the mock with"
                    + " tc shaping (create, wait for %d ready pods, fill the tc ConfigMap), pods simulated: %.2f s,"
                    + " %d API calls%n", plan.machines().size(), plan.links().size(), read, plan.machines().size(), deploy,
                    server.getRequestCount());
        }
    }
}
