package io.acai.edge;

import io.acai.options.MachineName;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge id of an edge started with the original's seven positional arguments, which have none (its
 * two-pod edge never named itself): the launcher's {@code ACAI_MACHINE} when it is set (the launcher sets it
 * in every Kubernetes pod, so an edge is named for its machine), else the host name, which in a pod of a
 * Deployment is the pod's name: {@code edge-1-7d9f8b6c5-x2x4z} gives {@code edge-1}, the Deployment's name. A
 * host name with a domain keeps its first label ({@code laptop.example.org} gives {@code laptop}).
 */
final class DefaultEdgeId {

    static final String MACHINE_VARIABLE = "ACAI_MACHINE";
    /** A Deployment pod's name: the Deployment's, its ReplicaSet's pod-template hash, and five random characters. */
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}");

    private DefaultEdgeId() {
    }

    /**
     * The edge id, or empty when neither source gives a machine name.
     *
     * @param env the environment, where {@value #MACHINE_VARIABLE} is looked up
     * @param hostName this host's name (in a pod, the pod's name)
     */
    static Optional<String> of(Map<String, String> env, String hostName) {
        String machine = env.get(MACHINE_VARIABLE);
        if (MachineName.isValid(machine)) {
            return Optional.of(machine);
        }
        if (hostName == null || hostName.isBlank()) {
            return Optional.empty();
        }
        String host = hostName.strip().toLowerCase(Locale.ROOT);
        int dot = host.indexOf('.');
        if (dot > 0) {
            host = host.substring(0, dot);
        }
        Matcher pod = DEPLOYMENT_POD.matcher(host);
        if (pod.matches() && MachineName.isValid(pod.group(1))) {
            return Optional.of(pod.group(1));
        }
        return MachineName.isValid(host) ? Optional.of(host) : Optional.empty();
    }
}
