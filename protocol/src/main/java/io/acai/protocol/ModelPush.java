package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNotEmpty;
import static io.acai.protocol.Arguments.checkPositive;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cloud to edge, a retrained model: the darknet {@code .weights} file and its SHA-256. The network
 * cfg and class names rarely change, so they travel only when they did; empty means "keep yours".
 * The edge checks the digest ({@link #digestMatches()}), answers with a {@link ModelAck}, and after
 * a mismatch asks again with a {@link ModelRequest}. A cloud that has a token signs the push with it
 * ({@link PushSignature}: an HMAC-SHA256 over the version, the weights' digest, the cfg and the
 * names), so an edge with the same token can tell the push comes from its cloud; a cloud without a
 * token sends an empty signature.
 *
 * <p>Payload: {@code int32 version, 32 bytes sha256, bytes32 weights, text32 cfg, text32 names,
 * uint8 signature length (0 or 32), the signature} (the signature since wire version 2).
 *
 * <p>The arrays are kept, not copied: do not change them after handing them over.
 *
 * @param version the model version, from 1 up
 * @param sha256  the SHA-256 of {@code weights} as the cloud computed it, 32 bytes
 * @param weights the darknet {@code .weights} file
 * @param cfg     the darknet {@code .cfg} text, or empty when unchanged
 * @param names   the {@code .names} text, or empty when unchanged
 * @param signature the {@link PushSignature} of the push with the cloud's token, 32 bytes, or empty when the
 *                  cloud has no token
 */
public record ModelPush(int version, byte[] sha256, byte[] weights, String cfg, String names, byte[] signature)
        implements Message {

    public ModelPush {
        checkPositive(version, "version");
        if (Objects.requireNonNull(sha256, "sha256").length != ModelDigest.LENGTH) {
            throw new IllegalArgumentException(
                    "sha256 : " + sha256.length + " bytes (expected: " + ModelDigest.LENGTH + ")");
        }
        checkNotEmpty(weights, "weights");
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(names, "names");
        if (Objects.requireNonNull(signature, "signature").length != 0
                && signature.length != PushSignature.LENGTH) {
            throw new IllegalArgumentException("signature : " + signature.length + " bytes (expected: 0 or "
                    + PushSignature.LENGTH + ")");
        }
    }

    /** An unsigned push, as a cloud without a token sends it. */
    public ModelPush(int version, byte[] sha256, byte[] weights, String cfg, String names) {
        this(version, sha256, weights, cfg, names, new byte[0]);
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

    /** Whether the push carries a signature (its cloud has a token). */
    public boolean isSigned() {
        return signature.length > 0;
    }

    /** The same push carrying {@code newSignature}. */
    public ModelPush withSignature(byte[] newSignature) {
        return new ModelPush(version, sha256, weights, cfg, names, newSignature);
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
                && names.equals(other.names)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, Arrays.hashCode(sha256), Arrays.hashCode(weights), cfg, names,
                Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "ModelPush[version=" + version + ", sha256=" + ModelDigest.hex(sha256) + ", weights="
                + weights.length + " bytes, cfg=" + cfg.length() + " chars, names=" + names.length() + " chars, "
                + (isSigned() ? "signed" : "unsigned") + "]";
    }
}
