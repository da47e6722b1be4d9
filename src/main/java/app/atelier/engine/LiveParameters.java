package app.atelier.engine;

import java.util.List;

/**
 * Everything that may change while a job runs; a new value applies from the next iteration with
 * the current image kept. Immutable: the window builds a new one per slider move.
 *
 * @param alpha         content weight α (>= 0)
 * @param beta          style weight β (>= 0)
 * @param tvWeight      total-variation weight γ (>= 0, may be 0)
 * @param learningRate  optimiser step size on pixels in [0,1] units (> 0)
 * @param contentLayers one or more content taps
 * @param styleLayers   style taps with their λ_l (may be empty)
 * @param costMode      how the content and style terms are scaled before α and β weigh them:
 *                      {@link CostMode#NORMALIZED} (the default: β is the style strength, 1 = the
 *                      default balance on any network) or {@link CostMode#EXACT} (the design's
 *                      formulas; what settings written before this field meant, with their old β)
 */
public record LiveParameters(double alpha, double beta, double tvWeight, double learningRate,
                             List<String> contentLayers, List<StyleLayer> styleLayers, CostMode costMode) {

    /**
     * The largest learning rate the window and the command line accept: pixels span 0..1, and a
     * step of 10 already throws every pixel to black or white.
     */
    public static final double MAX_LEARNING_RATE = 10;

    public LiveParameters {
        if (costMode == null) {
            throw new IllegalArgumentException("cost mode is required");
        }
        requireNonNegative("alpha", alpha);
        requireNonNegative("beta", beta);
        requireNonNegative("tv weight", tvWeight);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        contentLayers = List.copyOf(contentLayers);
        styleLayers = List.copyOf(styleLayers);
        if (contentLayers.isEmpty()) {
            throw new IllegalArgumentException("at least one content layer is needed");
        }
    }

    /** Exact costs, as every setting meant before {@link CostMode} existed. */
    public LiveParameters(double alpha, double beta, double tvWeight, double learningRate,
                          List<String> contentLayers, List<StyleLayer> styleLayers) {
        this(alpha, beta, tvWeight, learningRate, contentLayers, styleLayers, CostMode.EXACT);
    }

    private static void requireNonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
    }

    public LiveParameters withAlpha(double value) {
        return new LiveParameters(value, beta, tvWeight, learningRate, contentLayers, styleLayers, costMode);
    }

    public LiveParameters withBeta(double value) {
        return new LiveParameters(alpha, value, tvWeight, learningRate, contentLayers, styleLayers, costMode);
    }

    public LiveParameters withTvWeight(double value) {
        return new LiveParameters(alpha, beta, value, learningRate, contentLayers, styleLayers, costMode);
    }

    public LiveParameters withLearningRate(double value) {
        return new LiveParameters(alpha, beta, tvWeight, value, contentLayers, styleLayers, costMode);
    }

    public LiveParameters withContentLayers(List<String> value) {
        return new LiveParameters(alpha, beta, tvWeight, learningRate, value, styleLayers, costMode);
    }

    public LiveParameters withStyleLayers(List<StyleLayer> value) {
        return new LiveParameters(alpha, beta, tvWeight, learningRate, contentLayers, value, costMode);
    }

    public LiveParameters withCostMode(CostMode value) {
        return new LiveParameters(alpha, beta, tvWeight, learningRate, contentLayers, styleLayers, value);
    }
}
