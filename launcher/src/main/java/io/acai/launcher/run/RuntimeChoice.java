package io.acai.launcher.run;

import io.acai.launcher.kubernetes.KubernetesOptions;
import io.acai.launcher.kubernetes.KubernetesRuntime;
import io.acai.launcher.local.AppJars;
import io.acai.launcher.local.LocalRuntime;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.plan.RuntimeKind;

/** The runtime a plan runs on: this machine (with the app jars built beside the launcher) or a cluster. */
public final class RuntimeChoice {

    private RuntimeChoice() {
    }

    /** As {@link #create(RuntimeKind, KubernetesOptions, boolean)}, measuring the links. */
    public static ExperimentRuntime create(RuntimeKind kind, KubernetesOptions options) {
        return create(kind, options, true);
    }

    /**
     * @param measureLinks whether the runtime measures every shaped link into {@code links.csv}: locally before the
     *     apps start, on Kubernetes once shaping is in place
     * @throws IllegalStateException when the local app jars cannot be found, or the cluster client
     *     cannot be configured, with a message saying so
     */
    public static ExperimentRuntime create(RuntimeKind kind, KubernetesOptions options, boolean measureLinks) {
        return switch (kind) {
            case LOCAL -> new LocalRuntime(AppJars.locate(), measureLinks, true);
            case KUBERNETES -> {
                try {
                    yield new KubernetesRuntime(options.withMeasureLinks(measureLinks));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot set up the Kubernetes client: " + e.getMessage(), e);
                }
            }
        };
    }
}
