package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.SharedData;
import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Role;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Sampling through metrics.k8s.io, with the real PodMetrics response from the Kubernetes documentation. */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class KubernetesDeploymentTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private static final String NAMESPACE = "acai-metrics";
    private static final KubernetesOptions OPTIONS = KubernetesOptions.DEFAULT.withNamespace(NAMESPACE)
            .withReadyTimeout(Duration.ofSeconds(20));

    private KubernetesDeployment deploy() throws Exception {
        return PodSimulator.deployReady(server, client, OPTIONS, TestPlans.cloudAndEdges("metrics", 2), logs);
    }

    private String metricsPath(KubernetesDeployment deployment) {
        return "/apis/metrics.k8s.io/v1beta1/namespaces/" + NAMESPACE + "/pods?labelSelector=acai.io%2Fexperiment%3D"
                + deployment.experimentId();
    }

    private String podOf(String machine) {
        return client.pods().inNamespace(NAMESPACE).withLabel(ExperimentLabels.MACHINE, machine).list().getItems()
                .stream().map(Pod::getMetadata).findFirst().orElseThrow().getName();
    }

    private static PodMetrics realSample() throws Exception {
        Path file = SharedData.resolve("samples/metrics-api/podmetrics-kube-scheduler-minikube.sample.json");
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, PodMetrics.class);
        }
    }

    @Test
    void samplesCpuAndMemoryPerMachineFromTheMetricsApi() throws Exception {
        PodMetrics sample = realSample();
        try (KubernetesDeployment deployment = deploy()) {
            // the cloud's metrics carry no labels (matched by pod name), edge-2's carry the pod's labels
            PodMetrics cloud = Serialization.clone(sample);
            cloud.getMetadata().setName(podOf("cloud"));
            cloud.getMetadata().setNamespace(NAMESPACE);
            PodMetrics edge = Serialization.clone(sample);
            edge.getMetadata().setName(podOf("edge-2"));
            edge.getMetadata().setNamespace(NAMESPACE);
            edge.getMetadata().setLabels(Map.of(ExperimentLabels.MACHINE, "edge-2"));
            edge.getContainers().add(Serialization.clone(sample.getContainers().get(0)));
            edge.getContainers().get(1).setName("shaper");
            server.expect().get().withPath(metricsPath(deployment))
                    .andReturn(200, new PodMetricsListBuilder().withItems(cloud, edge).build()).always();

            List<MachineUsage> usage = deployment.sample();

            assertThat(usage).extracting(MachineUsage::machine).containsExactly("cloud", "edge-2");
            assertThat(usage.get(0).role()).isEqualTo(Role.CLOUD);
            // "9559630n" and "22244Ki" in the real response
            assertThat(usage.get(0).cpuCores()).isCloseTo(0.00955963, within(1e-12));
            assertThat(usage.get(0).memoryMib()).isCloseTo(22244 / 1024.0, within(1e-9));
            assertThat(usage.get(1).role()).isEqualTo(Role.EDGE);
            assertThat(usage.get(1).cpuCores()).isCloseTo(2 * 0.00955963, within(1e-12));
            assertThat(usage.get(1).memoryMib()).isCloseTo(2 * 22244 / 1024.0, within(1e-9));
            assertThat(usage).allSatisfy(u -> assertThat(u.time()).isPositive());
        }
    }

    @Test
    void saysOnceThatTheMetricsApiIsAbsentAndStopsAsking() throws Exception {
        try (KubernetesDeployment deployment = deploy()) {
            server.expect().get().withPath(metricsPath(deployment)).andReturn(404, new StatusBuilder()
                    .withStatus("Failure").withReason("NotFound").withCode(404)
                    .withMessage("the server could not find the requested resource").build()).always();

            assertThat(deployment.sample()).isEmpty();
            assertThat(deployment.metricsAvailable()).isFalse();
            int requests = server.getRequestCount();
            assertThat(deployment.sample()).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(requests);
        }
    }

    @Test
    void closeRemovesEverythingOnceAndSamplingStops() throws Exception {
        KubernetesDeployment deployment = deploy();
        deployment.close();
        int requests = server.getRequestCount();
        deployment.close();
        assertThat(deployment.sample()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(requests);
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
    }
}
