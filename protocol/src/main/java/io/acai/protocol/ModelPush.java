package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNotEmpty;
import static io.acai.protocol.Arguments.checkPositive;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cloud to edge, a retrained model: the darknet {@code .weights} file and its SHA-256. The network
 * cfg and class names rarely change, so they travel only when they did; empty means "keep yours".
 * The edge checks the digest ({@link #digestMatches()}), answers with a {@link ModelAck}, and after
 * a mismatch asks again with a {@link ModelRequest}.
 *
 * <p>Payload: {@code int32 version, 32 bytes sha256, bytes32 weights, text32 cfg, text32 names}.
 *
 * <p>The arrays are kept, not copied: do not change them after handing them over.
 *
 * @param version the model version, from 1 up
 * @param sha256  the SHA-256 of {@code weights} as the cloud computed it, 32 bytes
 * @param weights the darknet {@code .weights} file
 * @param cfg     the darknet {@code .cfg} text, or empty when unchanged
 * @param names   the {@code .names} text, or empty when unchanged
 */
public record ModelPush(int version, byte[] sha256, byte[] weights, String cfg, String names) implements Message {

    public ModelPush {
        checkPositive(version, "version");
        if (Objects.requireNonNull(sha256, "sha256").length != ModelDigest.LENGTH) {
            throw new IllegalArgumentException(
                    "sha256 : " + sha256.length + " bytes (expected: " + ModelDigest.LENGTH + ")");
        }
        checkNotEmpty(weights, "weights");
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(names, "names");
    }

    /** A push of weights only, with their digest computed here. */
    public static ModelPush of(int version, byte[] weights) {
        return of(version, weights, "", "");
    }

    /** A push with its digest computed here. */
    public static ModelPush of(int version, byte[] weights, String cfg, String names) {
        return new ModelPush(version, ModelDigest.sha256(weights), weights, cfg, names);
    }

    /** Whether {@code sha256} is the digest of {@code weights}, as received. */
    public boolean digestMatches() {
        return ModelDigest.matches(sha256, weights);
    }

    public boolean hasCfg() {
        return !cfg.isEmpty();
    }

    public boolean hasNames() {
        return !names.isEmpty();
    }

    @Override
    public MessageType type() {
        return MessageType.MODEL_PUSH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelPush other
                && version == other.version
                && Arrays.equals(sha256, other.sha256)
                && Arrays.equals(weights, other.weights)
                && cfg.equals(other.cfg)
                && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, Arrays.hashCode(sha256), Arrays.hashCode(weights), cfg, names);
    }

    @Override
    public String toString() {
        return "ModelPush[version=" + version + ", sha256=" + ModelDigest.hex(sha256) + ", weights="
                + weights.length + " bytes, cfg=" + cfg.length() + " chars, names=" + names.length() + " chars]";
    }
}
