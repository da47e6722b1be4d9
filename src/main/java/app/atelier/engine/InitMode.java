package app.atelier.engine;

/** What the generated image starts from. */
public enum InitMode {
    /** Seeded white noise. */
    NOISE,
    /** The content image. */
    CONTENT,
    /** The (first) style image, resized to the output size. */
    STYLE,
    /** The content image mixed with seeded noise. */
    BLEND
}
