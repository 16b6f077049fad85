package io.acai.edge.model;

import io.acai.detection.ClassNames;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.protocol.ModelDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as an edge holds it: version ({@code 0} for the one it started with), the darknet cfg and
 * names text and the weights. The weights array is shared, not copied: never change it.
 */
public record EdgeModel(int version, String cfgText, String namesText, byte[] weights) {

    public static EdgeModel read(ModelFiles files) throws IOException {
        files.requireReadable();
        return new EdgeModel(0, Files.readString(files.cfg(), StandardCharsets.UTF_8),
                Files.readString(files.names(), StandardCharsets.UTF_8), Files.readAllBytes(files.weights()));
    }

    public ClassNames names() throws IOException {
        Path file = Files.createTempFile("acai-edge-", ".names");
        try {
            Files.writeString(file, namesText, StandardCharsets.UTF_8);
            return ClassNames.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Checks that the weights fit the cfg (their size), that every one is a finite number (no NaN or
     * infinity: a model trained into divergence) and that the names match its class count.
     *
     * @throws IOException naming what does not fit
     */
    public void check() throws IOException {
        Path cfgFile = Files.createTempFile("acai-edge-", ".cfg");
        try {
            Files.writeString(cfgFile, cfgText, StandardCharsets.UTF_8);
            DarknetConfig cfg = DarknetConfig.read(cfgFile);
            DarknetWeights.decode(weights, cfg, "weights of v" + version).requireFinite("weights of v" + version);
            int classes = names().size();
            if (cfg.classes() != classes) {
                throw new IOException("names of v" + version + ": " + classes + " classes (expected: "
                        + cfg.classes() + " as the cfg)");
            }
        } finally {
            Files.deleteIfExists(cfgFile);
        }
    }

    /** The network's definition, parsed from the cfg text. */
    public DarknetConfig cfg() throws IOException {
        return DarknetConfig.parse(Path.of("v" + version + ".cfg"), cfgText);
    }

    public String sha256Hex() {
        return ModelDigest.hex(ModelDigest.sha256(weights));
    }

    @Override
    public String toString() {
        return "v" + version + " (" + weights.length + " bytes of weights)";
    }
}
