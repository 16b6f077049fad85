package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.SharedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** docs/kubernetes-rbac.yaml grants every call the runtime makes, to the service account it binds. */
class RbacManifestTest {

    /** group, resource, verb of every kind of call the Kubernetes runtime makes. */
    private static final String[][] CALLS = {
        {"", "namespaces", "get"}, {"", "namespaces", "create"}, {"", "namespaces", "delete"},
        {"apps", "deployments", "create"}, {"apps", "deployments", "list"}, {"apps", "deployments", "deletecollection"},
        {"", "services", "create"}, {"", "services", "list"}, {"", "services", "deletecollection"},
        {"", "configmaps", "create"}, {"", "configmaps", "get"}, {"", "configmaps", "patch"},
        {"", "configmaps", "deletecollection"}, {"", "secrets", "create"}, {"", "secrets", "deletecollection"},
        {"", "pods", "list"}, {"", "pods", "deletecollection"}, {"", "pods/log", "get"},
        {"", "pods/exec", "create"}, {"", "pods/exec", "get"}, {"", "events", "list"},
        {"chaos-mesh.org", "networkchaos", "create"}, {"chaos-mesh.org", "networkchaos", "deletecollection"},
        {"metrics.k8s.io", "pods", "list"},
    };

    private static List<HasMetadata> objects() throws Exception {
        Path file = SharedData.projectRoot().resolve("docs/kubernetes-rbac.yaml");
        List<HasMetadata> objects = new ArrayList<>();
        String yaml = Files.readString(file);
        for (String document : yaml.split("(?m)^---\\s*$")) {
            try (InputStream in = new java.io.ByteArrayInputStream(document.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                objects.add(Serialization.unmarshal(in));
            }
        }
        return objects;
    }

    @Test
    void theClusterRoleGrantsEveryCallAndIsBoundToTheServiceAccount() throws Exception {
        List<HasMetadata> objects = objects();
        ClusterRole role = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .findFirst().orElseThrow();
        ServiceAccount account = objects.stream().filter(ServiceAccount.class::isInstance)
                .map(ServiceAccount.class::cast).findFirst().orElseThrow();
        ClusterRoleBinding binding = objects.stream().filter(ClusterRoleBinding.class::isInstance)
                .map(ClusterRoleBinding.class::cast).findFirst().orElseThrow();

        List<String> missing = new ArrayList<>();
        for (String[] call : CALLS) {
            boolean granted = role.getRules().stream().anyMatch(rule -> grants(rule, call[0], call[1], call[2]));
            if (!granted) {
                missing.add(String.join(" ", call));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(role.getRules()).allSatisfy(rule -> assertThat(rule.getVerbs()).doesNotContain("*"));
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getName()).isEqualTo(account.getMetadata().getName());
            assertThat(subject.getNamespace()).isEqualTo(account.getMetadata().getNamespace());
        });
    }

    private static boolean grants(PolicyRule rule, String group, String resource, String verb) {
        return rule.getApiGroups().contains(group) && rule.getResources().contains(resource)
                && rule.getVerbs().contains(verb);
    }
}
