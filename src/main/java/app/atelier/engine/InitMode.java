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
    BLEND,
    /**
     * The content image recoloured to the (first) style image's colour mean and covariance (the
     * reverse of {@link RenderQuality#matchHistogram()}): the optimisation starts in the painting's
     * palette, so it spends its iterations on strokes and shapes instead of colours.
     */
    RECOLORED
}
