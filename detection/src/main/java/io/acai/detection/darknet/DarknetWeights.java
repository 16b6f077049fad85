package io.acai.detection.darknet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters of a darknet network, as its {@code .weights} file stores them (little endian):
 * a header {@code int32 major, int32 minor, int32 revision} and {@code seen} (int64 when
 * {@code major * 10 + minor >= 2}, int32 before), then for every {@code [convolutional]} in cfg order
 * the float arrays {@code biases, [scales, rolling_mean, rolling_variance,] weights} (the three
 * batch-norm arrays only with {@code batch_normalize=1}), weights as {@code [filters][in/groups][size][size]}.
 */
public final class DarknetWeights {

    /** darknet's own header for files it writes: version 0.2.5. */
    public static final Header DEFAULT_HEADER = new Header(0, 2, 5, 0);

    private final Header header;
    private final List<ConvolutionParams> convolutions;

    public DarknetWeights(Header header, List<ConvolutionParams> convolutions) {
        this.header = header;
        this.convolutions = List.copyOf(convolutions);
    }

    /** Reads a weights file for the given network; refuses a file whose size does not fit it. */
    public static DarknetWeights read(Path file, DarknetConfig cfg) throws IOException {
        return decode(Files.readAllBytes(file), cfg, file.toString());
    }

    /** Decodes weights received as bytes (for example pushed over the network); {@code source} names them. */
    public static DarknetWeights decode(byte[] data, DarknetConfig cfg, String source) throws IOException {
        requireSize(data, cfg, source);
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int major = buffer.getInt();
        int minor = buffer.getInt();
        int revision = buffer.getInt();
        long seen = longSeen(major, minor) ? buffer.getLong() : buffer.getInt();
        List<ConvolutionParams> convolutions = new ArrayList<>();
        for (ConvolutionSize size : sizes(cfg)) {
            int n = size.filters();
            float[] biases = floats(buffer, n);
            float[] scales = size.batchNormalize() ? floats(buffer, n) : null;
            float[] mean = size.batchNormalize() ? floats(buffer, n) : null;
            float[] variance = size.batchNormalize() ? floats(buffer, n) : null;
            convolutions.add(new ConvolutionParams(size.layer(), biases, scales, mean, variance,
                    floats(buffer, size.kernelLength())));
        }
        return new DarknetWeights(new Header(major, minor, revision, seen), convolutions);
    }

    /**
     * Refuses weights bytes whose size does not fit {@code cfg} (header, then exactly
     * {@link #floatCount} floats), without decoding them.
     */
    public static void requireSize(byte[] data, DarknetConfig cfg, String source) throws WeightsMismatchException {
        long expected = floatCount(cfg);
        if (data.length < 16) {
            throw new WeightsMismatchException(source, cfg.source().toString(), expected, 0);
        }
        ByteBuffer header = ByteBuffer.wrap(data, 0, 8).order(ByteOrder.LITTLE_ENDIAN);
        long body = data.length - (longSeen(header.getInt(), header.getInt()) ? 20L : 16L);
        long found = Math.max(0, body) / Float.BYTES;
        if (body < 0 || found != expected || body % Float.BYTES != 0) {
            throw new WeightsMismatchException(source, cfg.source().toString(), expected, found);
        }
    }

    /**
     * Refuses parameters holding NaN or an infinity (a model trained into divergence), naming the first and
     * counting them all.
     *
     * @param source what the weights are, for the message ("weights of v3")
     * @throws IOException when a value is not finite
     */
    public void requireFinite(String source) throws IOException {
        long bad = 0;
        String first = null;
        for (ConvolutionParams c : convolutions) {
            List<String> names = c.batchNormalize()
                    ? List.of("biases", "scales", "rolling_mean", "rolling_variance", "weights")
                    : List.of("biases", "weights");
            List<float[]> arrays = c.inFileOrder();
            for (int a = 0; a < arrays.size(); a++) {
                float[] values = arrays.get(a);
                for (int i = 0; i < values.length; i++) {
                    if (!Float.isFinite(values[i])) {
                        if (bad++ == 0) {
                            first = "layer " + c.layer() + " " + names.get(a) + "[" + i + "] = " + values[i];
                        }
                    }
                }
            }
        }
        if (bad > 0) {
            throw new IOException(source + ": " + bad + (bad == 1 ? " value is" : " values are")
                    + " not finite, the first " + first + " (expected: finite numbers)");
        }
    }

