package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.campaign.CampaignCommand;
import io.acai.launcher.campaign.CampaignRunner;
import io.acai.launcher.campaign.CampaignSpec;
import io.acai.launcher.campaign.SweepExpansion;
import io.acai.launcher.campaign.SweepValidation;
import io.acai.launcher.run.RunDescription;
import io.acai.launcher.run.RunOptions;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code campaign --parallel 2} on Kubernetes: a real {@link CampaignRunner} with the real {@link KubernetesRuntime}
 * against the mock API server, 2 settings x 2 repeats of 2-second runs, pods made ready by a {@link PodSimulator} per
 * run namespace. The runs overlap (two of the runs' namespaces exist at once, as the API server sees them), each run
 * has its own namespace and its own logs folder with a completed {@code run.json}, and no namespace is left.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class KubernetesCampaignTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private CampaignSpec campaign() throws IOException, io.acai.launcher.campaign.CampaignException {
        Files.writeString(dir.resolve("base.json"), """
                {"experiment": {"name": "pair", "duration": "2s", "samplePeriod": "1s", "seed": 3},
                 "runtime": "kubernetes",
                 "machines": [
                   {"name": "cloud", "category": "server", "port": 7000, "app": {"minRetrainImages": 40}},
                   {"name": "edge", "category": "client", "app": {"rate": 4}}],
                 "connections": [{"node1": "cloud", "node2": "edge", "bandwidth": "100mbps", "latency": "5ms"}]}
                """);
        return CampaignSpec.read(Files.writeString(dir.resolve("campaign.json"), """
                {"name": "pair", "base": "base.json", "repeats": 2,
                 "parameters": [{"path": "connections[cloud~edge].bandwidthFrom", "values": ["2mbps", "8mbps"],
                                 "label": "uplink"}]}
                """));
    }

    @Test
    void runsTwoAtATimeEachInItsOwnNamespaceAndFolderAndRemovesEveryNamespace() throws Exception {
        CampaignSpec spec = campaign();
        List<SweepValidation.ValidRun> runs = SweepValidation.validate(spec,
                SweepExpansion.expand(spec, CampaignCommand.base(spec)), null);
        assertThat(runs).hasSize(4);
        KubernetesOptions options = KubernetesOptions.DEFAULT.withReadyTimeout(Duration.ofSeconds(30));
        List<String> namespaces = runs.stream()
                .map(r -> CampaignCommand.runOptions(options, r.plan(), r.run()).namespace()).toList();
        assertThat(namespaces).containsExactly("acai-pair-1", "acai-pair-2", "acai-pair-3", "acai-pair-4");

        Set<String> live = ConcurrentHashMap.newKeySet();
        Set<String> created = ConcurrentHashMap.newKeySet();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Map<String, String> namespaceOfRun = new ConcurrentHashMap<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<PodSimulator> pods = new ArrayList<>();
        int[] nextIp = {10};
        int code;
        try (Watch watch = client.namespaces().watch(new Watcher<Namespace>() {
            @Override
            public void eventReceived(Action action, Namespace namespace) {
                String name = namespace.getMetadata().getName();
                if (action == Action.ADDED) {
                    created.add(name);
                    live.add(name);
                    mostAtOnce.accumulateAndGet(live.size(), Math::max);
                } else if (action == Action.DELETED) {
                    live.remove(name);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            for (String namespace : namespaces) {
                PodSimulator.expectKubelet(server, namespace, List.of("cloud", "edge"));
                pods.add(new PodSimulator(client, namespace, d -> PodSimulator.ready(d, "10.244.0." + nextIp[0]++)));
            }
            CampaignRunner.RuntimeFactory factory = (plan, run) -> {
                KubernetesOptions own = CampaignCommand.runOptions(options, plan, run);
                namespaceOfRun.put(run.id(), own.namespace());
                return new KubernetesRuntime(client, own).withPollInterval(Duration.ofMillis(100));
            };
            code = new CampaignRunner(spec, dir.resolve("logs"), runs, factory, new RunOptions(true, false, print, print),
                    false, 2).run();
        } finally {
            pods.forEach(PodSimulator::close);
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        assertThat(output).contains("4 runs done now, 0 completed earlier, 0 left, of 4");
        assertThat(namespaceOfRun).as("each run in its own namespace").containsOnly(
                Map.entry("uplink=2mbps-r1", "acai-pair-1"), Map.entry("uplink=8mbps-r1", "acai-pair-2"),
                Map.entry("uplink=2mbps-r2", "acai-pair-3"), Map.entry("uplink=8mbps-r2", "acai-pair-4"));
        assertThat(created).as("namespaces the API server saw").containsExactlyInAnyOrderElementsOf(namespaces);
        assertThat(mostAtOnce.get()).as("two runs' namespaces existed at once").isEqualTo(2);
        assertThat(client.namespaces().list().getItems()).extracting("metadata.name")
                .as("every namespace removed").doesNotContainAnyElementsOf(namespaces);
        assertThat(live).isEmpty();

        List<RunDescription> described = new ArrayList<>();
        for (String id : namespaceOfRun.keySet()) {
            RunDescription run = RunDescription.read(dir.resolve("logs").resolve(id));
            assertThat(run.isCompleted()).as(id).isTrue();
            assertThat(run.exitCode()).as(id).isZero();
            assertThat(run.campaign()).isEqualTo("pair");
            assertThat(run.labels()).containsEntry("connections[cloud~edge].bandwidthFrom", "uplink");
            assertThat(run.config().at("/connections/0/bandwidthFrom").asText()).isEqualTo(id.substring(7, 12));
            assertThat(dir.resolve("logs").resolve(id).resolve("consumption.csv")).as("sampled by its own run loop")
                    .isRegularFile();
            described.add(run);
        }
        RunDescription first = described.stream().filter(r -> r.repeat() == 1).findFirst().orElseThrow();
        RunDescription second = described.stream().filter(r -> r.repeat() == 1 && r != first).findFirst().orElseThrow();
        assertThat(first.startedAt()).as("repeat 1's two runs overlap in time").isLessThan(second.completedAt());
        assertThat(second.startedAt()).isLessThan(first.completedAt());
    }
}
