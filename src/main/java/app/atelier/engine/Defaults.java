package app.atelier.engine;

/**
 * The settings a first render uses when the user sets nothing; the CLI's --help and the window's
 * reset action both come from here. PLACEHOLDER values until the engine is tuned.
 */
public final class Defaults {
    public static final int LONG_SIDE = 256;
    public static final int ITERATIONS = 200;
    public static final InitMode INIT = InitMode.CONTENT;
    public static final long SEED = 42;
    public static final Pooling POOLING = Pooling.MAX;
    public static final ComputeDevice DEVICE = ComputeDevice.AUTO;
    public static final BackboneKind BACKBONE = BackboneKind.SQUEEZENET1_1;

    private Defaults() {
    }

    /** Parameters that give a good picture with {@code backbone} at the default size. */
    public static LiveParameters parameters(BackboneKind backbone) {
        return new LiveParameters(1.0, 1.0, 0.0, 0.02, backbone.defaultContentLayers(), backbone.defaultStyleLayers());
    }
}
