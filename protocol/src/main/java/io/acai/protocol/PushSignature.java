package io.acai.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proof that a {@link ModelPush} comes from a cloud holding the token: an HMAC-SHA256 keyed by the
 * token's UTF-8 bytes over
 *
 * <pre>
 * "ACAI model push" 00 | int32 version | SHA-256 of the weights (32 bytes)
 *                      | int32 cfg byte count | cfg UTF-8 | int32 names byte count | names UTF-8
 * </pre>
 *
 * (integers big-endian). The weights enter through their digest, which the receiver computes itself from
 * the bytes it got, so a signature binds the exact weights, the version and the network's definition; a
 * push altered or made up by someone without the token fails {@link #verifies(ModelPush)}.
 *
 * <p>The token is held as a key, never printed: {@link #toString()} does not show it.
 */
public final class PushSignature {

    /** Bytes of a signature: the output of HMAC-SHA256. */
    public static final int LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "ACAI model push\0".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /**
     * @param token the shared secret, not empty
     * @throws IllegalArgumentException when the token is empty
     */
    public PushSignature(String token) {
        if (Objects.requireNonNull(token, "token").isEmpty()) {
            throw new IllegalArgumentException("token : empty (expected: the shared secret; without one, pushes "
                    + "go unsigned)");
        }
        this.key = new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** {@code push} carrying its signature with this token (any signature it had is replaced). */
    public ModelPush sign(ModelPush push) {
        return push.withSignature(signature(push.version(), ModelDigest.sha256(push.weights()), push.cfg(),
                push.names()));
    }

    /**
     * Whether {@code push} carries the signature this token gives its version, weights (hashed here, from the
     * bytes received), cfg and names; compared in constant time. An unsigned push does not verify.
     */
    public boolean verifies(ModelPush push) {
        if (!push.isSigned()) {
            return false;
        }
        byte[] expected = signature(push.version(), ModelDigest.sha256(push.weights()), push.cfg(), push.names());
        return MessageDigest.isEqual(expected, push.signature());
    }

    private byte[] signature(int version, byte[] weightsSha256, String cfg, String names) {
        byte[] cfgBytes = cfg.getBytes(StandardCharsets.UTF_8);
        byte[] namesBytes = names.getBytes(StandardCharsets.UTF_8);
        ByteBuffer fields = ByteBuffer.allocate(4 + weightsSha256.length + 4 + cfgBytes.length + 4 + namesBytes.length)
                .putInt(version).put(weightsSha256).putInt(cfgBytes.length).put(cfgBytes)
                .putInt(namesBytes.length).put(namesBytes);
        Mac mac = newMac();
        mac.update(LABEL);
        mac.update(fields.array());
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java platform must provide HmacSHA256, and any non-empty key suits it
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PushSignature[HMAC-SHA256, token not shown]";
    }
}
