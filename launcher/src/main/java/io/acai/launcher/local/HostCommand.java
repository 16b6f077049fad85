package io.acai.launcher.local;

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
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (InputStream in = process.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("command timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running: " + String.join(" ", command), e);
        }
    }
}
