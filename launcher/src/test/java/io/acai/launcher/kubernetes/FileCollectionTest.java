package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * collect(): the app container's log streamed into container.log, and the CSV and log files copied
 * out of the pod by one exec of tar whose output is a real tar archive made by this machine's tar.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class FileCollectionTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    @TempDir
    Path work;

    private static final String NAMESPACE = "acai-files";

    private String podOf(String machine) {
        return client.pods().inNamespace(NAMESPACE).withLabel(ExperimentLabels.MACHINE, machine).list().getItems()
                .stream().map(Pod::getMetadata).findFirst().orElseThrow().getName();
    }

    private String tarOfWorkDir() throws IOException, InterruptedException {
        Files.writeString(work.resolve("edge.csv"), "time,frame,uploaded\n1,1,0\n2,2,1\n");
        Files.createDirectories(work.resolve("logs"));
        Files.writeString(work.resolve("logs/edge-app.log"), "edge-app: connected to cloud:9000\n");
        Process tar;
        try {
            tar = new ProcessBuilder("tar", "cf", "-", "./edge.csv", "./logs/edge-app.log").directory(work.toFile())
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "no tar on this machine: " + e.getMessage());
            throw e;
        }
        byte[] archive = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor()).isZero();
        for (byte b : archive) {
            assertThat(b & 0xff).as("an ASCII-only archive passes the mock's text frames unchanged").isLessThan(0x80);
        }
        return new String(archive, StandardCharsets.ISO_8859_1);
    }

    @Test
    void streamsTheContainerLogAndCopiesTheAppFiles() throws Exception {
        String archive = tarOfWorkDir();
        KubernetesOptions options = KubernetesOptions.DEFAULT.withNamespace(NAMESPACE)
                .withReadyTimeout(Duration.ofSeconds(20));
        try (KubernetesDeployment deployment = PodSimulator.deployReady(server, client, options,
                TestPlans.cloudAndEdges("files", 1), logs)) {
            String pod = podOf("edge-1");
            String base = "/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod;
            // always, not once: should the log request be sent again (fabric8 retries a failed request), it gets
            // the log again, not the mock's catch-all answer, a dump of every object, which one verify run got
            // (the cause is not proven)
            server.expect().get().withPath(base + "/log?pretty=false&container=app&follow=true")
                    .andReturn(200, "edge-app 0.1.0 starting\nconnected to cloud:9000\n").always();
            String command = URLEncoder.encode(WorkFilesCopier.SCRIPT, StandardCharsets.UTF_8).replace("+", "%20");
            server.expect().get().withPath(base + "/exec?command=sh&command=-c&command=" + command
                    + "&container=app&stdout=true&stderr=true")
                    .andUpgradeToWebSocket().open()
                    .waitFor(200).andEmit(new OutputStreamMessage(archive))
                    .waitFor(50).andEmit(new StatusStreamMessage(0))
                    .done().once();

            deployment.collect(logs);

            Path machine = logs.resolve("edge-1");
            assertThat(machine.resolve("edge.csv")).hasContent("time,frame,uploaded\n1,1,0\n2,2,1\n");
            assertThat(machine.resolve("logs/edge-app.log")).hasContent("edge-app: connected to cloud:9000\n");
            Path containerLog = machine.resolve(ContainerLogStreams.FILE);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(containerLog).content()
                    .startsWith("--- acai: pod " + pod + ", container app ---\n")
                    .endsWith("edge-app 0.1.0 starting\nconnected to cloud:9000\n"));
        }
    }
}
