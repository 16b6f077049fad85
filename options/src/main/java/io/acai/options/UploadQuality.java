package io.acai.options;

/**
 * The word for lossless uploads, the same in the edge's {@code --upload-quality} and in a config's
 * {@code app.uploadQuality}: a PNG file of the frame's pixels instead of a JPEG at a quality in (0, 1].
 */
public final class UploadQuality {

    /** {@value}. */
    public static final String LOSSLESS = "lossless";

    private UploadQuality() {
    }
}
