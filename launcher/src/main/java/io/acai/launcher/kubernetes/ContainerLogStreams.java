package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the app container's log of every pod into {@code <logs>/<machine>/container.log} (appended,
 * with a line marking each pod), one follow stream per pod. A stream that ends while its pod still
 * exists (the container restarted, the connection dropped) is resumed from the time it ended.
 */
final class ContainerLogStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogStreams.class);
    static final String FILE = "container.log";

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, Follow> follows = new LinkedHashMap<>();
    private final Set<String> warned = new HashSet<>();

    private static final class Follow {
        final LogWatch watch;
        final OutputStream out;
        volatile Instant ended;

        Follow(LogWatch watch, OutputStream out) {
            this.watch = watch;
            this.out = out;
        }
    }

    ContainerLogStreams(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Starts a stream for every pod whose app container has started and is not streamed yet. */
    synchronized void follow(Map<String, List<Pod>> podsByMachine, Path logsDir) {
        podsByMachine.forEach((machine, pods) -> {
            for (Pod pod : pods) {
                String name = pod.getMetadata().getName();
                Follow existing = follows.get(name);
                if ((existing == null || existing.ended != null) && appStarted(pod)) {
                    start(machine, name, existing == null ? null : existing.ended, logsDir);
                }
            }
        });
    }

    private void start(String machine, String pod, Instant since, Path logsDir) {
        Path file = logsDir.resolve(machine).resolve(FILE);
        OutputStream out = null;
        try {
            Files.createDirectories(file.getParent());
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            out.write(("--- acai: pod " + pod + ", container " + MachineManifests.APP_CONTAINER
                    + (since == null ? "" : ", resumed from " + since) + " ---\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            ContainerResource container = client.pods().inNamespace(namespace).withName(pod)
                    .inContainer(MachineManifests.APP_CONTAINER);
            Loggable loggable = since == null ? container : container.sinceTime(since.toString());
            LogWatch watch = loggable.watchLog(out);
            Follow follow = new Follow(watch, out);
            follows.put(pod, follow);
            watch.onClose().whenComplete((error, failure) -> follow.ended = Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            if (warned.add(pod)) {
                LOG.warn("cannot stream the log of pod {} into {}: {}", pod, file, e.toString());
            }
        }
    }

    private static boolean appStarted(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            if (MachineManifests.APP_CONTAINER.equals(status.getName()) && status.getState() != null
                    && (status.getState().getRunning() != null || status.getState().getTerminated() != null)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        for (Follow follow : follows.values()) {
            try {
                follow.watch.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a log stream", e);
            }
            closeQuietly(follow.out);
        }
        follows.clear();
    }

    private static void closeQuietly(OutputStream out) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing a log file", e);
        }
    }
}
