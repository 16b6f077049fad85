package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Volume;
import io.acai.options.AllocatorEnvironment;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Deployment and the Service of one machine. An app container of the project's images works in
 * {@link #WORK_DIR}, an emptyDir, so the files it writes with relative names (logs and CSVs) can be copied out of
 * the pod; any other image keeps its own working directory (the original project's images resolve {@code models/}
 * and {@code logs/} against theirs), and its files are collected from {@link #filesDir}. Only the cloud gets a
 * readiness probe on its port: an edge's {@code port} (the original's edges have 8080-8082) is served by nothing.
 * The app container's command waits for the {@link StartGate} where the launcher knows that command.
 * With tc shaping, a second container ({@link TcShaping#CONTAINER}) holds NET_ADMIN and applies the
 * rules the launcher writes into the shaping ConfigMap. The app container's environment holds
 * {@code ACAI_MACHINE} and {@link AllocatorEnvironment}'s variables, each with the launcher's own value
 * where its environment sets one (the project's images set the same defaults; a user-given image gets
 * them from here), and, for a machine with a token, {@code ACAI_TOKEN} from the {@link TokenSecret}.
 */
public final class MachineManifests {

    /** Working directory of the app container, where its logs and CSVs land. */
    public static final String WORK_DIR = "/acai/work";
    static final String APP_CONTAINER = "app";
    static final String PORT_NAME = "acai";

    private final String namespace;
    private final String experimentId;
    private final KubernetesOptions options;
    private final Map<String, String> allocator;

    public MachineManifests(String namespace, String experimentId, KubernetesOptions options) {
        this(namespace, experimentId, options, System.getenv());
    }

    /** As {@link #MachineManifests(String, String, KubernetesOptions)}, the launcher's environment being {@code inherited}. */
    MachineManifests(String namespace, String experimentId, KubernetesOptions options, Map<String, String> inherited) {
        this.namespace = namespace;
        this.experimentId = experimentId;
        this.options = options;
        this.allocator = AllocatorEnvironment.forChild(inherited);
    }

    /**
     * The folder of the app container whose logs and CSVs are collected: the machine's {@code logs}, else
     * {@link #WORK_DIR} for the project's images and the container's working directory ({@code .}) for any other.
     */
    public static String filesDir(MachinePlan machine) {
        if (machine.logs() != null) {
            return machine.logs();
        }
        return ProjectImages.runsProjectImage(machine) ? WORK_DIR : ".";
    }

    /** One replica of the machine's app (plus the shaping container with tc shaping). */
    public Deployment deployment(MachinePlan machine, String cloudAddress) {
        List<Container> containers = new ArrayList<>();
        containers.add(appContainer(machine, cloudAddress));
        List<io.fabric8.kubernetes.api.model.Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName("work").withNewEmptyDir().endEmptyDir().build());
        if (StartGate.gated(machine)) {
            volumes.add(StartGate.volume());
        }
        for (Volume volume : machine.volumes()) {
            volumes.add(volume(volume));
        }
        if (options.shaping() == ShapingMode.TC) {
            containers.add(TcShaping.container(machine, options.projectImage(ProjectImages.EDGE)));
            volumes.add(TcShaping.configMapVolume(experimentId));
        }
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata()
                    .withName(machine.name())
                    .withNamespace(namespace)
                    .withLabels(ExperimentLabels.machine(experimentId, machine))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector().withMatchLabels(ExperimentLabels.selector(experimentId, machine.name())).endSelector()
                    .withNewStrategy().withType("Recreate").endStrategy()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(ExperimentLabels.machine(experimentId, machine)).endMetadata()
                        .withNewSpec()
                            .withContainers(containers)
                            .withVolumes(volumes)
                            .withRestartPolicy("Always")
                        .endSpec()
                    .endTemplate()
                .endSpec();
        if (machine.node() != null) {
            builder.editSpec().editTemplate().editSpec()
                    .withNewAffinity().withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                            .addNewNodeSelectorTerm()
                                .withMatchExpressions(new NodeSelectorRequirementBuilder()
                                        .withKey("kubernetes.io/hostname").withOperator("In")
                                        .withValues(machine.node()).build())
                            .endNodeSelectorTerm()
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                    .endNodeAffinity().endAffinity()
                    .endSpec().endTemplate().endSpec();
        }
        return builder.build();
    }

    /**
     * The machine's Service: a ClusterIP service on its port, or a headless one (a stable DNS name
     * only) for a machine that listens on no port.
     */
    public Service service(MachinePlan machine) {
        ServiceBuilder builder = new ServiceBuilder()
                .withNewMetadata()
                    .withName(machine.name())
                    .withNamespace(namespace)
                    .withLabels(ExperimentLabels.machine(experimentId, machine))
                .endMetadata()
                .withNewSpec()
                    .withSelector(ExperimentLabels.selector(experimentId, machine.name()))
                .endSpec();
        if (machine.port() > 0) {
            builder.editSpec().withType("ClusterIP").addNewPort()
                    .withName(PORT_NAME).withProtocol("TCP").withPort(machine.port())
                    .withNewTargetPort(machine.port())
                    .endPort().endSpec();
        } else {
            builder.editSpec().withClusterIP("None").endSpec();
        }
        return builder.build();
    }

    private Container appContainer(MachinePlan machine, String cloudAddress) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder().withName("work").withMountPath(WORK_DIR).build());
        if (StartGate.gated(machine)) {
            mounts.add(StartGate.mount());
        }
        for (Volume volume : machine.volumes()) {
            mounts.add(new VolumeMountBuilder().withName(volume.name()).withMountPath(volume.mountPath()).build());
        }
        ContainerBuilder container = new ContainerBuilder()
                .withName(APP_CONTAINER)
                .withImage(ProjectImages.imageFor(machine, options.imageRegistry(), options.imageTag()))
                .withImagePullPolicy("IfNotPresent")
                .withArgs(machine.argsWithCloud(cloudAddress))
                .withEnv(environment(machine))
                .withResources(resources(machine.resources()))
                .withVolumeMounts(mounts);
        if (ProjectImages.runsProjectImage(machine)) {
            container.withWorkingDir(WORK_DIR);
        }
        // held back by the start gate where the command is known; else the image's own entrypoint
        StartGate.command(machine).ifPresent(container::withCommand);
        if (machine.port() > 0) {
            container.addNewPort().withName(PORT_NAME).withContainerPort(machine.port()).withProtocol("TCP").endPort();
        }
        if (machine.port() > 0 && machine.role() == Role.CLOUD) {
            container.withNewReadinessProbe()
                        .withNewTcpSocket().withNewPort(machine.port()).endTcpSocket()
                        .withPeriodSeconds(2)
                    .endReadinessProbe();
        }
        return container.build();
    }

    private List<EnvVar> environment(MachinePlan machine) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName("ACAI_MACHINE").withValue(machine.name()).build());
        allocator.forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
        if (machine.hasToken()) {
            env.add(TokenSecret.environmentVariable(machine));
        }
        return env;
    }

    static ResourceRequirements resources(Resources resources) {
        ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
        if (resources.cpuRequestMillis() > 0) {
            builder.addToRequests("cpu", new Quantity(resources.cpuRequestMillis() + "m"));
        }
        if (resources.memoryRequestBytes() > 0) {
            builder.addToRequests("memory", new Quantity(mebibytes(resources.memoryRequestBytes())));
        }
        if (resources.cpuLimitMillis() > 0) {
            builder.addToLimits("cpu", new Quantity(resources.cpuLimitMillis() + "m"));
        }
        if (resources.memoryLimitBytes() > 0) {
            builder.addToLimits("memory", new Quantity(mebibytes(resources.memoryLimitBytes())));
        }
        if (resources.gpus() > 0) {
            builder.addToLimits("nvidia.com/gpu", new Quantity(Integer.toString(resources.gpus())));
        }
        return builder.build();
    }

    private static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "Mi" : Long.toString(bytes);
    }

    private static io.fabric8.kubernetes.api.model.Volume volume(Volume volume) {
        VolumeBuilder builder = new VolumeBuilder().withName(volume.name());
        if (volume.isNfs()) {
            builder.withNewNfs().withServer(volume.nfsServer()).withPath(volume.nfsPath()).endNfs();
        } else {
            builder.withNewEmptyDir().endEmptyDir();
        }
        return builder.build();
    }
}
