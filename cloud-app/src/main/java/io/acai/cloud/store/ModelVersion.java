package io.acai.cloud.store;

import io.acai.protocol.ModelDigest;
import java.nio.file.Path;

/**
 * One saved model version: its number ({@code 0} for the model the cloud started with), the darknet
 * weights and their SHA-256. The array is shared, not copied: never change it.
 */
public record ModelVersion(int version, byte[] weights, byte[] sha256, Path file) {

    public String sha256Hex() {
        return ModelDigest.hex(sha256);
    }

    @Override
    public String toString() {
        return "v" + version + " (" + weights.length + " bytes, sha256 " + sha256Hex() + ")";
    }
}
