package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.launcher.local.ProbePair;
import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The apps start only once their pods run, the links are shaped (shaping in place) and measured: the order of the API
 * calls deploy() makes, as the mock server records them (it runs no command: each exec is answered as expected).
 * The cloud's pod stays unready until its gate's exec arrives, as a real one does until its app listens, so a deploy
 * that returns has awaited readiness after opening the gates.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class StartGateTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private static final String NAMESPACE = "acai-gate";
    private final ExperimentPlan plan = TestPlans.cloudAndEdges("gate", 2);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private String pod(String machine) {
        return "/api/v1/namespaces/" + NAMESPACE + "/pods/" + PodSimulator.podName(machine);
    }

    private String execPath(String machine, List<String> command, boolean stdin) {
        return pod(machine) + "/exec" + PodSimulator.query(command) + "container=app" + (stdin ? "&stdin=true" : "")
                + "&stdout=true&stderr=true";
    }

    private String gatePath(String machine) {
        return execPath(machine, StartGate.openCommand(), false);
    }

    private void expectExec(String machine, List<String> command, boolean stdin, String output, int exit, long hold) {
        var emit = server.expect().get().withPath(execPath(machine, command, stdin)).andUpgradeToWebSocket().open();
        if (output != null) {
            emit = emit.waitFor(20).andEmit(new OutputStreamMessage(output));
        }
        emit.waitFor(hold).andEmit(new StatusStreamMessage(exit)).done().once();
    }

    private void expectProbes() throws Exception {
        List<String> upload = List.of("sh", "-c", PodLinkProbes.uploadScript(PodLinkProbes.probeJar().length));
        for (String machine : List.of("cloud", "edge-1", "edge-2")) {
            expectExec(machine, upload, true, null, 0, 40);
        }
        expectExec("cloud", PodLinkProbes.serverCommand(PodLinkProbes.PORT, 2), false, "ready\n", 0, 60_000);
        for (String edge : List.of("edge-1", "edge-2")) {
            ProbePair pair = new ProbePair(edge, "cloud", plan.link(edge, "cloud").orElseThrow(),
                    plan.link("cloud", edge).orElseThrow());
            expectExec(edge, PodLinkProbes.clientCommand(pair, "cloud", PodLinkProbes.PORT), false,
                    "up_mbps=9.6000 down_mbps=48.5000 rtt_ms=40.9000\n", 0, 40);
        }
    }

    /** The cloud's pod runs but is not ready (its app waits behind the gate); the edges' pods are ready. */
    private static Function<Deployment, PodStatus> cloudUnready() {
        int[] next = {10};
        return d -> {
            PodStatus ready = PodSimulator.ready(d, "10.244.0." + next[0]++);
            if (!d.getMetadata().getName().equals("cloud")) {
                return ready;
            }
            return new PodStatusBuilder(ready).withConditions().addNewCondition().withType("PodScheduled")
                    .withStatus("True").endCondition().addNewCondition().withType("Ready").withStatus("False")
                    .endCondition().build();
        };
    }

    /** Records every request the mock serves, in order, and makes the cloud's pod ready once its gate is opened. */
    private Thread recorder() {
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    RecordedRequest request = server.takeRequest(50, TimeUnit.MILLISECONDS);
                    if (request == null) {
                        continue;
                    }
                    requests.add(request.getMethod() + " " + request.getPath());
                    if (request.getPath().equals(gatePath("cloud"))) {
                        client.pods().inNamespace(NAMESPACE).withName(PodSimulator.podName("cloud"))
                                .edit(p -> new PodBuilder(p).editStatus().withConditions().addNewCondition()
                                        .withType("Ready").withStatus("True").endCondition().endStatus().build());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "request-recorder");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private KubernetesDeployment deploy(KubernetesOptions options) throws Exception {
        try (PodSimulator pods = new PodSimulator(client, NAMESPACE, cloudUnready())) {
            return (KubernetesDeployment) new KubernetesRuntime(client, options.withReadyTimeout(Duration.ofSeconds(30)))
                    .withPollInterval(Duration.ofMillis(50)).deploy(plan, logs);
        }
    }

    private int first(Predicate<String> request) {
        return IntStream.range(0, requests.size()).filter(i -> request.test(requests.get(i))).findFirst().orElse(-1);
    }

    private int last(Predicate<String> request) {
        return IntStream.range(0, requests.size()).map(i -> requests.size() - 1 - i)
                .filter(i -> request.test(requests.get(i))).findFirst().orElse(-1);
    }

    private List<String> machines() {
        return plan.machines().stream().map(MachinePlan::name).toList();
    }

    @Test
    void theAppsStartAfterShapingIsInPlaceAndTheLinksAreMeasuredThenReadinessIsAwaited() throws Exception {
        PodSimulator.expectKubelet(server, NAMESPACE, machines());
        expectProbes();
        Thread recorder = recorder();
        KubernetesDeployment deployment = deploy(KubernetesOptions.DEFAULT.withMeasureLinks(true));
        try {
            assertThat(deployment.states()).containsOnlyKeys(machines()).doesNotContainValue(MachineState.STARTING);
        } finally {
            deployment.close();
            recorder.interrupt();
            recorder.join(10_000);
        }

        int scripts = first(r -> r.matches("(PATCH|PUT) .*/configmaps/" + TcShaping.CONFIG_MAP + ".*"));
        int shaperLogs = last(r -> r.contains("/log?pretty=false&container=" + TcShaping.CONTAINER));
        int firstProbe = first(r -> r.contains("/exec?command=sh&command=-c&command=mkdir"));
        // whether each probe succeeds is PodLinkMeasurementTest's matter: any probe exec marks the measurement
        int lastProbe = last(r -> r.contains("/exec?") && !r.contains("command=touch"));
        int cloudGate = first(r -> r.endsWith(gatePath("cloud")));
        int edgeGates = Math.min(first(r -> r.endsWith(gatePath("edge-1"))), first(r -> r.endsWith(gatePath("edge-2"))));
        int lastGate = Math.max(last(r -> r.endsWith(gatePath("edge-1"))), last(r -> r.endsWith(gatePath("edge-2"))));
        int readiness = last(r -> r.startsWith("GET /api/v1/namespaces/" + NAMESPACE + "/pods?labelSelector="));
        String order = String.join("\n", requests);

        assertThat(scripts).as(order).isNotNegative();
        assertThat(shaperLogs).as("shaping in place after the scripts were written\n" + order).isGreaterThan(scripts);
        assertThat(firstProbe).as("links measured once shaping is in place\n" + order).isGreaterThan(shaperLogs);
        assertThat(lastProbe).as(order).isGreaterThanOrEqualTo(firstProbe);
        assertThat(cloudGate).as("gates opened after the measurement\n" + order).isGreaterThan(lastProbe);
        assertThat(edgeGates).as("the cloud's gate first\n" + order).isGreaterThan(cloudGate);
        assertThat(readiness).as("readiness awaited after the gates opened\n" + order).isGreaterThan(lastGate);
        assertThat(requests).as("each gate opened once").filteredOn(r -> r.contains("command=touch")).hasSize(3);
    }

    @Test
    void withoutShapingOrMeasurementTheGatesOpenOnceThePodsRun() throws Exception {
        PodSimulator.expectKubelet(server, NAMESPACE, machines());
        Thread recorder = recorder();
        KubernetesDeployment deployment = deploy(KubernetesOptions.DEFAULT.withShaping(ShapingMode.NONE));
        try {
            assertThat(client.services().inNamespace(NAMESPACE).withName("cloud").get().getSpec()
                    .getPublishNotReadyAddresses()).as("no probe, no need to route to an unready pod").isNull();
        } finally {
            deployment.close();
            recorder.interrupt();
            recorder.join(10_000);
        }
        assertThat(requests).filteredOn(r -> r.contains("/exec?")).as(String.join("\n", requests))
                .containsExactlyInAnyOrder("GET " + gatePath("cloud"), "GET " + gatePath("edge-1"),
                        "GET " + gatePath("edge-2"));
        assertThat(requests).noneMatch(r -> r.contains("/log?"));
    }

    @Test
    void theProbesReachTheCloudThroughItsServiceBeforeItsPodIsReady() {
        ExperimentManifests manifests = new ExperimentManifests(plan, KubernetesOptions.DEFAULT.withMeasureLinks(true),
                "gate");
        assertThat(manifests.objects()).filteredOn(o -> o instanceof io.fabric8.kubernetes.api.model.Service)
                .extracting(o -> o.getMetadata().getName() + "="
                        + ((io.fabric8.kubernetes.api.model.Service) o).getSpec().getPublishNotReadyAddresses())
                .containsExactly("cloud=true", "edge-1=null", "edge-2=null");
    }

    @Test
    void aGateThatCannotOpenFailsTheDeployNamingTheMachineAndLeavesNothingBehind() throws Exception {
        PodSimulator.expectKubelet(server, NAMESPACE, List.of("edge-1", "edge-2"));
        server.expect().get().withPath(gatePath("cloud")).andUpgradeToWebSocket().open()
                .waitFor(10).andEmit(new io.fabric8.kubernetes.client.server.mock.ErrorStreamMessage(
                        "touch: cannot touch '/acai/gate/open': Read-only file system\n"))
                .waitFor(10).andEmit(new StatusStreamMessage(1))
                // open a while longer, so that a loaded machine reads the status before the stream closes
                .waitFor(5_000).andEmit(new OutputStreamMessage("")).done().always();

        // the mock's exec stream sometimes closes before the client has read its status: then the gate is tried
        // once more and the message says the exec gave no exit status instead of "exited with 1"
        assertThatThrownBy(() -> deploy(KubernetesOptions.DEFAULT.withShaping(ShapingMode.NONE)))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("cannot open the start gate of machine cloud (pod " + PodSimulator.podName("cloud"))
                .hasMessageContaining("so its app would never start");
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
    }

    @Test
    void aPodThatReplacesOneDuringTheRunHasItsGateOpened() throws Exception {
        PodSimulator.expectKubelet(server, NAMESPACE, machines());
        KubernetesDeployment deployment;
        try (PodSimulator pods = new PodSimulator(client, NAMESPACE, d -> PodSimulator.ready(d, "10.244.0.9"))) {
            deployment = (KubernetesDeployment) new KubernetesRuntime(client, KubernetesOptions.DEFAULT
                    .withShaping(ShapingMode.NONE).withReadyTimeout(Duration.ofSeconds(30)))
                    .withPollInterval(Duration.ofMillis(50)).deploy(plan, logs);
        }
        try {
            Pod old = client.pods().inNamespace(NAMESPACE).withName(PodSimulator.podName("edge-2")).get();
            String replacement = "edge-2-7d9f8c6b5-new01";
            client.pods().inNamespace(NAMESPACE).withName(old.getMetadata().getName()).delete();
            client.pods().inNamespace(NAMESPACE).resource(new PodBuilder(old).editMetadata().withName(replacement)
                    .withResourceVersion(null).withUid(null).endMetadata().build()).create();
            String gate = "/api/v1/namespaces/" + NAMESPACE + "/pods/" + replacement + "/exec"
                    + PodSimulator.query(StartGate.openCommand()) + "container=app&stdout=true&stderr=true";
            server.expect().get().withPath(gate).andUpgradeToWebSocket().open().waitFor(10)
                    .andEmit(new StatusStreamMessage(0)).done().once();
            while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
                // forget the deploy's requests
            }

            deployment.collect(logs);
            deployment.collect(logs);

            List<String> seen = new java.util.ArrayList<>();
            for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
                    r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
                seen.add(r.getPath());
            }
            assertThat(seen).as("opened once, in the new pod only").filteredOn(p -> p.contains("command=touch"))
                    .containsExactly(gate);
        } finally {
            deployment.close();
        }
    }
}