    private static boolean longSeen(int major, int minor) {
        return major * 10 + minor >= 2 && major < 1000 && minor < 1000;
    }

    /**
     * Fresh parameters for training from scratch: He-normal kernels, zero biases, unit scales and
     * variances, reproducible from the seed.
     */
    public static DarknetWeights initial(DarknetConfig cfg, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ConvolutionParams> convolutions = new ArrayList<>();
        for (ConvolutionSize size : sizes(cfg)) {
            int n = size.filters();
            float[] kernel = new float[size.kernelLength()];
            double std = Math.sqrt(2.0 / (size.kernelLength() / n));
            for (int i = 0; i < kernel.length; i++) {
                kernel[i] = (float) (nextGaussian(random) * std);
            }
            boolean bn = size.batchNormalize();
            convolutions.add(new ConvolutionParams(size.layer(), new float[n], bn ? filled(n, 1) : null,
                    bn ? new float[n] : null, bn ? filled(n, 1) : null, kernel));
        }
        return new DarknetWeights(DEFAULT_HEADER, convolutions);
    }

    /** The number of floats after the header that a weights file for this cfg holds. */
    public static long floatCount(DarknetConfig cfg) {
        long total = 0;
        for (ConvolutionSize size : sizes(cfg)) {
            total += (size.batchNormalize() ? 4L : 1L) * size.filters() + size.kernelLength();
        }
        return total;
    }

    public Header header() {
        return header;
    }

    public List<ConvolutionParams> convolutions() {
        return convolutions;
    }

    /** The parameters of the convolution at layer index {@code layer}. */
    public ConvolutionParams layer(int layer) {
        return convolutions.stream().filter(c -> c.layer() == layer).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer " + layer + " is not a convolution"));
    }

    public DarknetWeights withHeader(Header newHeader) {
        return new DarknetWeights(newHeader, convolutions);
    }

    /** The file's bytes: header (with an int64 seen) and the arrays in order. */
    public byte[] encode() {
        long floats = 0;
        for (ConvolutionParams c : convolutions) {
            floats += c.floatCount();
        }
        boolean longSeen = longSeen(header.major(), header.minor());
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(12 + (longSeen ? 8 : 4) + floats * Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(header.major()).putInt(header.minor()).putInt(header.revision());
        if (longSeen) {
            buffer.putLong(header.seen());
        } else {
            buffer.putInt((int) header.seen());
        }
        for (ConvolutionParams c : convolutions) {
            for (float[] array : c.inFileOrder()) {
                buffer.asFloatBuffer().put(array);
                buffer.position(buffer.position() + array.length * Float.BYTES);
            }
        }
        return buffer.array();
    }

    /** Writes the file atomically: a reader never sees half a file under {@code file}'s name. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            Files.write(temporary, encode());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static List<ConvolutionSize> sizes(DarknetConfig cfg) {
        List<ConvolutionSize> sizes = new ArrayList<>();
        List<Layer> layers = cfg.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ConvolutionalLayer conv) {
                int inputChannels = cfg.inputShape(i).channels();
                int kernel = conv.filters() * (inputChannels / conv.groups()) * conv.size() * conv.size();
                sizes.add(new ConvolutionSize(i, conv.filters(), kernel, conv.batchNormalize()));
            }
        }
        return sizes;
    }

    private static float[] floats(ByteBuffer buffer, int count) {
        float[] values = new float[count];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + count * Float.BYTES);
        return values;
    }

    private static float[] filled(int n, float value) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static double nextGaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The header of a weights file; {@code seen} counts the images the network was trained on. */
    public record Header(int major, int minor, int revision, long seen) {
    }

    private record ConvolutionSize(int layer, int filters, int kernelLength, boolean batchNormalize) {
    }
}
