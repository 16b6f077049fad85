package io.acai.scenes;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The object classes of the synthetic scenes, in class-id order. Each draws its outline around the
 * origin within the unit circle; the renderer rotates and scales it to the object's size.
 */
public enum SceneShape {
    CIRCLE(0),
    SQUARE(Math.PI / 2),
    TRIANGLE(2 * Math.PI / 3),
    CROSS(Math.PI / 2),
    STAR(2 * Math.PI / 5);

    private final double symmetry;

    SceneShape(double symmetry) {
        this.symmetry = symmetry;
    }

    /** The class id: the position in {@link SceneClasses#NAMES}. */
    public int id() {
        return ordinal();
    }

    /** The class name, lower case, as the {@code .names} file lists it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A rotation that matters for this shape (none for a circle), uniform over one symmetry period. */
    double rotation(SplittableRandom random) {
        return symmetry == 0 ? 0 : random.nextDouble() * symmetry;
    }

    /** The unrotated outline, with the shape's own proportions drawn from {@code random}. */
    Shape outline(SplittableRandom random) {
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(-1, -1, 2, 2);
            case SQUARE -> new Rectangle2D.Double(-1, -1, 2, 2);
            case TRIANGLE -> regularPolygon(3, 1, 1);
            case CROSS -> cross(0.22 + random.nextDouble() * 0.14);
            case STAR -> regularPolygon(5, 1, 0.38 + random.nextDouble() * 0.12);
        };
    }

    /** A polygon with {@code points} outer vertices; an inner radius below 1 makes it a star. */
    private static Shape regularPolygon(int points, double outer, double inner) {
        Path2D.Double path = new Path2D.Double();
        boolean star = inner < outer;
        int vertices = star ? points * 2 : points;
        for (int i = 0; i < vertices; i++) {
            double angle = -Math.PI / 2 + i * 2 * Math.PI / vertices;
            double radius = star && i % 2 == 1 ? inner : outer;
            double x = radius * Math.cos(angle);
            double y = radius * Math.sin(angle);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    /** A plus sign whose arms are {@code 2 * halfWidth} wide. */
    private static Shape cross(double halfWidth) {
        double w = halfWidth;
        double[] xs = {-w, w, w, 1, 1, w, w, -w, -w, -1, -1, -w};
        double[] ys = {-1, -1, -w, -w, w, w, 1, 1, w, w, -w, -w};
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }
}
