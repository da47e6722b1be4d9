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
 */
public record LiveParameters(double alpha, double beta, double tvWeight, double learningRate,
                             List<String> contentLayers, List<StyleLayer> styleLayers) {

    /**
     * The largest learning rate the window and the command line accept: pixels span 0..1, and a
     * step of 10 already throws every pixel to black or white.
     */
    public static final double MAX_LEARNING_RATE = 10;

    public LiveParameters {
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

    private static void requireNonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
    }

    public LiveParameters withAlpha(double value) {
        return new LiveParameters(value, beta, tvWeight, learningRate, contentLayers, styleLayers);
    }

    public LiveParameters withBeta(double value) {
        return new LiveParameters(alpha, value, tvWeight, learningRate, contentLayers, styleLayers);
    }

    public LiveParameters withTvWeight(double value) {
        return new LiveParameters(alpha, beta, value, learningRate, contentLayers, styleLayers);
    }

    public LiveParameters withLearningRate(double value) {
        return new LiveParameters(alpha, beta, tvWeight, value, contentLayers, styleLayers);
    }

    public LiveParameters withContentLayers(List<String> value) {
        return new LiveParameters(alpha, beta, tvWeight, learningRate, value, styleLayers);
    }

    public LiveParameters withStyleLayers(List<StyleLayer> value) {
        return new LiveParameters(alpha, beta, tvWeight, learningRate, contentLayers, value);
    }
}
