package io.acai.launcher.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.acai.detection.SharedData;
import io.acai.launcher.LauncherMain;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.launcher.config.UserConfigReader;
import io.acai.testkit.ConsoleCapture;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A config written as the original project wrote its own ({@code configs/valid/original-scripts.json}) through
 * {@code validate} and {@code manifests}: the manifests pass the strict schemas, its images keep their own working
 * directory, only the cloud's port is probed, its NFS volumes are mounted, and its files are collected from where
 * its scripts write them.
 */
class OriginalConfigManifestsTest {

    private static Path config(String name) {
        try {
            return Path.of(OriginalConfigManifestsTest.class.getResource("/configs/valid/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsoleCapture launch(String... args) {
        return ConsoleCapture.run(() -> LauncherMain.execute(args));
    }

    @Test
    void validateListsWhatEachRuntimeRuns() {
        ConsoleCapture kubernetes = launch("validate", config("original-scripts.json").toString(), "--runtime", "kubernetes");
        assertThat(kubernetes.exitCode()).as(kubernetes.err()).isZero();
        assertThat(kubernetes.out()).contains("yolo-cloud (server): /bin/sh -c python3 /app/cloud_yolo_train_update.py 9876");

        ConsoleCapture local = launch("validate", config("original-scripts.json").toString());
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).contains("yolo-cloud (server): cloud-app.jar 9876 cloud.log cloud.csv",
                "yolo-edge-1 (client): edge-app.jar {} 9876 edge_inf.log edge_update.log edge_inf.csv edge_update.csv 4"
                        + " yolo-edge-1");
    }

    @Test
    void validateListsAGroupAndItsMembers() {
        ConsoleCapture outcome = launch("validate", config("groups.json").toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("group edge: 12 machines, edge-00 .. edge-11", "group far: 3 machines, far-0 .. far-2",
                "edge-11 (client): edge-app.jar", "link far-1 -> cloud: 2.0 Mbit/s");
    }

    @Test
    void aGroupsMembersAreMachinesOfTheirOwnOnTheCluster() throws Exception {
        SharedData.root();
        ConsoleCapture outcome = launch("manifests", config("groups.json").toString(), "--shaping", "chaos-mesh");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<JsonNode> docs = StrictSchemas.documents(outcome.out());
        assertThat(docs).filteredOn(d -> d.path("kind").asText().equals("Deployment"))
                .extracting(d -> d.path("metadata").path("name").asText())
                .hasSize(1 + 12 + 3 + 1).contains("cloud", "edge-00", "edge-11", "far-0", "far-2", "edge-near");
        assertThat(docs).filteredOn(d -> d.path("kind").asText().equals("NetworkChaos"))
                .as("a rate and a delay object for both directions of every member, a rate for edge-near's two")
                .hasSize(2 * 2 * (12 + 3) + 2);
        StrictSchemas schemas = new StrictSchemas();
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : docs) {
            violations.addAll(schemas.violations(doc));
        }
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ShapingMode.class)
    void manifestsPassTheStrictSchemas(ShapingMode shaping) throws Exception {
        SharedData.root();
        ConsoleCapture outcome = launch("manifests", config("original-scripts.json").toString(), "--shaping", shaping.id());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<JsonNode> docs = StrictSchemas.documents(outcome.out());
        assertThat(docs).extracting(d -> d.path("kind").asText()).contains("Namespace", "Deployment", "Service");
        StrictSchemas schemas = new StrictSchemas();
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : docs) {
            violations.addAll(schemas.violations(doc));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theOriginalsImagesKeepTheirWorkingDirectoryAndOnlyTheCloudIsProbed() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(config("original-scripts.json"), RuntimeKind.KUBERNETES);
        MachineManifests manifests = new MachineManifests("ns", "exp", KubernetesOptions.DEFAULT.withShaping(ShapingMode.NONE));

        Container cloud = app(manifests.deployment(plan.cloud(), "yolo-cloud"));
        assertThat(cloud.getWorkingDir()).isNull();
        assertThat(cloud.getImage()).isEqualTo("docker.io/example/yolo:multi-pod-no-limit");
        assertThat(cloud.getCommand()).as("its own command, behind the start gate")
                .containsExactly("sh", "-c", StartGate.SCRIPT, "/bin/sh");
        assertThat(cloud.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(9876);
        assertThat(cloud.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/app/logs"));

        Deployment edgeDeployment = manifests.deployment(plan.machine("yolo-edge-0").orElseThrow(), "yolo-cloud");
        Container edge = app(edgeDeployment);
        assertThat(edge.getReadinessProbe()).as("nothing listens on an edge's port").isNull();
        assertThat(edge.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        assertThat(edge.getArgs()).containsExactly("-c", "python3 /app/edge_yolo_inference.py yolo-cloud 9876 edge_inf.log"
                + " edge_update.log edge_inf.csv edge_update.csv 2 0");
        assertThat(edgeDeployment.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getNfs() != null)
                .extracting(v -> v.getName() + "=" + v.getNfs().getServer() + ":" + v.getNfs().getPath())
                .containsExactly("log-volume=files:/exports/yolo/logs/0", "dataset-volume=files:/exports/yolo/content/0");
        assertThat(edge.getVolumeMounts()).extracting(m -> m.getName() + "@" + m.getMountPath())
                .contains("log-volume@/app/logs", "dataset-volume@/app/content");

        assertThat(plan.machines()).allSatisfy(m -> assertThat(MachineManifests.filesDir(m)).isEqualTo("logs"));
    }

    @Test
    void theProjectsImagesWorkInTheirWorkFolderAndOtherImagesInTheirOwn() {
        MachineManifests manifests = new MachineManifests("ns", "exp", KubernetesOptions.DEFAULT.withShaping(ShapingMode.NONE));
        MachinePlan ours = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD).optPort(7000).build();
        MachinePlan named = MachinePlan.builder().setName("edge").setRole(Role.EDGE).optImage("registry.lab/acai-edge:7")
                .optPort(8080).build();
        MachinePlan other = MachinePlan.builder().setName("tool").setRole(Role.EDGE).optImage("busybox:1.36")
                .optCommand(List.of("sleep", "1d")).build();
        MachinePlan given = MachinePlan.builder().setName("app").setRole(Role.EDGE).optImage("busybox:1.36")
                .optCommand(List.of("sleep", "1d")).optLogs("/var/log/app").build();
        MachinePlan unknown = MachinePlan.builder().setName("camera").setRole(Role.EDGE).optImage("example/camera:2")
                .build();

        List<String> projectCommand = new ArrayList<>(List.of("sh", "-c", StartGate.SCRIPT));
        projectCommand.addAll(ProjectImages.ENTRYPOINT);
        assertThat(app(manifests.deployment(ours, "cloud")).getCommand()).isEqualTo(projectCommand);
        assertThat(app(manifests.deployment(named, "cloud")).getCommand()).isEqualTo(projectCommand);
        assertThat(app(manifests.deployment(other, "cloud")).getCommand())
                .containsExactly("sh", "-c", StartGate.SCRIPT, "sleep", "1d");
        assertThat(app(manifests.deployment(ours, "cloud")).getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getName() + "@" + m.getMountPath()).isEqualTo("acai-gate@/acai/gate"));
        assertThat(manifests.deployment(ours, "cloud").getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getName()).isEqualTo(StartGate.VOLUME));
        Deployment ungated = manifests.deployment(unknown, "cloud");
        assertThat(app(ungated).getCommand()).as("an image whose entrypoint the launcher does not know").isNullOrEmpty();
        assertThat(app(ungated).getVolumeMounts()).noneSatisfy(m -> assertThat(m.getName()).isEqualTo(StartGate.VOLUME));
        assertThat(ungated.getSpec().getTemplate().getSpec().getVolumes())
                .noneSatisfy(v -> assertThat(v.getName()).isEqualTo(StartGate.VOLUME));

        assertThat(app(manifests.deployment(ours, "cloud")).getWorkingDir()).isEqualTo(MachineManifests.WORK_DIR);
        assertThat(app(manifests.deployment(named, "cloud")).getWorkingDir()).isEqualTo(MachineManifests.WORK_DIR);
        assertThat(app(manifests.deployment(named, "cloud")).getReadinessProbe()).isNull();
        assertThat(app(manifests.deployment(other, "cloud")).getWorkingDir()).isNull();
        assertThat(MachineManifests.filesDir(ours)).isEqualTo(MachineManifests.WORK_DIR);
        assertThat(MachineManifests.filesDir(other)).isEqualTo(".");
        assertThat(MachineManifests.filesDir(given)).isEqualTo("/var/log/app");
        assertThat(WorkFilesCopier.script("/var/log/app")).startsWith("cd /var/log/app 2>/dev/null || exit 0; ");
        assertThat(WorkFilesCopier.SCRIPT).startsWith("cd /acai/work ");
    }

    private static Container app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(MachineManifests.APP_CONTAINER)).findFirst().orElseThrow();
    }
}
