package io.acai.cloud.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The shared secret edges present in their hello; an empty expected token admits every edge. */
public final class TokenCheck {

    private final byte[] expected;

    public TokenCheck(String expected) {
        this.expected = Objects.requireNonNull(expected, "token").getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return expected.length > 0;
    }

    /** Whether {@code presented} matches, compared in constant time. */
    public boolean admits(String presented) {
        return !required() || MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
