package app.atelier.engine;

/**
 * The settings a first render uses when the user sets nothing; the CLI's --help and the window's
 * reset action both come from here, so {@code render} without options and Start in a fresh window
 * compute the same picture. Why each value: docs/quality.md ("Defaults that repaint").
 */
public final class Defaults {
    /** 512 px: 256 px is a thumbnail; three SqueezeNet scales to 512 px take about 30 s on an idle 2-core CPU. */
    public static final int LONG_SIDE = 512;
    /** 3 scales × 100: enough for the strokes to settle at each size (docs/quality.md). */
    public static final int ITERATIONS = 300;
    /**
     * The photo in the painting's colours: starting from the photo itself the render kept the
     * photo's palette (colour-histogram ratio 0.32-0.77 on 9 pairs); recoloured, it starts there.
     */
    public static final InitMode INIT = InitMode.RECOLORED;
    /**
     * The painting is read at half the picture's size, so its motifs come out smaller and more of
     * them cover the picture: Chicago × Udnie's flat sky took facets as in the published look, and
     * the luma SSIM to the photo fell from 0.51 to 0.45 (Dog × Great Wave 0.47); docs/quality.md.
     */
    public static final double STYLE_SCALE = 0.5;
    /**
     * Coarse to fine over 3 sizes (√2 apart): the small sizes lay down the painting's large shapes,
     * and the window shows a small painting within seconds of Start. Each size ends in the
     * painting's palette: without it the quality set kept up to 0.39 of the photo's colour distance
     * to the painting (Udnie, Composition VII), with it at most 0.15 (docs/quality.md).
     */
    public static final RenderQuality QUALITY = RenderQuality.DEFAULT.withScales(3, 0).withPaintingPalette(true)
            .withStyleScale(STYLE_SCALE);
    public static final long SEED = 42;
    public static final Pooling POOLING = Pooling.MAX;
    public static final ComputeDevice DEVICE = ComputeDevice.AUTO;
    public static final BackboneKind BACKBONE = BackboneKind.SQUEEZENET1_1;

    /** Pixel step of Adam in [0, 1] RGB units: large enough to restyle in ~100 steps, small enough not to speckle. */
    public static final double LEARNING_RATE = 0.015;

    /** Content weight α under {@link CostMode#NORMALIZED}. */
    public static final double ALPHA = 1.0;

    /** Style weight β under {@link CostMode#NORMALIZED}: the style strength, 1 = the default balance. */
    public static final double STYLE_STRENGTH = 1.0;

    private Defaults() {
    }

    /** Parameters that give a good picture with {@code backbone} at the default size. */
    public static LiveParameters parameters(BackboneKind backbone) {
        // Normalised costs: the same α and β (the style strength) on every network.
        return new LiveParameters(ALPHA, STYLE_STRENGTH, 0.0, LEARNING_RATE,
                backbone.defaultContentLayers(), backbone.defaultStyleLayers(), CostMode.NORMALIZED);
    }
}
