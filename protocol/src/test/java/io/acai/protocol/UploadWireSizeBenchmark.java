package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the bytes on the wire per uploaded image, for a 320x240 camera frame as JPEG with three
 * labels, against the original project's upload: a pickled 3x224x224 float32 torch tensor, 602,112
 * bytes of data plus pickle overhead. Not part of the test suite: a {@code main}, also run through
 * surefire (which supplies the classpath) by the {@code benchmarks} profile:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl protocol -am -Dtest=UploadWireSizeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
public final class UploadWireSizeBenchmark {

    @Test
    void report() {
        main(new String[0]);
    }

    /** 3 x 224 x 224 float32: the tensor data alone, before any pickle framing. */
    static final long TENSOR_BYTES = 3L * 224 * 224 * Float.BYTES;

    public static void main(String[] args) {
        int width = 320;
        int height = 240;
        int batchSize = 10;
        System.out.printf("320x240 frame, 3 labels, JPEG by ImageIO at default quality 0.75%n");
        System.out.printf("original: pickled 3x224x224 float32 tensor = %,d bytes of data + pickle overhead%n%n",
                TENSOR_BYTES);
        System.out.printf("%-12s %10s %14s %16s %12s%n",
                "noise sigma", "jpeg", "1-image frame", "per image (x10)", "vs tensor");
        for (double sigma : new double[] {0, 4, 8}) {
            UploadBatch one = batch(width, height, sigma, 1);
            UploadBatch ten = batch(width, height, sigma, batchSize);
            long jpeg = one.images().get(0).file().length;
            long single = wireBytes(one);
            double perImage = (double) wireBytes(ten) / batchSize;
            System.out.printf("%-12s %,10d %,14d %,16.0f %11.1fx%n",
                    sigma, jpeg, single, perImage, TENSOR_BYTES / perImage);
        }
    }

    private static UploadBatch batch(int width, int height, double sigma, int images) {
        List<UploadImage> list = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            List<Label> labels = new ArrayList<>();
            for (int k = 0; k < SyntheticJpeg.SHAPES.length; k++) {
                float[] b = SyntheticJpeg.SHAPES[k];
                labels.add(new Label(k, b[0], b[1], b[2], b[3]));
            }
            list.add(new UploadImage("edge-1-frame-" + (100_000 + i), width, height,
                    SyntheticJpeg.jpeg(width, height, sigma, i), labels));
        }
        return new UploadBatch(1_700_000_000_000L, "edge-1", list);
    }

    /** Encodes for real and checks the result against {@link AcaiEncoder#encodedSize(Message)}. */
    private static long wireBytes(Message message) {
        EmbeddedChannel channel = new EmbeddedChannel(new AcaiEncoder());
        channel.writeOutbound(message);
        ByteBuf frame = channel.readOutbound();
        long bytes = frame.readableBytes();
        frame.release();
        channel.finishAndReleaseAll();
        if (bytes != AcaiEncoder.encodedSize(message)) {
            throw new IllegalStateException("encodedSize " + AcaiEncoder.encodedSize(message) + " != " + bytes);
        }
        return bytes;
    }
}
