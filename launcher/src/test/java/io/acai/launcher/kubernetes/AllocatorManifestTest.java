package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.options.AllocatorEnvironment;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every app container carries glibc's allocator settings; a value set in the launcher's environment wins. */
class AllocatorManifestTest {

    private final ExperimentPlan plan = TestPlans.cloudAndEdges("allocator-check", 2);

    private static Container app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(MachineManifests.APP_CONTAINER)).findFirst().orElseThrow();
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    @Test
    void everyAppContainerOfTheExperimentCarriesTheVariables() {
        List<HasMetadata> objects = new ExperimentManifests(plan, KubernetesOptions.DEFAULT, "allocator-1").objects();
        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .toList();
        assertThat(deployments).hasSize(plan.machines().size());
        for (Deployment deployment : deployments) {
            assertThat(env(app(deployment))).as(deployment.getMetadata().getName())
                    .containsEntry("ACAI_MACHINE", deployment.getMetadata().getName())
                    .containsAllEntriesOf(AllocatorEnvironment.forChild(System.getenv()));
        }
    }

    @Test
    void defaultsWithoutTheLaunchersOwnAndItsValueWhereSet() {
        MachinePlan cloud = plan.cloud();
        Map<String, String> launcher = new HashMap<>();
        assertThat(env(app(new MachineManifests("ns", "id", KubernetesOptions.DEFAULT, launcher)
                .deployment(cloud, "cloud")))).containsAllEntriesOf(AllocatorEnvironment.DEFAULTS)
                .containsEntry("MALLOC_MMAP_THRESHOLD_", "33554432");

        launcher.put("MALLOC_MMAP_THRESHOLD_", "65536");
        Map<String, String> env = env(app(new MachineManifests("ns", "id", KubernetesOptions.DEFAULT, launcher)
                .deployment(cloud, "cloud")));
        assertThat(env).containsEntry("MALLOC_MMAP_THRESHOLD_", "65536")
                .containsEntry("MALLOC_TRIM_THRESHOLD_", "1073741824")
                .containsEntry("MALLOC_TOP_PAD_", "268435456");
    }
}
