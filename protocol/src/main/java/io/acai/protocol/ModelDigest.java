package io.acai.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of model files, as {@link ModelPush} carries it. */
public final class ModelDigest {

    /** Bytes in a SHA-256 digest. */
    public static final int LENGTH = 32;

    private ModelDigest() {
    }

    public static byte[] sha256(byte[] data) {
        return newDigest().digest(data);
    }

    /** The digest of a file, read in blocks. */
    public static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] block = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(block)) != -1; ) {
                digest.update(block, 0, n);
            }
        }
        return digest.digest();
    }

    /** Whether {@code expected} is the digest of {@code data}, compared in constant time. */
    public static boolean matches(byte[] expected, byte[] data) {
        return MessageDigest.isEqual(expected, sha256(data));
    }

    /** Lower-case hex, as {@code sha256sum} prints it. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
