package io.acai.launcher.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a tar stream (ustar and GNU, as {@code tar cf -} in a container writes
 * it): 512-byte headers, octal sizes, the ustar name prefix and GNU long names. Directories, links
 * and pax headers are skipped. Used to copy the apps' files out of pods without an extra library.
 */
final class TarStreamReader {

    private static final int BLOCK = 512;

    /** Receives each regular file. */
    interface FileSink {
        void accept(String name, byte[] content) throws IOException;
    }

    private TarStreamReader() {
    }

    /** Reads every entry and hands each regular file to {@code sink}; returns how many there were. */
    static int read(InputStream in, FileSink sink) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        int files = 0;
        while (true) {
            if (!readBlock(in, header)) {
                return files;
            }
            if (isZero(header)) {
                return files;
            }
            String name = text(header, 0, 100);
            long size = size(header);
            char type = (char) header[156];
            if (isUstar(header)) {
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            byte[] content = readContent(in, size);
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
            } else if (type == '0' || type == '\0' || type == '7') {
                sink.accept(name, content);
                files++;
            }
        }
    }

    /**
     * True when {@code archive} holds whole entries up to the end-of-archive block, i.e. nothing was
     * cut off in transfer.
     */
    static boolean isComplete(byte[] archive) {
        int offset = 0;
        byte[] header = new byte[BLOCK];
        while (offset + BLOCK <= archive.length) {
            System.arraycopy(archive, offset, header, 0, BLOCK);
            if (isZero(header)) {
                return true;
            }
            long size;
            try {
                size = size(header);
            } catch (IOException e) {
                return false;
            }
            offset += BLOCK + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return false;
    }

    private static byte[] readContent(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE - BLOCK) {
            throw new IOException("tar entry size: " + size + " (expected: 0 to 2 GiB)");
        }
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        byte[] content = in.readNBytes((int) padded);
        if (content.length < padded) {
            throw new EOFException("tar stream ends inside an entry (" + content.length + " of " + padded + " bytes)");
        }
        if (padded == size) {
            return content;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        out.write(content, 0, (int) size);
        return out.toByteArray();
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("tar stream ends inside a header (" + read + " of " + BLOCK + " bytes)");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUstar(byte[] header) {
        return text(header, 257, 5).equals("ustar");
    }

    private static long size(byte[] header) throws IOException {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String octal = text(header, 124, 12).trim();
        try {
            return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar entry size: \"" + octal + "\" (expected: octal digits)", e);
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
