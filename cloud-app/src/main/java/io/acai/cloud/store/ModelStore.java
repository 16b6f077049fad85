package io.acai.cloud.store;

import io.acai.detection.ClassNames;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.ConvolutionParams;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.protocol.ModelDigest;
import io.acai.records.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud's model versions on disk: {@code v0000.weights} is the model the cloud started with (numbered
 * after the highest damaged file instead, when the folder holds only damaged ones), each retrain adds
 * the next number. A version is written to a temporary file, forced to disk and
 * moved into place atomically, so a crash leaves either the whole file or none; weights that do not
 * fit the network, or that hold NaN or infinite values, are refused and the current version stays.
 * A store reopened on the same folder carries on from its newest valid version, and numbers the
 * next one after the highest file on disk, damaged ones included (they are left for inspection),
 * so a restarted cloud does not hand out a version number twice. Thread-safe.
 *
 * <p>Retention ({@code --keep-versions N}): {@link #prune()} deletes every version file but the first (the lowest
 * number on disk, the model the cloud started with), the newest {@code N} numbers and the current version; 0 keeps
 * them all. No edge ever reads a file of the store: a push, and a push resent on an edge's request, carry the
 * current version's bytes held in memory ({@link ModelVersion#weights()}), as does the held-out scoring queue, so
 * deleting a file cannot cut short a push or a scoring in progress.
 */
