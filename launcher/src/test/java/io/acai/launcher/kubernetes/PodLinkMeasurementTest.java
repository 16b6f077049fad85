package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.local.ProbePair;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.records.run.LinkRow;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;

/**
 * A Kubernetes run measures its links like a local run: the probe jar written into each pod, a probe server in the
 * cloud's pod on a port its Service exposes, one client per edge through the cloud's Service name, and
 * {@code links.csv} from their output. The mock API server answers each exec as its expectation says (it runs
 * nothing), so this checks the exact API traffic and what is made of the answers, not the probe itself, which
 * {@code LocalUnitsTest} runs for real.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class PodLinkMeasurementTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private static final String NAMESPACE = "acai-probe";

    private static String query(List<String> command) {
        StringBuilder query = new StringBuilder("?");
        for (String part : command) {
            query.append("command=").append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('&');
        }
        return query.toString();
    }

    private String execPath(String machine, List<String> command, boolean stdin) {
        return "/api/v1/namespaces/" + NAMESPACE + "/pods/" + PodSimulator.podName(machine) + "/exec" + query(command)
                + "container=app" + (stdin ? "&stdin=true" : "") + "&stdout=true&stderr=true";
    }

    private void expectExec(String machine, List<String> command, boolean stdin, String output, int exit) {
        expectExec(machine, command, stdin, output, exit, 1);
    }

    /** {@code times} answers to the same exec, for one the launcher may send again. */
    private void expectExec(String machine, List<String> command, boolean stdin, String output, int exit, int times) {
        var emit = server.expect().get().withPath(execPath(machine, command, stdin)).andUpgradeToWebSocket().open();
        if (output != null) {
            emit = emit.waitFor(20).andEmit(new OutputStreamMessage(output));
        }
        emit.waitFor(exit == Integer.MAX_VALUE ? 60_000 : 40).andEmit(new StatusStreamMessage(exit == Integer.MAX_VALUE ? 0 : exit))
                .done().times(times);
    }

    @Test
    void measuresEveryDirectionThroughTheCloudsServiceAndWritesLinksCsv() throws Exception {
        ExperimentPlan plan = TestPlans.cloudAndEdges("probe", 2);
        List<String> upload = List.of("sh", "-c", PodLinkProbes.uploadScript(PodLinkProbes.probeJar().length));
        for (String machine : List.of("cloud", "edge-1", "edge-2")) {
            // the upload is tried again when its exec breaks off, as the mock's WebSocket sometimes does under load
            expectExec(machine, upload, true, null, 0, 2);
        }
        expectExec("cloud", PodLinkProbes.serverCommand(PodLinkProbes.PORT, 2), false, "ready\n", Integer.MAX_VALUE);
        ProbePair first = new ProbePair("edge-1", "cloud", plan.link("edge-1", "cloud").orElseThrow(),
                plan.link("cloud", "edge-1").orElseThrow());
        ProbePair second = new ProbePair("edge-2", "cloud", plan.link("edge-2", "cloud").orElseThrow(),
                plan.link("cloud", "edge-2").orElseThrow());
        expectExec("edge-1", PodLinkProbes.clientCommand(first, "cloud", PodLinkProbes.PORT), false,
                "up_mbps=9.6000 down_mbps=48.5000 rtt_ms=40.9000\n", 0);
        expectExec("edge-2", PodLinkProbes.clientCommand(second, "cloud", PodLinkProbes.PORT), false,
                "up_mbps=12.0000 down_mbps=49.0000 rtt_ms=81.5000\n", 0);
        KubernetesOptions options = KubernetesOptions.DEFAULT.withShaping(ShapingMode.NONE).withMeasureLinks(true)
                .withReadyTimeout(Duration.ofSeconds(20));

        try (KubernetesDeployment deployment = PodSimulator.deployReady(server, client, options, plan, logs)) {
            List<ServicePort> ports = client.services().inNamespace(NAMESPACE).withName("cloud").get().getSpec()
                    .getPorts();
            assertThat(ports).extracting(ServicePort::getName, ServicePort::getPort)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(MachineManifests.PORT_NAME, 9000),
                            org.assertj.core.groups.Tuple.tuple(PodLinkProbes.PORT_NAME, PodLinkProbes.PORT));
        }

        List<LinkRow> rows = LinkRow.SCHEMA.read(LinkRow.SCHEMA.in(logs)).rows();
        assertThat(rows).containsExactly(
                new LinkRow("edge-1", "cloud", 10, 9.6, 40, 40.9),
                new LinkRow("cloud", "edge-1", 50, 48.5, 40, 40.9),
                new LinkRow("edge-2", "cloud", 20, 12, 80, 81.5),
                new LinkRow("cloud", "edge-2", 50, 49, 80, 81.5));
    }

    @Test
    void aServerThatCannotStartLeavesItsPairsUnmeasuredAndTheRunGoesOn() throws Exception {
        ExperimentPlan plan = TestPlans.cloudAndEdges("probe", 1);
        List<String> upload = List.of("sh", "-c", PodLinkProbes.uploadScript(PodLinkProbes.probeJar().length));
        expectExec("cloud", upload, true, null, 127);
        KubernetesOptions options = KubernetesOptions.DEFAULT.withShaping(ShapingMode.NONE).withMeasureLinks(true)
                .withReadyTimeout(Duration.ofSeconds(20));

        try (KubernetesDeployment deployment = PodSimulator.deployReady(server, client, options, plan, logs)) {
            assertThat(deployment.states()).containsKeys("cloud", "edge-1");
        }

        assertThat(LinkRow.SCHEMA.in(logs)).doesNotExist();
    }

    @Test
    void theProbeJarHoldsTheProbesClassesOnly() throws Exception {
        byte[] jar = PodLinkProbes.probeJar();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertThat(in.getNextJarEntry().getName()).isEqualTo("io/acai/launcher/local/LinkProbe.class");
            assertThat(in.getNextJarEntry().getName()).isEqualTo("io/acai/launcher/local/LinkProbe$Measurement.class");
            assertThat(in.getNextJarEntry()).isNull();
        }
        assertThat(PodLinkProbes.probeJar()).isEqualTo(jar);
        assertThat(PodLinkProbes.uploadScript(1234)).isEqualTo(
                "mkdir -p /tmp/acai-probe && head -c 1234 > /tmp/acai-probe/link-probe.jar");
    }

    @Test
    void tcIsInPlaceOnceTheShaperHasLoggedThatItApplied() throws Exception {
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/cloud-pod/log?pretty=false&container="
                + TcShaping.CONTAINER).andReturn(200, "acai-shaper: applied /acai/shaping/cloud.sh\n").always();
        ShapingInPlace shaping = new ShapingInPlace(client, NAMESPACE, Duration.ofMillis(20));

        assertThat(shaping.tcApplied(Map.of("cloud", "cloud-pod"), Duration.ofSeconds(5))).isEmpty();
        assertThat(shaping.tcApplied(Map.of("cloud", "cloud-pod", "edge-1", "edge-1-pod"), Duration.ofMillis(300)))
                .containsExactly("edge-1");
    }

    @Test
    void chaosIsInPlaceOnlyOnceAllInjected() {
        assertThat(ShapingInPlace.allInjected(chaos(Map.of()))).isFalse();
        assertThat(ShapingInPlace.allInjected(chaos(Map.of("conditions", List.of(
                Map.of("type", "Selected", "status", "True"), Map.of("type", "AllInjected", "status", "False"))))))
                .isFalse();
        assertThat(ShapingInPlace.allInjected(chaos(Map.of("conditions", List.of(
                Map.of("type", "AllInjected", "status", "True")))))).isTrue();
    }

    private static GenericKubernetesResource chaos(Map<String, Object> status) {
        return new GenericKubernetesResourceBuilder().withNewMetadata().withName("x").endMetadata()
                .addToAdditionalProperties("status", status).build();
    }
}
