package io.acai.scenes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * One object rasterised, antialiased, into a coverage mask before it is coloured: red holds the
 * fill's weight, green the outline's, alpha the total coverage. The mask's tight bounds (every
 * pixel with coverage above 0) are the object's ground-truth box, exact to the pixel.
 */
final class ShapeSprite {

    final int width;
    final int height;
    final int[] argb;
    /** Tight bounds of the covered pixels, inclusive, in sprite pixels. */
    final int minX;
    final int minY;
    final int maxX;
    final int maxY;

    private ShapeSprite(int width, int height, int[] argb, int minX, int minY, int maxX, int maxY) {
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
    }

    /**
     * Draws {@code outline} rotated by {@code rotation} and scaled so that the larger side of its
     * fill's bounds is {@code size} pixels, with an outline stroke of {@code stroke} pixels (0: none),
     * shifted by a subpixel phase (0..1 on each axis) so that edges do not always fall on pixel boundaries.
     */
    static ShapeSprite draw(Shape outline, double rotation, double size, double stroke, double phaseX,
            double phaseY) {
        Shape rotated = AffineTransform.getRotateInstance(rotation).createTransformedShape(outline);
        Rectangle2D bounds = rotated.getBounds2D();
        double scale = size / Math.max(bounds.getWidth(), bounds.getHeight());
        double margin = Math.ceil(stroke / 2) + 2;
        AffineTransform place = AffineTransform.getTranslateInstance(margin + phaseX - bounds.getX() * scale,
                margin + phaseY - bounds.getY() * scale);
        place.scale(scale, scale);
        Shape shape = place.createTransformedShape(rotated);
        int width = (int) Math.ceil(bounds.getWidth() * scale + 2 * margin + 1);
        int height = (int) Math.ceil(bounds.getHeight() * scale + 2 * margin + 1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.RED);
            g.fill(shape);
            if (stroke > 0) {
                g.setColor(Color.GREEN);
                g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            }
        } finally {
            g.dispose();
        }
        int[] argb = BackgroundPainter.pixels(image);
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if ((argb[row + x] >>> 24) != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            throw new IllegalStateException("shape of size " + size + " covered no pixel");
        }
        return new ShapeSprite(width, height, argb, minX, minY, maxX, maxY);
    }

    int boxWidth() {
        return maxX - minX + 1;
    }

    int boxHeight() {
        return maxY - minY + 1;
    }
}
