package io.acai.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * The shared secret an edge presents when it connects and the cloud asks for (and signs its model pushes
 * with); none on the cloud admits every edge. From, in this order: {@code --token T} (for hand use: the
 * command line shows in {@code ps}), {@code --token-file PATH} (the file's one line), or the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, which is how the launcher passes it. A picocli mixin:
 * {@code @Mixin TokenOption token;}.
 */
public final class TokenOption {

    /** The environment variable the token is read from when neither option gives one. */
    public static final String ENVIRONMENT_VARIABLE = "ACAI_TOKEN";
    /** The longest token, in UTF-8 bytes: it travels as a {@code string16} in the Hello. */
    public static final int MAX_BYTES = 0xFFFF;

    @Option(names = "--token", paramLabel = "T", description = "the secret the cloud asks edges for; shows in ps, "
            + "prefer --token-file or the environment variable " + ENVIRONMENT_VARIABLE + " (default: none)")
    String token;

    @Option(names = "--token-file", paramLabel = "PATH", description = "a file whose one line is the secret "
            + "(default: the environment variable " + ENVIRONMENT_VARIABLE + ", else none)")
    Path tokenFile;

    /**
     * The secret, empty when none was given, read from the options or this process's environment.
     *
     * @throws IOException when the token file cannot be read, naming it
     * @throws IllegalArgumentException when both options are given or the token is not one line of text
     */
    public String token() throws IOException {
        return token(System.getenv());
    }

    /** As {@link #token()}, the environment being {@code environment}. */
    public String token(Map<String, String> environment) throws IOException {
        return resolve(environment).value();
    }

    /**
     * Where the token came from, for a log line that must not show it: {@code "--token"},
     * {@code "--token-file PATH"}, {@code "the environment (ACAI_TOKEN)"} or {@code "none"}.
     */
    public String source(Map<String, String> environment) throws IOException {
        return resolve(environment).source();
    }

    /** As {@link #source(Map)} with this process's environment. */
    public String source() throws IOException {
        return source(System.getenv());
    }

    private Resolved resolve(Map<String, String> environment) throws IOException {
        Objects.requireNonNull(environment, "environment");
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("--token and --token-file are both given (expected: one of them)");
        }
        if (token != null) {
            return new Resolved(check(token, "--token"), token.isEmpty() ? "none" : "--token");
        }
        if (tokenFile != null) {
            String value = read(tokenFile);
            return new Resolved(value, "--token-file " + tokenFile);
        }
        String fromEnvironment = environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
        return new Resolved(check(fromEnvironment, ENVIRONMENT_VARIABLE),
                fromEnvironment.isEmpty() ? "none" : "the environment (" + ENVIRONMENT_VARIABLE + ")");
    }

    private static String read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("--token-file " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        String line = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (line.isEmpty()) {
            throw new IllegalArgumentException("--token-file " + file + ": holds no token (expected: one line, the "
                    + "secret)");
        }
        return check(line, "--token-file " + file);
    }

    private static String check(String value, String where) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(where + ": the token holds a line break (expected: one line)");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(where + ": the token is " + bytes + " bytes long (expected: at most "
                    + MAX_BYTES + ")");
        }
        return value;
    }

    private record Resolved(String value, String source) {
        @Override
        public String toString() {
            return "token from " + source;
        }
    }
}
