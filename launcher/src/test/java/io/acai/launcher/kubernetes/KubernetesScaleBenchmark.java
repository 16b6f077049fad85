package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ExperimentPlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Time to generate and apply the objects of 1 cloud + 100 edges (200 shaped directions) to the
 * in-JVM mock API server, and the API calls each sample period costs. Not part of the test suite;
 * the {@code benchmarks} profile runs it:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl launcher -am -Dtest=KubernetesScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
@Tag("benchmark")
class KubernetesScaleBenchmark {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private static final int EDGES = 100;
    private static final int ROUNDS = 5;

    private static double best(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    @Test
    void report() throws Exception {
        ExperimentPlan plan = TestPlans.cloudAndEdges("scale", EDGES);
        for (ShapingMode mode : new ShapingMode[] {ShapingMode.TC, ShapingMode.CHAOS_MESH}) {
            KubernetesOptions options = KubernetesOptions.DEFAULT.withShaping(mode);
            double[] generate = new double[ROUNDS];
            double[] print = new double[ROUNDS];
            int count = 0;
            int bytes = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                count = new ExperimentManifests(plan, options, "scale-" + mode.id()).objects().size();
                long generated = System.nanoTime();
                bytes = ManifestsWriter.yaml(plan, options).length();
                generate[round] = (generated - start) / 1e6;
                print[round] = (System.nanoTime() - generated) / 1e6;
            }
            System.out.printf("%s: namespace + %d objects generated in %.1f ms first, %.1f ms best of %d;"
                    + " printed as %,d bytes of YAML in %.1f ms first, %.1f ms best%n", mode.id(), count,
                    generate[0], best(generate), ROUNDS, bytes, print[0], best(print));
        }

        // apply: what deploy() does before waiting, with tc shaping (the default): one call per object
        ClusterCalls clusterCalls = new ClusterCalls(client);
        for (String round : new String[] {"warm-up", "sequential", "parallel"}) {
            int threads = round.equals("sequential") ? 1 : 8;
            KubernetesOptions options = KubernetesOptions.DEFAULT.withNamespace("acai-" + round);
            ExperimentManifests manifests = new ExperimentManifests(plan, options, "scale-" + round);
            int before = server.getRequestCount();
            long start = System.nanoTime();
            client.resource(manifests.namespaceObject()).create();
            KubernetesRuntime.createAll(client, clusterCalls, manifests.namespace(), manifests.objects(), threads, null);
            System.out.printf("apply %s (%d thread%s): namespace + %d objects on the mock in %.2f s, %d calls%n",
                    round, threads, threads == 1 ? "" : "s", manifests.objects().size(),
                    (System.nanoTime() - start) / 1e9, server.getRequestCount() - before);
        }

        // full deploy with simulated pods, then the calls of one sample period
        KubernetesOptions full = KubernetesOptions.DEFAULT.withReadyTimeout(Duration.ofMinutes(5));
        long deployStart = System.nanoTime();
        KubernetesDeployment deployment = PodSimulator.deployReady(server, client, full, plan, logs);
        System.out.printf("deploy() of %d machines incl. readiness and tc scripts, pods simulated: %.2f s%n",
                plan.machines().size(), (System.nanoTime() - deployStart) / 1e9);
        try (deployment) {
            int calls = server.getRequestCount();
            deployment.sample();
            int sample = server.getRequestCount() - calls;
            calls = server.getRequestCount();
            deployment.states();
            int states = server.getRequestCount() - calls;
            calls = server.getRequestCount();
            long collectStart = System.nanoTime();
            deployment.collect(logs);
            int firstCollect = server.getRequestCount() - calls;
            double firstSeconds = (System.nanoTime() - collectStart) / 1e9;
            calls = server.getRequestCount();
            deployment.collect(logs);
            int collect = server.getRequestCount() - calls;
            System.out.printf("API calls per sample period: sample() %d, states() %d, collect() %d (first collect %d,"
                    + " %.1f s, opens the log streams)%n", sample, states, collect, firstCollect, firstSeconds);
        }
    }
}
