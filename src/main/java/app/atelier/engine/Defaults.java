package app.atelier.engine;

/**
 * The settings a first render uses when the user sets nothing; the CLI's --help and the window's
 * reset action both come from here.
 *
 * <p>SqueezeNet values were tuned by eye on dog.jpg in the style of scream.jpg at 256 px: from
 * the content image, 100 iterations already show the painting's strokes and colours with the
 * dog clearly recognisable; 200 settle it (about 40 ms per iteration on a 2-core CPU). VGG19
 * values follow the widely used PyTorch recipe translated into the design's normalisation (see
 * {@link BackboneKind}); they were not tuned on real VGG19 weights.
 */
public final class Defaults {
    public static final int LONG_SIDE = 256;
    public static final int ITERATIONS = 200;
    public static final InitMode INIT = InitMode.CONTENT;
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
