package io.acai.scenes;

/** The kinds of backdrop a scene is drawn on. */
public enum Background {
    /** One colour. */
    FLAT,
    /** A linear blend between two colours in a random direction. */
    GRADIENT,
    /** A flat or graded base with translucent bars and lines that are no class's shape. */
    CLUTTER,
    /** Two-octave value noise between two nearby colours. */
    TEXTURE
}
