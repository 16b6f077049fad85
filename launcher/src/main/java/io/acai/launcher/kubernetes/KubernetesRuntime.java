package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.Deployment;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.plan.MachinePlan;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs an experiment on a Kubernetes cluster through the fabric8 client: one Deployment and one
 * Service per machine in the experiment's own namespace, links shaped by tc in each pod or by Chaos
 * Mesh, readiness awaited with a timeout. The apps are held by their {@link StartGate}s until the pods run, the links
 * are shaped (and the shaping in place) and measured; then the gates open and the pods' readiness is awaited. Whatever fails, nothing is left behind: the objects created
 * so far (and the namespace, when this run created it) are removed before the failure is reported.
 *
 * <p>It never changes a namespace it did not create unless {@link KubernetesOptions#reuseNamespace()}
 * says so, and even then only creates and deletes objects labelled with its own experiment id.
 */
public final class KubernetesRuntime implements ExperimentRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesRuntime.class);
    /** Object creations in flight at once. */
    private static final int CREATE_THREADS = 8;
    /** How long a created Service may go without a cluster IP (a real API server assigns one at once). */
    private static final Duration SERVICE_IP_TIMEOUT = Duration.ofSeconds(30);

    private final KubernetesOptions options;
    private final boolean ownsClient;
    private KubernetesClient client;
    private Duration pollInterval = Duration.ofSeconds(1);

    /**
     * Connects the usual way: {@code KUBECONFIG}, {@code ~/.kube/config}, or the in-cluster service
     * account, and logs which cluster and context it uses.
     */
    public KubernetesRuntime(KubernetesOptions options) {
        this.options = options;
        this.ownsClient = true;
        this.client = connect();
        LOG.info("Kubernetes: API server {} (context {})", client.getMasterUrl(), ClusterCalls.contextName(client));
    }

    /** Uses the given client, which stays open after the experiment (tests, embedding). */
    public KubernetesRuntime(KubernetesClient client, KubernetesOptions options) {
        this.options = options;
        this.ownsClient = false;
        this.client = client;
    }

    private static KubernetesClient connect() {
        Config config = Config.autoConfigure(null);
        // fail within seconds, not minutes, when the server cannot be reached
        config.setRequestRetryBackoffLimit(3);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** How often readiness is polled (one list call each time). */
    KubernetesRuntime withPollInterval(Duration value) {
        this.pollInterval = value;
        return this;
    }

    @Override
    public String describe() {
        KubernetesClient current = client();
        String shaping = switch (options.shaping()) {
            case TC -> "links shaped by tc (htb + netem) in a NET_ADMIN container of each pod";
            case CHAOS_MESH -> "links shaped by Chaos Mesh NetworkChaos (Chaos Mesh must be installed)";
            case NONE -> "links not shaped";
        };
        return "Kubernetes cluster at " + current.getMasterUrl() + " (context " + ClusterCalls.contextName(current)
                + "): one Deployment and Service per machine in namespace "
                + (options.namespace() != null ? options.namespace() : "acai-<experiment>") + ", " + shaping
                + "; CPU and memory from metrics.k8s.io when the cluster serves it";
    }

    @Override
    public Deployment deploy(ExperimentPlan plan, Path logsDir) throws DeployException {
        if (plan.edgesPerHost() > 1) {
            throw new DeployException("experiment.edgesPerHost : " + plan.edgesPerHost() + " is not supported by the "
                    + "Kubernetes runtime (expected: 1, each edge a pod of its own; edge hosts are the local runtime's, "
                    + "namespace mode)");
        }
        KubernetesClient current = client();
        ClusterCalls calls = new ClusterCalls(current);
        ExperimentManifests manifests = new ExperimentManifests(plan, options,
                ExperimentManifests.newExperimentId(plan.name()));
        ExperimentTeardown teardown = new ExperimentTeardown(current, calls, manifests.namespace(),
                manifests.experimentId(), options.shaping() == ShapingMode.CHAOS_MESH,
                plan.machines().stream().anyMatch(MachinePlan::hasToken));
        Thread hook = new Thread(teardown::run, "acai-kubernetes-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("deploying experiment {} ({} machines) into namespace {} on {}", manifests.experimentId(),
                plan.machines().size(), manifests.namespace(), calls.masterUrl());
        try {
            if (options.shaping() == ShapingMode.CHAOS_MESH) {
                requireChaosMesh(current, calls, manifests.namespace());
            }
            claimNamespace(current, calls, manifests, teardown);
            // Chaos Mesh picks its target pods when a NetworkChaos is created: those come once the pods run
            List<HasMetadata> objects = manifests.objects().stream()
                    .filter(o -> !(o instanceof GenericKubernetesResource)).toList();
            teardown.objectCreated();
            createAll(current, calls, manifests.namespace(), objects, teardown);
            PodReadiness readiness = new PodReadiness(current, calls, manifests.namespace(), manifests.experimentId(),
                    plan.machines().stream().map(MachinePlan::name).toList(), pollInterval);
            // the apps wait behind their start gates: links are shaped and measured before any of them runs
            StartGate.sayUngated(plan.machines());
            Map<String, Pod> running = readiness.awaitRunning(options.readyTimeout());
            LOG.info("all {} pods running in namespace {}", running.size(), manifests.namespace());
            Map<String, List<String>> clusterIps = options.shaping() == ShapingMode.NONE ? Map.of()
                    : new ServiceAddresses(current, calls, manifests.namespace(), manifests.experimentId(), pollInterval)
                            .clusterIps(SERVICE_IP_TIMEOUT);
            if (options.shaping() == ShapingMode.TC) {
                writeShapingScripts(current, calls, manifests, running, clusterIps);
            }
            if (options.shaping() == ShapingMode.CHAOS_MESH) {
                // the Services' ClusterIPs as external targets: packets addressed to a Service are shaped too
                createAll(current, calls, manifests.namespace(), manifests.chaosObjects(clusterIps), teardown);
            }
            Map<String, String> podOf = new LinkedHashMap<>();
            running.forEach((machine, pod) -> podOf.put(machine, pod.getMetadata().getName()));
            new ShapingInPlace(current, manifests.namespace(), pollInterval).await(manifests, podOf);
            if (options.measureLinks() && !plan.links().isEmpty()) {
                new PodLinkMeasurement(current, manifests).measure(running, logsDir);
            }
            StartGate gate = new StartGate(current, manifests.namespace());
            gate.open(plan.machines(), running);
            Map<String, Pod> ready = readiness.await(options.readyTimeout());
            LOG.info("all {} machines ready in namespace {}", ready.size(), manifests.namespace());
            return new KubernetesDeployment(current, calls, manifests, teardown, readiness, gate, running, hook,
                    this::released);
        } catch (ClusterCallException e) {
            throw failed(teardown, hook, e.getMessage(), e);
        } catch (DeployException e) {
            throw failed(teardown, hook, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(teardown, hook, "interrupted while waiting for the experiment's pods", e);
        } catch (RuntimeException e) {
            throw failed(teardown, hook, "deploying to Kubernetes failed: " + e, e);
        }
    }

    private DeployException failed(ExperimentTeardown teardown, Thread hook, String message, Exception cause) {
        List<String> problems = teardown.run();
        removeHook(hook);
        released();
        String cleanup = problems.isEmpty() ? "" : "\nCould not remove everything the launcher created: "
                + String.join("; ", problems);
        return new DeployException(message + cleanup, cause);
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the teardown
        }
    }

    private synchronized KubernetesClient client() {
        if (client == null) {
            client = connect();
        }
        return client;
    }

    /** Called once an experiment is over: a client this runtime opened itself is closed. */
    private synchronized void released() {
        if (ownsClient && client != null) {
            client.close();
            client = null;
        }
    }

    private void claimNamespace(KubernetesClient client, ClusterCalls calls, ExperimentManifests manifests,
            ExperimentTeardown teardown) throws DeployException {
        String name = manifests.namespace();
        Namespace existing;
        try {
            existing = calls.run("get namespaces " + name, () -> client.namespaces().withName(name).get());
        } catch (ClusterCallException e) {
            if (e.code() == 403 && options.reuseNamespace()) {
                LOG.info("may not read namespace {}; assuming it exists as --reuse-namespace says", name);
                return;
            }
            throw e;
        }
        if (existing == null) {
            calls.run("create namespaces " + name, () -> client.resource(manifests.namespaceObject()).create());
            teardown.namespaceCreated();
            LOG.info("created namespace {}", name);
            return;
        }
        if (existing.getMetadata().getDeletionTimestamp() != null
                || (existing.getStatus() != null && "Terminating".equals(existing.getStatus().getPhase()))) {
            throw new DeployException("namespace \"" + name + "\" is being deleted; wait until it is gone or choose"
                    + " another one with --namespace");
        }
        Map<String, String> labels = existing.getMetadata().getLabels();
        boolean ours = labels != null && ExperimentLabels.MANAGER.equals(labels.get(ExperimentLabels.MANAGED_BY));
        if (!ours && !options.reuseNamespace()) {
            throw new DeployException("namespace \"" + name + "\" already exists and was not created by the launcher"
                    + " (it has no label " + ExperimentLabels.MANAGED_BY + "=" + ExperimentLabels.MANAGER + "); the"
                    + " launcher does not change a namespace it does not own. Choose another one with --namespace,"
                    + " or pass --reuse-namespace to work in it (only this experiment's labelled objects are then"
                    + " created and deleted, and the namespace is kept).");
        }
        LOG.info("working in existing namespace {} ({}); it is kept at the end", name,
                ours ? "left by an earlier run of the launcher" : "reused as asked");
    }

    /** Fails before anything is created when the cluster has no NetworkChaos resource. */
    private static void requireChaosMesh(KubernetesClient client, ClusterCalls calls, String namespace)
            throws DeployException {
        try {
            calls.run("list " + ChaosMeshShaping.PLURAL + " in namespace " + namespace, () -> client
                    .genericKubernetesResources(ChaosMeshShaping.CONTEXT).inNamespace(namespace)
                    .list(new ListOptionsBuilder().withLimit(1L).build()));
        } catch (ClusterCallException e) {
            if (e.isNotFound()) {
                throw chaosMeshMissing(e);
            }
            throw e;
        }
    }

    private static DeployException chaosMeshMissing(ClusterCallException cause) {
        return new DeployException("Chaos Mesh is not installed on this cluster (the API server has no "
                + ChaosMeshShaping.PLURAL + "." + ChaosMeshShaping.CONTEXT.getGroup() + "/"
                + ChaosMeshShaping.CONTEXT.getVersion() + "): install it, or shape links with tc (--shaping tc)",
                cause);
    }

    /**
     * Creates the objects with a few calls in flight at once (a hundred edges are two hundred calls);
     * the first failure stops the rest and is thrown.
     */
    private static void createAll(KubernetesClient client, ClusterCalls calls, String namespace,
            List<HasMetadata> objects, ExperimentTeardown teardown) throws DeployException, InterruptedException {
        createAll(client, calls, namespace, objects, CREATE_THREADS, teardown);
    }

    /** Creates the objects, at most {@code threads} at once, none once {@code teardown} has started (Ctrl-C). */
    static void createAll(KubernetesClient client, ClusterCalls calls, String namespace, List<HasMetadata> objects,
            int threads, ExperimentTeardown teardown) throws DeployException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "acai-create");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> creations = new ArrayList<>();
            for (HasMetadata object : objects) {
                creations.add(pool.submit(() -> {
                    if (teardown != null && teardown.started()) {
                        throw new DeployException("stopped: the experiment is being removed");
                    }
                    create(client, calls, namespace, object);
                    return null;
                }));
            }
            for (Future<?> creation : creations) {
                try {
                    creation.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof DeployException deploy) {
                        throw deploy;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new DeployException("creating objects failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static void create(KubernetesClient client, ClusterCalls calls, String namespace, HasMetadata object)
            throws DeployException {
        String action = "create " + object.getPlural() + " " + object.getMetadata().getName() + " in namespace "
                + namespace;
        if (object instanceof GenericKubernetesResource chaos) {
            try {
                calls.run(action, () -> client.genericKubernetesResources(ChaosMeshShaping.CONTEXT)
                        .inNamespace(namespace).resource(chaos).create());
            } catch (ClusterCallException e) {
                if (e.isNotFound()) {
                    throw chaosMeshMissing(e);
                }
                throw e;
            }
            return;
        }
        calls.run(action, () -> client.resource(object).inNamespace(namespace).create());
    }

    /** Fills the shaping ConfigMap now that every machine's pod and Service addresses are known. */
    private static void writeShapingScripts(KubernetesClient client, ClusterCalls calls, ExperimentManifests manifests,
            Map<String, Pod> running, Map<String, List<String>> clusterIps) {
        String namespace = manifests.namespace();
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (MachinePlan machine : manifests.plan().machines()) {
            List<String> own = new ArrayList<>();
            Pod pod = running.get(machine.name());
            if (pod != null && pod.getStatus() != null) {
                if (pod.getStatus().getPodIPs() != null && !pod.getStatus().getPodIPs().isEmpty()) {
                    pod.getStatus().getPodIPs().stream().map(PodIP::getIp).forEach(own::add);
                } else if (pod.getStatus().getPodIP() != null) {
                    own.add(pod.getStatus().getPodIP());
                }
            }
            own.addAll(clusterIps.getOrDefault(machine.name(), List.of()));
            // u32 "match ip dst" takes IPv4 addresses only
            addresses.put(machine.name(), own.stream().filter(ip -> ip != null && ip.contains(".")).distinct().toList());
        }
        Map<String, String> scripts = manifests.shapingScripts(addresses);
        calls.run("update configmaps " + TcShaping.CONFIG_MAP + " in namespace " + namespace, () -> client.configMaps()
                .inNamespace(namespace).withName(TcShaping.CONFIG_MAP)
                .edit(map -> new ConfigMapBuilder(map).withData(new TreeMap<>(scripts)).build()));
        LOG.info("tc shaping: scripts written for {} sending machines; each pod applies its script when kubelet"
                + " refreshes the mounted ConfigMap (within about a minute), before the apps start", scripts.size());
    }
}
