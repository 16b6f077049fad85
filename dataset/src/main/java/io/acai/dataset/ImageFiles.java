package io.acai.dataset;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Which files are images, and decoding them as {@link BufferedImage#TYPE_3BYTE_BGR}. */
public final class ImageFiles {

    /** Extensions taken for images, lower case; the JDK decodes all of them. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff");

    private ImageFiles() {
    }

    /** Whether the file's name ends in an image extension (any case). */
    public static boolean hasImageExtension(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /** The lower-case extension without its dot, empty when there is none. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /**
     * Why the file cannot be an image, looking only at its first bytes; empty when a decoder claims it.
     */
    static String problem(Path file) {
        if (!Files.isReadable(file)) {
            return "unreadable file";
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return "unreadable file";
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            return readers.hasNext() ? "" : "not an image (no decoder recognises its content)";
        } catch (IOException e) {
            return "unreadable file: " + e.getMessage();
        }
    }

    /** Decodes an image file as {@code TYPE_3BYTE_BGR}; fails naming the file. */
    public static BufferedImage readBgr(Path file) throws IOException {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot decode image: " + e.getMessage(), e);
        }
        if (decoded == null) {
            throw new IOException(file + ": not an image (no decoder recognises its content)");
        }
        return toBgr(decoded);
    }

    /** The image itself when already {@code TYPE_3BYTE_BGR}, otherwise a converted copy. */
    public static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }
}
