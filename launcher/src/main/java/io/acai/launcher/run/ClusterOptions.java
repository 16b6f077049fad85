package io.acai.launcher.run;

import io.acai.launcher.kubernetes.KubernetesOptions;
import io.acai.launcher.kubernetes.ProjectImages;
import io.acai.launcher.kubernetes.ShapingMode;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the Kubernetes runtime, shared by {@code run} and {@code manifests}. */
public final class ClusterOptions {

    @Option(names = "--namespace", paramLabel = "NAME",
            description = "Kubernetes namespace to work in (default: acai-<experiment name>)")
    String namespace;

    @Option(names = "--reuse-namespace",
            description = "work in a namespace that exists and was not created by the launcher (it is kept afterwards)")
    boolean reuseNamespace;

    @Option(names = "--shaping", paramLabel = "MODE", converter = CliConverters.Shaping.class,
            description = "link shaping on Kubernetes: tc, chaos-mesh or none (default: tc)")
    ShapingMode shaping;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", converter = CliConverters.PositiveDuration.class,
            description = "how long to wait for every pod to run, and again for it to be ready once its app starts,"
                    + " like 90s or 10m (default: 5m)")
    Duration readyTimeout;

    @Option(names = "--image-tag", paramLabel = "TAG", converter = CliConverters.ImageTag.class,
            description = "tag of the project's images acai-cloud, acai-cloud-gpu and acai-edge (default: "
                    + ProjectImages.VERSION + ")")
    String imageTag;

    @Option(names = "--image-registry", paramLabel = "REGISTRY", converter = CliConverters.Registry.class,
            description = "registry and repository of the project's images on the cluster, like"
                    + " registry.example.com:5000/team (default: the config's experiment.imageRegistry, else none)")
    String imageRegistry;

    public KubernetesOptions toOptions() {
        KubernetesOptions options = KubernetesOptions.DEFAULT.withReuseNamespace(reuseNamespace);
        if (namespace != null) {
            options = options.withNamespace(namespace);
        }
        if (shaping != null) {
            options = options.withShaping(shaping);
        }
        if (readyTimeout != null) {
            options = options.withReadyTimeout(readyTimeout);
        }
        if (imageTag != null) {
            options = options.withImageTag(imageTag);
        }
        if (imageRegistry != null) {
            options = options.withImageRegistry(imageRegistry);
        }
        return options;
    }
}
