package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes what one experiment created, by its labels only, so objects of other experiments and other
 * tools in the same namespace are never touched: NetworkChaos objects, Deployments (with their
 * ReplicaSets and pods), Services, ConfigMaps, the token Secret and leftover pods, then the namespace itself only when
 * this run created it. Runs at most once; failures are logged and returned, never thrown.
 */
final class ExperimentTeardown {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentTeardown.class);

    private final KubernetesClient client;
    private final ClusterCalls calls;
    private final String namespace;
    private final String experimentId;
    private final boolean chaosMesh;
    private final boolean tokens;
    private boolean namespaceCreated;
    private boolean anythingCreated;
    private List<String> problems;

    /**
     * @param chaosMesh whether the experiment shapes with NetworkChaos objects, which teardown then deletes
     * @param tokens whether the experiment has a {@link TokenSecret}, which teardown then deletes (only then, so
     *     a role without access to secrets serves experiments without tokens as before)
     */
    ExperimentTeardown(KubernetesClient client, ClusterCalls calls, String namespace, String experimentId,
            boolean chaosMesh, boolean tokens) {
        this.client = client;
        this.calls = calls;
        this.namespace = namespace;
        this.experimentId = experimentId;
        this.chaosMesh = chaosMesh;
        this.tokens = tokens;
    }

    /** Records that this run created the namespace, which teardown then deletes as a whole. */
    synchronized void namespaceCreated() {
        namespaceCreated = true;
        anythingCreated = true;
    }

    /** Records that at least one object exists that teardown must remove. */
    synchronized void objectCreated() {
        anythingCreated = true;
    }

    synchronized boolean deletesNamespace() {
        return namespaceCreated;
    }

    /** True once teardown ran (or runs): nothing may be created for the experiment any more. */
    synchronized boolean started() {
        return problems != null;
    }

    /**
     * Deletes everything of the experiment; later calls do nothing and return the first call's problems.
     * Works from an interrupted thread too (Ctrl-C during a wait): the interrupt is set aside while the
     * deletions run and restored afterwards.
     */
    synchronized List<String> run() {
        if (problems != null) {
            return problems;
        }
        problems = new ArrayList<>();
        if (!anythingCreated) {
            return problems;
        }
        boolean interrupted = Thread.interrupted();
        try {
            deleteAll();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return problems;
    }

    private void deleteAll() {
        Map<String, String> labels = ExperimentLabels.experiment(experimentId);
        if (chaosMesh) {
            delete("networkchaos", () -> client.genericKubernetesResources(ChaosMeshShaping.CONTEXT)
                    .inNamespace(namespace).withLabels(labels).delete());
        }
        delete("deployments", () -> client.apps().deployments().inNamespace(namespace).withLabels(labels)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete());
        delete("services", () -> client.services().inNamespace(namespace).withLabels(labels).delete());
        delete("configmaps", () -> client.configMaps().inNamespace(namespace).withLabels(labels).delete());
        if (tokens) {
            delete("secrets", () -> client.secrets().inNamespace(namespace).withLabels(labels).delete());
        }
        delete("pods", () -> client.pods().inNamespace(namespace).withLabels(labels).delete());
        if (namespaceCreated) {
            deleteNamespace();
        }
        if (problems.isEmpty()) {
            LOG.info("removed experiment {} from namespace {}{}", experimentId, namespace,
                    namespaceCreated ? " and the namespace itself" : " (namespace kept: this run did not create it)");
        }
    }

    private void deleteNamespace() {
        delete("namespaces", () -> {
            Namespace existing = client.namespaces().withName(namespace).get();
            String createdBy = existing == null || existing.getMetadata().getAnnotations() == null ? null
                    : existing.getMetadata().getAnnotations().get(ExperimentLabels.CREATED_BY_RUN);
            if (existing != null && experimentId.equals(createdBy)) {
                client.namespaces().withName(namespace).delete();
            }
            return null;
        });
    }

    private void delete(String resource, java.util.function.Supplier<?> call) {
        try {
            calls.run("delete " + resource + " labelled " + ExperimentLabels.EXPERIMENT + "=" + experimentId
                    + " in namespace " + namespace, call);
        } catch (ClusterCallException e) {
            if (e.isNotFound()) {
                return;
            }
            LOG.warn("teardown: {}", e.getMessage());
            problems.add(e.getMessage());
        }
    }
}
