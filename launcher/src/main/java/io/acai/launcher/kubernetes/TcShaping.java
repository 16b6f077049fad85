package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Link shaping with tc inside each pod. Every pod gets a container {@link #CONTAINER} with
 * NET_ADMIN (it shares the pod's network namespace) that watches the ConfigMap {@link #CONFIG_MAP}
 * and runs the script stored under its machine's name whenever that script changes. The launcher
 * writes the scripts once pod and Service addresses are known: on the sending side of each shaped
 * direction, an htb class per destination (rate) with a netem child (delay, jitter, loss), chosen by
 * a u32 filter on the destination's pod and Service addresses.
 *
 * <p>Kubelet refreshes mounted ConfigMaps periodically (about a minute by default), so shaping can
 * take that long to apply after the pods start; the launcher says so.
 */
public final class TcShaping {

    public static final String CONTAINER = "shaper";
    public static final String CONFIG_MAP = "acai-shaping";
    static final String MOUNT = "/acai/shaping";
    private static final String UNLIMITED = "10gbit";

    /** The shaping container's loop: applies {@code <machine>.sh} each time its content changes. */
    static final String LOOP = "applied=''; while true; do f=" + MOUNT + "/$ACAI_MACHINE.sh; "
            + "if [ -f \"$f\" ]; then sum=$(md5sum < \"$f\"); if [ \"$sum\" != \"$applied\" ]; then "
            + "if sh -e \"$f\"; then applied=\"$sum\"; echo \"acai-shaper: applied $f\"; "
            + "else echo \"acai-shaper: $f failed\" >&2; fi; fi; fi; sleep 2; done";

    private TcShaping() {
    }

    static Container container(MachinePlan machine, String image) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(image)
                .withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-c", LOOP)
                .withEnv(new EnvVarBuilder().withName("ACAI_MACHINE").withValue(machine.name()).build())
                .withNewSecurityContext()
                    .withRunAsUser(0L)
                    .withNewCapabilities().addToAdd("NET_ADMIN").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("shaping").withMountPath(MOUNT).withReadOnly(true).endVolumeMount()
                .withNewResources()
                    .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("10m"))
                    .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("16Mi"))
                    .addToLimits("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m"))
                    .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("32Mi"))
                .endResources()
                .build();
    }

    static Volume configMapVolume(String experimentId) {
        return new VolumeBuilder().withName("shaping")
                .withNewConfigMap().withName(CONFIG_MAP).withOptional(true).endConfigMap()
                .build();
    }

    /** The ConfigMap with one script per machine ({@code <machine>.sh}); empty before addresses are known. */
    static ConfigMap configMap(String namespace, String experimentId, Map<String, String> scripts) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(CONFIG_MAP)
                    .withNamespace(namespace)
                    .withLabels(ExperimentLabels.experiment(experimentId))
                .endMetadata()
                .withData(new TreeMap<>(scripts))
                .build();
    }

    /**
     * The tc script of one sending machine.
     *
     * @param links the shaped directions whose sender is this machine
     * @param addresses every machine's addresses (pod IP, Service cluster IP), by name
     */
    public static String script(List<LinkPlan> links, Map<String, List<String>> addresses) {
        StringBuilder sh = new StringBuilder();
        sh.append("dev=$(ip -o route get 1.1.1.1 2>/dev/null | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p'); dev=${dev:-eth0}\n");
        sh.append("tc qdisc del dev $dev root 2>/dev/null || true\n");
        sh.append("tc qdisc add dev $dev root handle 1: htb default 9999\n");
        sh.append("tc class add dev $dev parent 1: classid 1:9999 htb rate ").append(UNLIMITED).append('\n');
        int index = 10;
        for (LinkPlan link : links) {
            String rate = link.limitsRate() ? link.rateBitsPerSecond() / 1000 + "kbit" : UNLIMITED;
            sh.append("tc class add dev $dev parent 1: classid 1:").append(index).append(" htb rate ").append(rate)
                    .append('\n');
            String netem = netem(link);
            if (!netem.isEmpty()) {
                sh.append("tc qdisc add dev $dev parent 1:").append(index).append(" handle ").append(index)
                        .append(": netem").append(netem).append('\n');
            }
            for (String address : addresses.getOrDefault(link.to(), List.of())) {
                sh.append("tc filter add dev $dev parent 1: protocol ip prio 1 u32 match ip dst ").append(address)
                        .append("/32 flowid 1:").append(index).append('\n');
            }
            index++;
        }
        return sh.toString();
    }

    private static String netem(LinkPlan link) {
        StringBuilder netem = new StringBuilder();
        if (!link.delay().isZero() || !link.jitter().isZero()) {
            netem.append(" delay ").append(link.delay().toMillis()).append("ms");
            if (!link.jitter().isZero()) {
                netem.append(' ').append(link.jitter().toMillis()).append("ms");
            }
        }
        if (link.lossPercent() > 0) {
            netem.append(" loss ").append(link.lossPercent()).append('%');
        }
        if (!netem.isEmpty()) {
            netem.append(" limit 10000");
        }
        return netem.toString();
    }
}
