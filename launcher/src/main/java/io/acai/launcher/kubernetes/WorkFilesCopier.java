package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies the app's CSV and log files out of a pod's {@link MachineManifests#filesDir} (the project's images:
 * {@link MachineManifests#WORK_DIR}): one exec of
 * {@code tar} in the app container (only {@code *.csv} and {@code *.log}, so model weights are never
 * copied every period), read with {@link TarStreamReader} and written under the machine's folder,
 * each file replaced atomically.
 */
final class WorkFilesCopier {

    /** The command run in the app container of the project's images; prints nothing when there is nothing to copy. */
    static final String SCRIPT = script(MachineManifests.WORK_DIR);

    /**
     * The command that archives the files under {@code dir} (absolute, or relative to the container's working
     * directory, where an exec starts; a plain path, as the config's {@code logs} must be).
     */
    static String script(String dir) {
        return "cd " + dir + " 2>/dev/null || exit 0; "
                + "files=$(find . -maxdepth 3 -type f \\( -name '*.csv' -o -name '*.log' \\) 2>/dev/null); "
                + "[ -n \"$files\" ] || exit 0; exec tar cf - $files";
    }

    private final KubernetesClient client;
    private final String namespace;
    private final long timeoutSeconds;

    WorkFilesCopier(KubernetesClient client, String namespace, long timeoutSeconds) {
        this.client = client;
        this.namespace = namespace;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Copies the files of one pod of the project's images into {@code machineDir}; returns how many were copied. */
    int copy(String pod, Path machineDir) throws IOException, InterruptedException {
        return copy(pod, MachineManifests.WORK_DIR, machineDir);
    }

    /** Copies the files under {@code dir} of one pod into {@code machineDir}; returns how many were copied. */
    int copy(String pod, String dir, Path machineDir) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(namespace).withName(pod)
                .inContainer(MachineManifests.APP_CONTAINER).writingOutput(out).writingError(err)
                .exec("sh", "-c", script(dir))) {
            Integer exit = watch.exitCode().get(timeoutSeconds, TimeUnit.SECONDS);
            if (exit != null && exit != 0) {
                throw new IOException("tar in pod " + pod + " exited with " + exit + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (ExecutionException e) {
            // some servers and proxies close the stream without the exit status: a whole archive is still whole
            if (!TarStreamReader.isComplete(out.toByteArray())) {
                throw new IOException("exec in pod " + pod + " failed: " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IOException("exec in pod " + pod + " gave no exit status within " + timeoutSeconds + " s", e);
        }
        Path root = machineDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        return TarStreamReader.read(new ByteArrayInputStream(out.toByteArray()), (name, content) -> {
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root) || target.equals(root) || target.getFileName().toString()
                    .equals(ContainerLogStreams.FILE)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }
}
