package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.SharedData;
import io.acai.launcher.plan.ImageRegistry;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

class ProjectImagesTest {

    @Test
    void versionIsTheVersionInThePom() throws Exception {
        Path pom = SharedData.projectRoot().resolve("launcher").resolve("pom.xml");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        String version = XPathFactory.newInstance().newXPath().evaluate("/project/parent/version", document);

        assertThat(version).as("parent version in " + pom).isNotBlank();
        assertThat(ProjectImages.VERSION).isEqualTo(version);
    }

    private static MachinePlan machine(Role role, String image, int gpus) {
        return MachinePlan.builder().setName("m").setRole(role).optImage(image)
                .optResources(new Resources(0, 0, 0, 0, gpus)).build();
    }

    @Test
    void projectAppsGetTheImageOfTheirRoleAndAGpuCloudTheGpuImage() {
        assertThat(ProjectImages.imageFor(machine(Role.EDGE, null, 0), "1.2")).isEqualTo("acai-edge:1.2");
        assertThat(ProjectImages.imageFor(machine(Role.CLOUD, null, 0), "1.2")).isEqualTo("acai-cloud:1.2");
        assertThat(ProjectImages.imageFor(machine(Role.CLOUD, " ", 1), "1.2")).isEqualTo("acai-cloud-gpu:1.2");
        assertThat(ProjectImages.imageFor(machine(Role.CLOUD, "registry.example/acai-cloud:0.9", 2), "1.2"))
                .isEqualTo("acai-cloud-gpu:1.2");
        assertThat(ProjectImages.imageFor(machine(Role.CLOUD, "pytorch/pytorch:2.3", 1), "1.2"))
                .isEqualTo("pytorch/pytorch:2.3");
        assertThat(ProjectImages.imageFor(machine(Role.EDGE, "registry.example/acai-edge:custom", 0), "1.2"))
                .isEqualTo("registry.example/acai-edge:custom");
    }

    @Test
    void aRegistryPrefixesTheProjectsImagesOnly() {
        String registry = "registry.example.com:5000/team";
        assertThat(ProjectImages.imageFor(machine(Role.EDGE, null, 0), registry, "1.2"))
                .isEqualTo("registry.example.com:5000/team/acai-edge:1.2");
        assertThat(ProjectImages.imageFor(machine(Role.CLOUD, null, 1), registry, "1.2"))
                .isEqualTo("registry.example.com:5000/team/acai-cloud-gpu:1.2");
        assertThat(ProjectImages.imageFor(machine(Role.EDGE, "python:3.8", 0), registry, "1.2")).isEqualTo("python:3.8");
        assertThat(KubernetesOptions.DEFAULT.withImageRegistry("ghcr.io/user/").withImageTag("t")
                .projectImage(ProjectImages.EDGE)).isEqualTo("ghcr.io/user/acai-edge:t");
        assertThat(KubernetesOptions.DEFAULT.projectImage(ProjectImages.EDGE))
                .isEqualTo("acai-edge:" + ProjectImages.VERSION);
    }

    @Test
    void aRegistryThatIsNotOneIsRefusedSayingWhatIsExpected() {
        for (String bad : List.of("https://reg.example", "reg example", "reg.example/Team", "reg.example:port",
                "-reg.example")) {
            assertThatThrownBy(() -> ImageRegistry.normalize(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: a registry host");
        }
        assertThat(ImageRegistry.normalize("localhost:5000")).isEqualTo("localhost:5000");
        assertThat(ImageRegistry.normalize(" 10.0.0.5:5000/acai/ ")).isEqualTo("10.0.0.5:5000/acai");
    }
}
