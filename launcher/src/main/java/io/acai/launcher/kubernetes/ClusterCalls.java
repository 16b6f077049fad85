package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs calls to the Kubernetes API and turns their failures into one clear message each: a server
 * that cannot be reached, credentials it rejects (401), permissions it does not grant (403, pointing
 * at {@value #RBAC_FILE}), and anything else with the call, the HTTP status and the server's words.
 * Callers branch on {@link ClusterCallException#code()}, never on message text.
 */
final class ClusterCalls {

    static final String RBAC_FILE = "docs/kubernetes-rbac.yaml";

    private final String masterUrl;
    private final String context;

    ClusterCalls(KubernetesClient client) {
        this.masterUrl = String.valueOf(client.getMasterUrl());
        this.context = contextName(client);
    }

    static String contextName(KubernetesClient client) {
        var current = client.getConfiguration() == null ? null : client.getConfiguration().getCurrentContext();
        return current == null || current.getName() == null ? "none (in-cluster or explicit settings)" : current.getName();
    }

    String masterUrl() {
        return masterUrl;
    }

    String context() {
        return context;
    }

    /**
     * Runs one call.
     *
     * @param action what the call does, as {@code verb resource [name] in namespace ns}, used in messages
     */
    <T> T run(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw explain(action, e);
        }
    }

    void run(String action, Runnable call) {
        run(action, () -> {
            call.run();
            return null;
        });
    }

    ClusterCallException explain(String action, KubernetesClientException e) {
        int code = Math.max(0, e.getCode());
        if (causedBy(e, InterruptedException.class) || causedBy(e, java.io.InterruptedIOException.class)) {
            return new ClusterCallException("interrupted while trying to " + action, 0, e);
        }
        if (code <= 0 && causedByIo(e)) {
            return new ClusterCallException("cannot reach the Kubernetes API server at " + masterUrl + " (context "
                    + context + "): " + rootMessage(e) + ". Check KUBECONFIG or ~/.kube/config, or that the cluster"
                    + " is up and reachable from here.", 0, e);
        }
        String said = serverMessage(e);
        return switch (code) {
            case 401 -> new ClusterCallException("the Kubernetes API server at " + masterUrl
                    + " rejected the launcher's credentials (HTTP 401) when it tried to " + action
                    + "; refresh the credentials of context " + context + ".", code, e);
            case 403 -> new ClusterCallException("forbidden (HTTP 403): the launcher's identity may not " + action
                    + " on " + masterUrl + " (context " + context + "). Grant it the permissions in " + RBAC_FILE
                    + ". The server said: " + said, code, e);
            default -> new ClusterCallException("could not " + action + " on " + masterUrl + " (HTTP "
                    + (code <= 0 ? "no status" : code) + "): " + said, code, e);
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** No answer at all: refused, unresolvable, TLS failure, or no connection within the timeout. */
    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String serverMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return e.getMessage();
    }
}
