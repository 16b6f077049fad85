package io.acai.options;

import picocli.CommandLine.Option;

/**
 * {@code --token T}: the shared secret an edge presents when it connects and the cloud asks for; empty on
 * the cloud admits every edge. A picocli mixin: {@code @Mixin TokenOption token;}.
 */
public final class TokenOption {

    @Option(names = "--token", defaultValue = "", description = "the secret the cloud asks edges for (default: none)")
    String token;

    /** The secret, empty when none was given. */
    public String token() {
        return token;
    }
}