public final class ModelStore {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d{4,})\\.weights");

    private final Path dir;
    /** Versions kept besides the first by {@link #prune()}; 0 keeps every version. */
    private int keepVersions;
    private final DarknetConfig cfg;
    private final String cfgText;
    private final ClassNames names;
    private final String namesText;
    private volatile ModelVersion current;
    /** The highest version number on disk, valid or damaged; the next save takes the one after it. */
    private int highestNumber;

    private ModelStore(Path dir, DarknetConfig cfg, String cfgText, ClassNames names, String namesText,
                       ModelVersion current) {
        this.dir = dir;
        this.cfg = cfg;
        this.cfgText = cfgText;
        this.names = names;
        this.namesText = namesText;
        this.current = current;
    }

    /**
     * Opens the store in {@code dir} for the network of {@code model}. When the folder holds no
     * version yet, the model's weights become version 0 (after the same checks as any version).
     */
    public static ModelStore open(Path dir, ModelFiles model) throws IOException {
        return open(dir, model, 0);
    }

    /**
     * As {@link #open(Path, ModelFiles)}, {@link #prune()} keeping the first version and the newest
     * {@code keepVersions} (0: every version).
     */
    public static ModelStore open(Path dir, ModelFiles model, int keepVersions) throws IOException {
        if (keepVersions < 0) {
            throw new IllegalArgumentException("--keep-versions : " + keepVersions + " (expected: >= 0; 0 keeps all)");
        }
        model.requireReadable();
        Files.createDirectories(dir);
        DarknetConfig cfg = DarknetConfig.read(model.cfg());
        ClassNames names = ClassNames.read(model.names());
        String cfgText = Files.readString(model.cfg(), StandardCharsets.UTF_8);
        String namesText = Files.readString(model.names(), StandardCharsets.UTF_8);
        if (cfg.classes() != names.size()) {
            throw new IOException(model.names() + ": " + names.size() + " class names (expected: "
                    + cfg.classes() + ", the classes of " + model.cfg() + ")");
        }
        ModelStore store = new ModelStore(dir, cfg, cfgText, names, namesText, null);
        store.keepVersions = keepVersions;
        ModelVersion newest = store.newestOnDisk();
        store.highestNumber = store.highestNumberOnDisk();
        if (newest == null) {
            byte[] weights = Files.readAllBytes(model.weights());
            store.check(weights, model.weights().toString());
            store.highestNumber++; // 0 in an empty folder, else after the damaged files
            newest = store.write(store.highestNumber, weights);
        }
        store.current = newest;
        return store;
    }

    /** The newest version. */
    public ModelVersion current() {
        return current;
    }

    /**
     * Checks and saves {@code weights} as the next version, which becomes current.
     *
     * @throws WeightsRejectedException when they do not fit the network or are not finite; the
     *                                  current version is unchanged
     */
    public synchronized ModelVersion save(byte[] weights) throws IOException {
        Objects.requireNonNull(weights, "weights");
        int version = highestNumber + 1; // current is one of the files on disk, so never above it
        check(weights, "retrained weights for v" + version);
        ModelVersion saved = write(version, weights);
        highestNumber = version;
        current = saved;
        return saved;
    }

    /**
     * Deletes the version files retention does not keep (with their {@code .sha256}): all but the first, the newest
     * {@code keepVersions} numbers and the current version. Damaged files count as versions. Returns the numbers
     * deleted, in order; nothing when {@code keepVersions} is 0.
     */
    public synchronized List<Integer> prune() throws IOException {
        if (keepVersions == 0) {
            return List.of();
        }
        TreeMap<Integer, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(dir, "v*.weights")) {
            for (Path file : listed) {
                Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    files.put(Integer.parseInt(m.group(1)), file);
                }
            }
        }
        if (files.isEmpty()) {
            return List.of();
        }
        int first = files.firstKey();
        long oldestKept = (long) highestNumber - keepVersions + 1;
        List<Integer> deleted = new ArrayList<>();
        for (Map.Entry<Integer, Path> entry : files.entrySet()) {
            int version = entry.getKey();
            if (version == first || version >= oldestKept || version == current.version()) {
                continue;
            }
            Files.deleteIfExists(entry.getValue());
            Files.deleteIfExists(entry.getValue().resolveSibling(entry.getValue().getFileName() + ".sha256"));
            deleted.add(version);
        }
        return deleted;
    }

    /** Versions {@link #prune()} keeps besides the first; 0 keeps all. */
    public int keepVersions() {
        return keepVersions;
    }

    public DarknetConfig cfg() {
        return cfg;
    }

    public String cfgText() {
        return cfgText;
    }

    public ClassNames names() {
        return names;
    }

    public String namesText() {
        return namesText;
    }

    public Path dir() {
        return dir;
    }

    private void check(byte[] weights, String source) throws WeightsRejectedException {
        DarknetWeights decoded;
        try {
            decoded = DarknetWeights.decode(weights, cfg, source);
        } catch (IOException e) {
            throw new WeightsRejectedException(source + ": refused, " + e.getMessage(), e);
        }
        for (ConvolutionParams conv : decoded.convolutions()) {
            checkFinite(source, conv.layer(), "biases", conv.biases());
            checkFinite(source, conv.layer(), "scales", conv.scales());
            checkFinite(source, conv.layer(), "rollingMean", conv.rollingMean());
            checkFinite(source, conv.layer(), "rollingVariance", conv.rollingVariance());
            checkFinite(source, conv.layer(), "kernel", conv.kernel());
        }
    }

    private static void checkFinite(String source, int layer, String field, float[] values)
            throws WeightsRejectedException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new WeightsRejectedException(source + ": refused, layer " + layer + " " + field + "[" + i
                        + "] = " + values[i] + " (expected: a finite number)");
            }
        }
    }

    private ModelVersion write(int version, byte[] weights) throws IOException {
        Path target = dir.resolve(String.format("v%04d.weights", version));
        AtomicFile.write(target, weights);
        byte[] sha256 = ModelDigest.sha256(weights);
        Files.writeString(dir.resolve(target.getFileName() + ".sha256"),
                ModelDigest.hex(sha256) + "  " + target.getFileName() + "\n", StandardCharsets.UTF_8);
        return new ModelVersion(version, weights, sha256, target);
    }

    /** The highest number of a {@code vNNNN.weights} file in the folder, -1 when there is none. */
    private int highestNumberOnDisk() throws IOException {
        int highest = -1;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "v*.weights")) {
            for (Path file : files) {
                Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return highest;
    }

    /** The newest version file that passes the checks; invalid ones are skipped. */
    private ModelVersion newestOnDisk() throws IOException {
        ModelVersion newest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "v*.weights")) {
            for (Path file : files) {
                Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                int version = Integer.parseInt(m.group(1));
                if (newest != null && newest.version() >= version) {
                    continue;
                }
                byte[] weights = Files.readAllBytes(file);
                try {
                    check(weights, file.toString());
                } catch (WeightsRejectedException e) {
                    continue;
                }
                newest = new ModelVersion(version, weights, ModelDigest.sha256(weights), file);
            }
        }
        return newest;
    }
}
