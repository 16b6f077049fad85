package io.acai.edge.upload;

import io.acai.options.UploadQuality;
import java.util.Locale;

/**
 * How an uploaded frame is encoded ({@code --upload-quality}): JPEG at a quality above 0 and at most 1, or
 * {@code lossless}, a PNG file holding exactly the pixels the edge judged. JPEG smooths the sensor noise and the
 * colour of dark frames, so a cloud that trains on JPEG frames learns from frames a little unlike those the edges
 * see (docs/benchmarks.md, "What the upload encoding costs the retraining").
 *
 * @param quality the JPEG quality, or {@link Float#NaN} for lossless
 */
public record UploadEncoding(float quality) {

    /** PNG: the frame's pixels exactly. */
    public static final UploadEncoding LOSSLESS = new UploadEncoding(Float.NaN);

    /** The edge's default: JPEG at 0.9. */
    public static final UploadEncoding DEFAULT = new UploadEncoding(0.9f);

    public UploadEncoding {
        if (!Float.isNaN(quality) && !(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("--upload-quality : " + quality
                    + " (expected: above 0 and at most 1, or " + UploadQuality.LOSSLESS + ")");
        }
    }

    /**
     * {@code lossless} or a JPEG quality.
     *
     * @throws IllegalArgumentException naming the option and the value when it is neither
     */
    public static UploadEncoding parse(String value) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (word.equals(UploadQuality.LOSSLESS)) {
            return LOSSLESS;
        }
        float quality;
        try {
            quality = Float.parseFloat(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--upload-quality : '" + value
                    + "' (expected: a JPEG quality above 0 and at most 1, or " + UploadQuality.LOSSLESS + ")");
        }
        return new UploadEncoding(quality);
    }

    public boolean lossless() {
        return Float.isNaN(quality);
    }

    /** {@code lossless} or the quality, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return lossless() ? UploadQuality.LOSSLESS : Float.toString(quality);
    }
}
