package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/** One clear message for each way the cluster can say no, and nothing left behind. */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class ClusterErrorsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private final ExperimentPlan plan = TestPlans.cloudAndEdges("denied", 2);
    private static final KubernetesOptions OPTIONS = KubernetesOptions.DEFAULT.withReadyTimeout(Duration.ofSeconds(5));

    @Test
    void forbiddenNamesTheCallAndTheRbacFileAndRemovesWhatWasCreated() {
        server.expect().post().withPath("/apis/apps/v1/namespaces/acai-denied/deployments")
                .andReturn(403, new StatusBuilder().withStatus("Failure").withReason("Forbidden").withCode(403)
                        .withMessage("deployments.apps is forbidden: User \"system:serviceaccount:ci:runner\" cannot"
                                + " create resource \"deployments\" in API group \"apps\" in the namespace"
                                + " \"acai-denied\"").build())
                .always();

        assertThatThrownBy(() -> new KubernetesRuntime(client, OPTIONS).deploy(plan, logs))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("forbidden (HTTP 403): the launcher's identity may not create deployments cloud"
                        + " in namespace acai-denied")
                .hasMessageContaining("docs/kubernetes-rbac.yaml")
                .hasMessageContaining("cannot create resource \"deployments\"");

        assertThat(client.services().inNamespace("acai-denied").list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace("acai-denied").list().getItems()).isEmpty();
        assertThat(client.namespaces().withName("acai-denied").get()).isNull();
    }

    @Test
    void anUnreachableClusterIsOneMessageWithTheServerAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = Config.empty();
        config.setMasterUrl("https://127.0.0.1:" + port);
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(2000);
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThatThrownBy(() -> new KubernetesRuntime(unreachable, OPTIONS).deploy(plan, logs))
                    .isInstanceOf(DeployException.class)
                    .hasMessageStartingWith("cannot reach the Kubernetes API server at https://127.0.0.1:" + port)
                    .hasMessageContaining("Check KUBECONFIG or ~/.kube/config")
                    .message().doesNotContain("Could not remove");
        }
    }

    @Test
    void chaosMeshModeSaysWhenChaosMeshIsNotInstalledBeforeCreatingAnything() {
        KubernetesOptions chaos = OPTIONS.withShaping(ShapingMode.CHAOS_MESH);
        server.expect().get().withPath("/apis/chaos-mesh.org/v1alpha1/namespaces/acai-denied/networkchaos?limit=1")
                .andReturn(404, new StatusBuilder().withStatus("Failure").withReason("NotFound").withCode(404)
                        .withMessage("the server could not find the requested resource").build())
                .always();

        assertThatThrownBy(() -> new KubernetesRuntime(client, chaos).deploy(plan, logs))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("Chaos Mesh is not installed on this cluster")
                .hasMessageContaining("--shaping tc");
        assertThat(client.apps().deployments().inNamespace("acai-denied").list().getItems()).isEmpty();
        assertThat(client.namespaces().withName("acai-denied").get()).isNull();
    }
}
