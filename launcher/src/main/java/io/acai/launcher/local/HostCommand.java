package io.acai.launcher.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One program of the host ({@code ip}, {@code tc}) run to completion with its output captured. A
 * non-zero exit becomes an {@link IOException} that names the command line and quotes its error
 * output, so a failed deploy says exactly which step the kernel refused.
 */
final class HostCommand {

    private static final long TIMEOUT_SECONDS = 30;

    private HostCommand() {
    }

    /** Runs the command and returns its standard output; throws when it exits with a non-zero code. */
    static String run(List<String> command) throws IOException {
        Result result = attempt(command);
        if (result.exitCode() != 0) {
            throw new IOException("command failed (exit " + result.exitCode() + "): " + String.join(" ", command)
                    + (result.output().isBlank() ? "" : ": " + result.output().strip()));
        }
        return result.output();
    }

    static String run(String... command) throws IOException {
        return run(List.of(command));
    }

    /** Runs the command and reports whether it succeeded, without throwing for a non-zero exit. */
    static boolean succeeds(String... command) {
        try {
            return attempt(List.of(command)).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Exit code and merged output (standard output, then error output). */
    record Result(int exitCode, String output) {
    }

    static Result attempt(List<String> command) throws IOException {
        return attempt(command, TIMEOUT_SECONDS);
    }

    /** Like {@link #attempt(List)} with its own time limit; a command still running then is killed. */
    static Result attempt(List<String> command, long timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // the process was killed; what was read so far is kept
            }
        }, "acai-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("command timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            reader.join(5000);
            synchronized (output) {
                return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running: " + String.join(" ", command), e);
        }
    }
}
