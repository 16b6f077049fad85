package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.LinkPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Link shaping with Chaos Mesh NetworkChaos objects, as the original project did, with three fixes:
 * delay, jitter and loss of one direction go into ONE {@code action: netem} object (separate delay and
 * loss objects on the same pods override each other in Chaos Mesh), and rates are written in
 * {@code kbit} because Chaos Mesh, like tc, reads {@code mbps} as megabytes per second while this
 * project's configs mean megabits. Bandwidth objects get a queue {@code limit} of about 100 ms of
 * traffic and a {@code buffer} (burst) of about 5 ms, never below a few full-size packets.
 *
 * <p>The third: each direction {@code from -> to} is one object per action with {@code selector} the
 * sender's pod, {@code direction: to} and {@code target} the receiver's pod. Chaos Mesh then filters the
 * sender's egress on an ipset of the target pods' {@code status.podIP} plus the {@code externalTargets}
 * (IPs, CIDRs, or names it resolves itself), and nothing else. Packets the sender addresses to the
 * receiver's Service leave the sender's pod with the Service's ClusterIP as destination (kube-proxy
 * translates it only on the node), so without more they would pass unshaped: every object whose
 * receiver has a ClusterIP Service lists that address in {@code externalTargets}.
 */
public final class ChaosMeshShaping {

    public static final String API_VERSION = "chaos-mesh.org/v1alpha1";
    public static final String KIND = "NetworkChaos";
    public static final String PLURAL = "networkchaos";

    /** How the client addresses NetworkChaos objects without asking the server for discovery. */
    public static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup("chaos-mesh.org").withVersion("v1alpha1").withKind(KIND).withPlural(PLURAL)
            .withNamespaced(true).build();

    private ChaosMeshShaping() {
    }

    /** NetworkChaos objects for every shaped direction, with no Service address among the targets. */
    public static List<GenericKubernetesResource> resources(String namespace, String experimentId,
            List<LinkPlan> links) {
        return resources(namespace, experimentId, links, Map.of());
    }

    /**
     * NetworkChaos objects for every shaped direction.
     *
     * @param serviceAddresses by machine, the addresses its Service is reached at (ClusterIPs, or names Chaos Mesh
     *     resolves); each becomes an {@code externalTargets} entry of the directions towards that machine
     */
    public static List<GenericKubernetesResource> resources(String namespace, String experimentId,
            List<LinkPlan> links, Map<String, List<String>> serviceAddresses) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (LinkPlan link : links) {
            String base = link.from() + "-to-" + link.to();
            List<String> external = serviceAddresses.getOrDefault(link.to(), List.of());
            if (!link.delay().isZero() || !link.jitter().isZero() || link.lossPercent() > 0) {
                Map<String, Object> spec = spec("netem", namespace, experimentId, link, external);
                if (!link.delay().isZero() || !link.jitter().isZero()) {
                    Map<String, Object> delay = new LinkedHashMap<>();
                    delay.put("latency", link.delay().toMillis() + "ms");
                    delay.put("jitter", link.jitter().toMillis() + "ms");
                    delay.put("correlation", "0");
                    spec.put("delay", delay);
                }
                if (link.lossPercent() > 0) {
                    spec.put("loss", Map.of("loss", String.valueOf(link.lossPercent()), "correlation", "0"));
                }
                out.add(resource(base + "-netem", namespace, experimentId, spec));
            }
            if (link.limitsRate()) {
                Map<String, Object> spec = spec("bandwidth", namespace, experimentId, link, external);
                long bytesPerSecond = link.rateBitsPerSecond() / 8;
                Map<String, Object> bandwidth = new LinkedHashMap<>();
                bandwidth.put("rate", link.rateBitsPerSecond() / 1000 + "kbit");
                bandwidth.put("limit", clampInt(Math.max(20_000, bytesPerSecond / 10)));
                bandwidth.put("buffer", clampInt(Math.max(10_000, bytesPerSecond / 200)));
                spec.put("bandwidth", bandwidth);
                out.add(resource(base + "-bandwidth", namespace, experimentId, spec));
            }
        }
        return out;
    }

    private static Map<String, Object> spec(String action, String namespace, String experimentId, LinkPlan link,
            List<String> external) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("action", action);
        spec.put("mode", "all");
        spec.put("selector", selector(namespace, experimentId, link.from()));
        spec.put("direction", "to");
        spec.put("target", Map.of("mode", "all", "selector", selector(namespace, experimentId, link.to())));
        if (!external.isEmpty()) {
            spec.put("externalTargets", List.copyOf(external));
        }
        return spec;
    }

    /** The name of a machine's Service as a DNS name Chaos Mesh's controller resolves: {@code <machine>.<namespace>.svc}. */
    public static String serviceName(String machine, String namespace) {
        return machine + "." + namespace + ".svc";
    }

    private static Map<String, Object> selector(String namespace, String experimentId, String machine) {
        Map<String, Object> selector = new LinkedHashMap<>();
        selector.put("namespaces", List.of(namespace));
        selector.put("labelSelectors", ExperimentLabels.selector(experimentId, machine));
        return selector;
    }

    private static GenericKubernetesResource resource(String name, String namespace, String experimentId,
            Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(ExperimentLabels.experiment(experimentId))
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    private static int clampInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
