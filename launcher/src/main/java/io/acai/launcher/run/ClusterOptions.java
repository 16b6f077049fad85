package io.acai.launcher.run;

import io.acai.launcher.kubernetes.KubernetesOptions;
import io.acai.launcher.kubernetes.ShapingMode;
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

    public KubernetesOptions toOptions() {
        KubernetesOptions options = KubernetesOptions.DEFAULT.withReuseNamespace(reuseNamespace);
        if (namespace != null) {
            options = options.withNamespace(namespace);
        }
        if (shaping != null) {
            options = options.withShaping(shaping);
        }
        return options;
    }
}
