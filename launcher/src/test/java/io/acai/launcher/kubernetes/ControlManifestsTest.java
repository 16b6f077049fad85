package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.RuntimeKind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A static control's objects on Kubernetes: a pod that is given no cloud address and waits on nothing. */
class ControlManifestsTest {

    private static ExperimentPlan plan() throws Exception {
        return UserConfigReader.parse("""
                {"experiment": {"name": "control-check"},
                 "machines": [{"name": "cloud", "category": "server", "port": 7000},
                              {"name": "edge", "category": "client", "app": {"rate": 4, "driftAfter": "30s"}},
                              {"name": "edge-static", "category": "client", "app": {"controlOf": "edge"}}],
                 "connections": [{"node1": "cloud", "node2": "edge", "bandwidth": "10mbps", "latency": "20ms"}]}
                """, Path.of("control-check.json"), Path.of("."), RuntimeKind.KUBERNETES);
    }

    private static <T extends HasMetadata> T object(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static Container app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(MachineManifests.APP_CONTAINER)).findFirst().orElseThrow();
    }

    @Test
    void theControlsPodHasNoCloudAddressNoPortAndItsTargetInALabel() throws Exception {
        ExperimentManifests manifests = new ExperimentManifests(plan(), KubernetesOptions.DEFAULT, "control-check-1");
        List<HasMetadata> objects = manifests.objects();

        Container edge = app(object(objects, Deployment.class, "edge"));
        Deployment controlDeployment = object(objects, Deployment.class, "edge-static");
        Container control = app(controlDeployment);
        assertThat(edge.getArgs()).startsWith(manifests.cloudAddress(), "7000");
        assertThat(control.getArgs()).startsWith("none", "0").contains("--static", "--drift-after", "30000ms")
                .doesNotContain(manifests.cloudAddress(), "7000");
        assertThat(control.getReadinessProbe()).isNull();
        assertThat(control.getPorts()).isNullOrEmpty();
        assertThat(controlDeployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry(ExperimentLabels.CONTROL_OF, "edge");
        assertThat(object(objects, Deployment.class, "edge").getMetadata().getLabels())
                .doesNotContainKey(ExperimentLabels.CONTROL_OF);
        assertThat(object(objects, Service.class, "edge-static").getSpec().getClusterIP()).isEqualTo("None");
        assertThat(manifests.previewScripts()).containsOnlyKeys("cloud.sh", "edge.sh");
    }
}
