package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ImageRegistry;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;

import java.util.List;

/**
 * The project's own container images (built by {@code images/build.sh}) and how a machine that runs
 * the project's app gets one: {@code acai-cloud-gpu} when the cloud asks for a GPU, {@code acai-cloud}
 * otherwise, {@code acai-edge} for edges, under the registry the options or the config name. A machine whose
 * config names an image keeps it.
 */
public final class ProjectImages {

    /** The project version, which is also the tag of its images; a test keeps it equal to the pom's. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static final String CLOUD = "acai-cloud";
    public static final String CLOUD_GPU = "acai-cloud-gpu";
    public static final String EDGE = "acai-edge";
    /** The images' {@code ENTRYPOINT} (images/Containerfile; a test keeps the two equal), which the start gate wraps. */
    public static final List<String> ENTRYPOINT = List.of("java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75",
            "-Dai.djl.offline=true", "@/opt/acai/jvm.options", "-jar", "/opt/acai/app.jar");

    private ProjectImages() {
    }

    /** The image a machine runs: its configured image, or the project's image for its role. */
    public static String imageFor(MachinePlan machine, String tag) {
        return imageFor(machine, "", tag);
    }

    /**
     * The image a machine runs: its configured image, or the project's image for its role, under {@code registry}
     * (empty: none). A configured image is kept as it is, registry and all.
     */
    public static String imageFor(MachinePlan machine, String registry, String tag) {
        if (machine.image() != null && !machine.image().isBlank()) {
            String image = machine.image();
            if (machine.role() == Role.CLOUD && machine.resources().gpus() > 0 && isProjectImage(image, CLOUD)) {
                return ImageRegistry.reference(registry, CLOUD_GPU, tag);
            }
            return image;
        }
        if (machine.role() == Role.EDGE) {
            return ImageRegistry.reference(registry, EDGE, tag);
        }
        return ImageRegistry.reference(registry, machine.resources().gpus() > 0 ? CLOUD_GPU : CLOUD, tag);
    }

    /** Whether the machine runs one of the project's images (its own, or one its config names). */
    public static boolean runsProjectImage(MachinePlan machine) {
        String image = machine.image();
        return image == null || image.isBlank() || isProjectImage(image, CLOUD) || isProjectImage(image, CLOUD_GPU)
                || isProjectImage(image, EDGE);
    }

    private static boolean isProjectImage(String image, String name) {
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        return repository.equals(name) || repository.endsWith("/" + name);
    }
}
