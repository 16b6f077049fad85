package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.List;
import java.util.Map;

/**
 * Every object the Kubernetes runtime would create for an experiment, as multi-document YAML that
 * {@code kubectl apply -f -} accepts: the namespace, the shaping ConfigMap, a Deployment and a
 * Service per machine, and the NetworkChaos objects. Needs no cluster. The token Secret is printed
 * without its values (a comment says how to create it), so that no token reaches the output. The tc scripts depend on
 * addresses the cluster assigns, so the ConfigMap is printed empty, as the launcher first creates it,
 * followed by the scripts with placeholder addresses as comments. A comment names the machines whose apps wait for
 * their {@link StartGate} and the {@code kubectl exec} that opens one.
 */
public final class ManifestsWriter {

    private ManifestsWriter() {
    }

    /** The manifests with the experiment id derived from the experiment name, so that output repeats. */
    public static String yaml(ExperimentPlan plan, KubernetesOptions options) {
        return yaml(plan, options, ExperimentManifests.stableExperimentId(plan.name()));
    }

    public static String yaml(ExperimentPlan plan, KubernetesOptions options, String experimentId) {
        ExperimentManifests manifests = new ExperimentManifests(plan, options, experimentId);
        StringBuilder out = new StringBuilder();
        out.append("# acai experiment \"").append(plan.name()).append("\": ").append(plan.machines().size())
                .append(" machines, ").append(plan.links().size()).append(" shaped directions, shaping ")
                .append(options.shaping().id()).append('\n');
        append(out, manifests.namespaceObject());
        for (HasMetadata object : manifests.objects()) {
            if (object instanceof Secret secret) {
                out.append("# Secret ").append(secret.getMetadata().getName()).append(": the tokens of ")
                        .append(String.join(", ", secret.getData().keySet()))
                        .append(", not printed; the launcher creates it with their values. By hand: kubectl -n ")
                        .append(manifests.namespace()).append(" create secret generic ")
                        .append(secret.getMetadata().getName());
                secret.getData().keySet().forEach(key -> out.append(" --from-file=").append(key).append("=<file>"));
                out.append('\n');
                append(out, TokenSecret.withoutValues(secret));
            } else {
                append(out, object);
            }
        }
        List<String> gated = plan.machines().stream().filter(StartGate::gated)
                .map(MachinePlan::name).toList();
        if (!gated.isEmpty()) {
            out.append("# The apps of ").append(String.join(", ", gated)).append(" wait for ").append(StartGate.FILE)
                    .append(": the launcher creates it once the links are shaped and measured. Applied by hand, open")
                    .append(" each when ready: kubectl -n ").append(manifests.namespace())
                    .append(" exec deploy/<machine> -c ").append(MachineManifests.APP_CONTAINER).append(" -- touch ")
                    .append(StartGate.FILE).append('\n');
        }
        if (options.shaping() == ShapingMode.TC) {
            Map<String, String> scripts = manifests.previewScripts();
            if (!scripts.isEmpty()) {
                out.append("# The launcher fills ConfigMap ").append(TcShaping.CONFIG_MAP)
                        .append(" once pod and Service addresses are known; with placeholder addresses:\n");
                scripts.forEach((key, script) -> {
                    out.append("#   ").append(key).append(":\n");
                    script.lines().forEach(line -> out.append("#     ").append(line).append('\n'));
                });
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, HasMetadata object) {
        String yaml = Serialization.asYaml(object);
        if (!yaml.startsWith("---")) {
            out.append("---\n");
        }
        out.append(yaml);
        if (!yaml.endsWith("\n")) {
            out.append('\n');
        }
    }
}
