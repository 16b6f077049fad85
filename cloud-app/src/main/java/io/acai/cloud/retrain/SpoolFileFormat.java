package io.acai.cloud.retrain;

import io.acai.protocol.Message;
import io.acai.protocol.MessageBytes;
import io.acai.protocol.ProtocolLimits;
import io.acai.protocol.UploadBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The bytes of one spooled batch, as {@link UploadSpool} writes it: everything the cloud acknowledged, so that a
 * restarted cloud trains on exactly what it was sent.
 *
 * <p>Layout (big-endian): {@code int32 magic 0x41435350 ("ACSP"), int32 version 2, int64 receivedMillis}, then the
 * batch's {@code UPLOAD_BATCH} frame exactly as the protocol sends it ({@link MessageBytes}), so reading it back
 * checks every value as the cloud checked it on the wire, under the protocol's default limits.
 */
final class SpoolFileFormat {

    static final int MAGIC = 0x41435350;
    static final int VERSION = 2;
    private static final int HEADER_LENGTH = 4 + 4 + 8;

    private SpoolFileFormat() {
    }

    static byte[] write(UploadBatch batch, long receivedMillis) {
        byte[] frame = MessageBytes.encode(batch);
        return ByteBuffer.allocate(HEADER_LENGTH + frame.length).putInt(MAGIC).putInt(VERSION).putLong(receivedMillis)
                .put(frame).array();
    }

    /**
     * @param file only for the messages
     * @throws IOException naming the file and what is wrong, for bytes that are not a spooled batch
     */
    static UploadSpool.Spooled read(Path file, byte[] content) throws IOException {
        if (content.length < HEADER_LENGTH) {
            throw new IOException(file + ": ends before the batch does (" + content.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(content);
        int magic = in.getInt();
        if (magic != MAGIC) {
            throw new IOException(file + ": magic 0x" + Integer.toHexString(magic) + " (expected: 0x"
                    + Integer.toHexString(MAGIC) + ", a spooled batch)");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new IOException(file + ": version " + version + " (expected: " + VERSION + ")");
        }
        long receivedMillis = in.getLong();
        byte[] frame = new byte[in.remaining()];
        in.get(frame);
        Message message;
        try {
            message = MessageBytes.decode(frame, ProtocolLimits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": ends before the batch does or is damaged: " + e.getMessage(), e);
        }
        if (!(message instanceof UploadBatch batch)) {
            throw new IOException(file + ": holds a " + message.type() + " (expected: an UPLOAD_BATCH)");
        }
        return new UploadSpool.Spooled(batch, receivedMillis);
    }
}
