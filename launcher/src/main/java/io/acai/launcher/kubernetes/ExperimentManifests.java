package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every object an experiment needs on a cluster, in creation order: the Namespace, the shaping
 * ConfigMap (tc mode; scripts filled in once addresses are known), the {@link TokenSecret} (when a
 * machine has a token), a Deployment and a Service per machine, and the NetworkChaos objects
 * (chaos-mesh mode). Edges reach the cloud through its Service
 * name: {@code {}} in their args becomes that name.
 */
public final class ExperimentManifests {

    /** The Pod Security admission label of a namespace. */
    public static final String POD_SECURITY = "pod-security.kubernetes.io/enforce";

    private final ExperimentPlan plan;
    private final KubernetesOptions options;
    private final String namespace;
    private final String experimentId;

    /**
     * @param options the runtime's options; without an image registry of their own they take the plan's
     *     ({@code experiment.imageRegistry})
     */
    public ExperimentManifests(ExperimentPlan plan, KubernetesOptions options, String experimentId) {
        this.plan = plan;
        this.options = options.imageRegistry().isEmpty() ? options.withImageRegistry(plan.imageRegistry()) : options;
        this.namespace = options.namespace() != null ? options.namespace() : defaultNamespace(plan.name());
        this.experimentId = experimentId;
    }

    /** A new experiment id: the experiment's name and a random suffix, usable as a label value. */
    public static String newExperimentId(String experimentName) {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String base = dnsLabel(experimentName);
        return (base.length() > 50 ? base.substring(0, 50) : base) + "-" + HexFormat.of().formatHex(random);
    }

    /** An experiment id that depends on the name only, for manifests that should repeat from run to run. */
    public static String stableExperimentId(String experimentName) {
        String base = dnsLabel(experimentName);
        return base.length() > 63 ? base.substring(0, 63).replaceAll("-+$", "") : base;
    }

    /** {@code acai-<name>} reduced to a valid namespace name. */
    public static String defaultNamespace(String experimentName) {
        String name = "acai-" + dnsLabel(experimentName);
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }

    private static String dnsLabel(String text) {
        String label = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return label.isEmpty() ? "experiment" : label;
    }

    public String namespace() {
        return namespace;
    }

    public String experimentId() {
        return experimentId;
    }

    public ExperimentPlan plan() {
        return plan;
    }

    public KubernetesOptions options() {
        return options;
    }

    /** The address edges use for the cloud: its Service name (same namespace). */
    public String cloudAddress() {
        return plan.cloud().name();
    }

    /**
     * The experiment's namespace. With tc shaping it admits privileged pods (Pod Security
     * {@code enforce=privileged}): the shaping container needs NET_ADMIN, which the baseline level refuses.
     */
    public Namespace namespaceObject() {
        Map<String, String> labels = ExperimentLabels.experiment(experimentId);
        if (options.shaping() == ShapingMode.TC) {
            labels.put(POD_SECURITY, "privileged");
        }
        return new NamespaceBuilder()
                .withNewMetadata()
                    .withName(namespace)
                    .withLabels(labels)
                    .addToAnnotations(ExperimentLabels.CREATED_BY_RUN, experimentId)
                .endMetadata()
                .build();
    }

    /** Everything but the namespace, in creation order. */
    public List<HasMetadata> objects() {
        List<HasMetadata> objects = new ArrayList<>();
        MachineManifests machines = new MachineManifests(namespace, experimentId, options);
        if (options.shaping() == ShapingMode.TC) {
            objects.add(TcShaping.configMap(namespace, experimentId, Map.of()));
        }
        TokenSecret.of(namespace, experimentId, plan.machines()).ifPresent(objects::add);
        for (MachinePlan machine : plan.machines()) {
            Service service = machines.service(machine);
            // a ClusterIP Service forwards only the ports it names: the link probe's too, when links are measured
            objects.add(options.measureLinks() && machine.port() > 0 ? PodLinkProbes.withProbePort(service, machine)
                    : service);
            objects.add(machines.deployment(machine, cloudAddress()));
        }
        if (options.shaping() == ShapingMode.CHAOS_MESH) {
            Map<String, List<String>> serviceNames = new LinkedHashMap<>();
            for (MachinePlan machine : plan.machines()) {
                if (machine.port() > 0) {
                    serviceNames.put(machine.name(), List.of(ChaosMeshShaping.serviceName(machine.name(), namespace)));
                }
            }
            objects.addAll(ChaosMeshShaping.resources(namespace, experimentId, plan.links(), serviceNames));
        }
        return objects;
    }

    /**
     * The NetworkChaos objects (chaos-mesh mode) with the Services' ClusterIPs the cluster assigned as external
     * targets; {@link #objects()} names the Services by DNS name instead, for output made without a cluster.
     *
     * @param clusterIps by machine, its Service's ClusterIPs (none for a headless Service)
     */
    public List<HasMetadata> chaosObjects(Map<String, List<String>> clusterIps) {
        return List.copyOf(ChaosMeshShaping.resources(namespace, experimentId, plan.links(), clusterIps));
    }

    /** The tc scripts of every sending machine, given every machine's addresses. */
    public Map<String, String> shapingScripts(Map<String, List<String>> addresses) {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (MachinePlan machine : plan.machines()) {
            List<LinkPlan> outgoing = plan.links().stream().filter(l -> l.from().equals(machine.name())).toList();
            if (!outgoing.isEmpty()) {
                scripts.put(machine.name() + ".sh", TcShaping.script(outgoing, addresses));
            }
        }
        return scripts;
    }

    /** Shaping scripts with placeholder addresses, for review before a cluster assigns real ones. */
    public Map<String, String> previewScripts() {
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        for (MachinePlan machine : plan.machines()) {
            placeholders.put(machine.name(), List.of("<" + machine.name() + "-pod-ip>", "<" + machine.name()
                    + "-service-ip>"));
        }
        return shapingScripts(placeholders);
    }
}
