package io.acai.cloud.retrain;

import io.acai.protocol.Label;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one spooled batch, as {@link UploadSpool} writes it: everything the cloud acknowledged, so that a
 * restarted cloud trains on exactly what it was sent.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): {@code int32 magic 0x41435350 ("ACSP"), int32 version 1,
 * int64 batchId, utf edgeId, int64 receivedMillis, int32 imageCount}, then per image {@code utf imageId, int32 width,
 * int32 height, int32 jpegLength, jpeg, int32 labelCount}, then per label {@code int32 classId, float32 cx, cy, w,
 * h}. Reading checks each value as the protocol's records do and refuses trailing bytes.
 */
final class SpoolFileFormat {

    static final int MAGIC = 0x41435350;
    static final int VERSION = 1;
    /** A bound for lengths read back, so a damaged length cannot ask for gigabytes. */
    private static final int MAX_LENGTH = 64 << 20;

    private SpoolFileFormat() {
    }

    static byte[] write(UploadBatch batch, long receivedMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(batch.batchId());
            out.writeUTF(batch.edgeId());
            out.writeLong(receivedMillis);
            out.writeInt(batch.images().size());
            for (UploadImage image : batch.images()) {
                out.writeUTF(image.imageId());
                out.writeInt(image.width());
                out.writeInt(image.height());
                out.writeInt(image.jpeg().length);
                out.write(image.jpeg());
                out.writeInt(image.labels().size());
                for (Label label : image.labels()) {
                    out.writeInt(label.classId());
                    out.writeFloat(label.cx());
                    out.writeFloat(label.cy());
                    out.writeFloat(label.w());
                    out.writeFloat(label.h());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param file only for the messages
     * @throws IOException naming the file and what is wrong, for bytes that are not a spooled batch
     */
    static UploadSpool.Spooled read(Path file, byte[] content) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException(file + ": magic 0x" + Integer.toHexString(magic) + " (expected: 0x"
                        + Integer.toHexString(MAGIC) + ", a spooled batch)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": version " + version + " (expected: " + VERSION + ")");
            }
            long batchId = in.readLong();
            String edgeId = in.readUTF();
            long receivedMillis = in.readLong();
            int count = length(in, file, "imageCount");
            List<UploadImage> images = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                String imageId = in.readUTF();
                int width = in.readInt();
                int height = in.readInt();
                byte[] jpeg = in.readNBytes(length(in, file, "jpegLength"));
                int labelCount = length(in, file, "labelCount");
                List<Label> labels = new ArrayList<>(Math.min(labelCount, 1024));
                for (int l = 0; l < labelCount; l++) {
                    labels.add(new Label(in.readInt(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat()));
                }
                images.add(new UploadImage(imageId, width, height, jpeg, labels));
            }
            if (in.available() > 0) {
                throw new IOException(file + ": " + in.available() + " bytes after the last image (expected: none)");
            }
            return new UploadSpool.Spooled(new UploadBatch(batchId, edgeId, images), receivedMillis);
        } catch (EOFException e) {
            throw new IOException(file + ": ends before the batch does (" + content.length + " bytes)", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int length(DataInputStream in, Path file, String field) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > MAX_LENGTH) {
            throw new IOException(file + ": " + field + " " + value + " (expected: 0 to " + MAX_LENGTH + ")");
        }
        return value;
    }
}
