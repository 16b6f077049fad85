package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ExperimentPlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Time to generate and apply the objects of 1 cloud + 100 edges (200 shaped directions) to the
 * in-JVM mock API server, and the API calls each sample period costs. Not part of the test suite:
 *
 * <pre>
 * mvn -B -o -pl launcher test -Dtest=KubernetesScaleBenchmark -Dacai.benchmark=true
 * </pre>
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class KubernetesScaleBenchmark {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private static final int EDGES = 100;

    @Test
    @EnabledIfSystemProperty(named = "acai.benchmark", matches = "true")
    void report() throws Exception {
        ExperimentPlan plan = TestPlans.cloudAndEdges("scale", EDGES);
        for (ShapingMode mode : new ShapingMode[] {ShapingMode.TC, ShapingMode.CHAOS_MESH}) {
            KubernetesOptions options = KubernetesOptions.DEFAULT.withShaping(mode);
            long start = System.nanoTime();
            ExperimentManifests manifests = new ExperimentManifests(plan, options, "scale-" + mode.id());
            List<HasMetadata> objects = manifests.objects();
            long generated = System.nanoTime();
            String yaml = ManifestsWriter.yaml(plan, options);
            long printed = System.nanoTime();
            System.out.printf("%s: %d objects + namespace generated in %.1f ms, printed as %,d bytes of YAML in %.1f ms%n",
                    mode.id(), objects.size(), (generated - start) / 1e6, yaml.length(), (printed - generated) / 1e6);
        }

        // apply: what deploy() does before waiting, with tc shaping (the default)
        KubernetesOptions options = KubernetesOptions.DEFAULT.withNamespace("acai-apply");
        ExperimentManifests manifests = new ExperimentManifests(plan, options, "scale-apply");
        int before = server.getRequestCount();
        long start = System.nanoTime();
        client.resource(manifests.namespaceObject()).create();
        for (HasMetadata object : manifests.objects()) {
            client.resource(object).inNamespace(manifests.namespace()).create();
        }
        long applied = System.nanoTime();
        System.out.printf("apply (tc): namespace + %d objects created one call each on the mock in %.2f s (%d calls)%n",
                manifests.objects().size(), (applied - start) / 1e9, server.getRequestCount() - before);

        // full deploy with simulated pods, then the calls of one sample period
        KubernetesOptions full = KubernetesOptions.DEFAULT.withReadyTimeout(Duration.ofMinutes(5));
        start = System.nanoTime();
        KubernetesDeployment deployment = PodSimulator.deployReady(client, full, plan, logs);
        System.out.printf("deploy() of %d machines incl. readiness and tc scripts, pods simulated: %.2f s%n",
                plan.machines().size(), (System.nanoTime() - start) / 1e9);
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
