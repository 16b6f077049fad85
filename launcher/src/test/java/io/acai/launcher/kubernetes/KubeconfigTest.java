package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** The runtime built from options connects through a kubeconfig file and says which cluster and context. */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class KubeconfigTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void connectsThroughTheKubeconfigAndNamesItsContext() throws Exception {
        String url = client.getMasterUrl().toString();
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster:
                    server: %s
                contexts:
                - name: lab-admin
                  context:
                    cluster: lab
                    user: admin
                    namespace: default
                current-context: lab-admin
                users:
                - name: admin
                  user:
                    token: not-a-secret
                """.formatted(url));
        String previous = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        try {
            String description = new KubernetesRuntime(KubernetesOptions.DEFAULT).describe();
            assertThat(description).startsWith("Kubernetes cluster at " + url + " (context lab-admin)")
                    .contains("namespace acai-<experiment>", "tc");
        } finally {
            if (previous == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", previous);
            }
        }
    }
}
