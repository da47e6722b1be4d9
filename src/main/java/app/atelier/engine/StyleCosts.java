package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The Gatys costs exactly as the design states them, on activations of shape [1, C, H, W].
 * Each returns a scalar array in the first operand's manager, differentiable by autograd.
 */
final class StyleCosts {

    private StyleCosts() {
    }

    /** J_content = 1/(4·n_H·n_W·n_C) · Σ (a^C − a^G)². */
    static NDArray content(NDArray target, NDArray generated) {
        return content(target, generated, 1);
    }

    /** J_content / {@code divisor}, the divisor folded into the formula's one scale factor. */
    static NDArray content(NDArray target, NDArray generated, double divisor) {
        requireSameShape(target, generated, "content activations");
        Shape shape = generated.getShape();
        double scale = 1.0 / (4.0 * shape.get(1) * shape.get(2) * shape.get(3) * divisor);
        return generated.sub(target).square().sum().mul(scale);
    }

    /** G_ij = Σ_k a_ik a_jk over the n_H·n_W positions k: a [C, C] matrix. */
    static NDArray gram(NDArray activations) {
        NDArray flat = byChannel(activations);
        return flat.matMul(flat.transpose());
    }

    /** [1, C, H, W] as [C, H·W]: a channel's values over the positions in a row. */
    private static NDArray byChannel(NDArray activations) {
        Shape shape = activations.getShape();
        return activations.reshape(shape.get(1), shape.get(2) * shape.get(3));
    }

    /**
     * J_style^l = 1/(4·n_C²·(n_H·n_W)²) · Σ (G^S − G^G)².
     *
     * @param positions n_H·n_W of the generated image's activations at this layer
     */
    static NDArray style(NDArray targetGram, NDArray generatedGram, long positions) {
        return style(targetGram, generatedGram, positions, 1);
    }

    /** J_style^l / {@code divisor}, the divisor folded into the formula's one scale factor. */
    static NDArray style(NDArray targetGram, NDArray generatedGram, long positions, double divisor) {
        requireSameShape(targetGram, generatedGram, "Gram matrices");
        double channels = generatedGram.getShape().get(0);
        double scale = 1.0 / (4.0 * channels * channels * (double) positions * positions * divisor);
        return generatedGram.sub(targetGram).square().sum().mul(scale);
    }

    /**
     * J_style^l / {@code divisor} of the generated {@code activations} ([1, C, H, W]) against
     * {@code targetGram}: the value of {@code style(targetGram, gram(activations), H·W, divisor)},
     * built so that backward makes one matrix product per layer instead of two.
     *
     * <p>With G = F·Fᵀ and D = ∂J/∂G = 2s(G − G^S), which is symmetric, ∂J/∂F = (D + Dᵀ)·F = 2·D·F.
     * Autograd of F·Fᵀ computes the two terms as two products of the Gram's size by the layer's;
     * with the right factor detached (F·F̄ᵀ, the same numbers) it computes D·F alone, half the
     * gradient, and the cost returned as 2J − J̄ (J̄ detached) has J's value and twice that gradient.
     * The Gram matrices are a third of a SqueezeNet iteration; this saves a third of them
     * (docs/performance.md, "Levers").
     */
    static NDArray styleOfActivations(NDArray targetGram, NDArray activations, double divisor) {
        NDArray flat = byChannel(activations);
        NDArray generatedGram = flat.matMul(flat.stopGradient().transpose());
        NDArray cost = style(targetGram, generatedGram, flat.getShape().get(1), divisor);
        return cost.mul(2).sub(cost.stopGradient());
    }

    /**
     * J_content for an all-zero activation, ‖a^C‖²/(4·n_H·n_W·n_C): the content term's normaliser
     * under {@link CostMode#NORMALIZED}, as a plain number (the target is fixed, so no gradient).
     */
    static double contentNormalizer(NDArray target) {
        Shape shape = target.getShape();
        return squaredNorm(target) / (4.0 * shape.get(1) * shape.get(2) * shape.get(3));
    }

    /**
     * J_style for an all-zero Gram matrix, ‖G^S‖²/(4·n_C²·(n_H·n_W)²): a style layer's normaliser
     * under {@link CostMode#NORMALIZED}.
     *
     * @param positions n_H·n_W of the generated image's activations at this layer
     */
    static double styleNormalizer(NDArray targetGram, long positions) {
        double channels = targetGram.getShape().get(0);
        return squaredNorm(targetGram) / (4.0 * channels * channels * (double) positions * positions);
    }

    private static double squaredNorm(NDArray array) {
        // Summed in float64: a Gram matrix's squares reach 1e12 and more at deep layers.
        try (NDArray wide = array.toType(DataType.FLOAT64, true);
             NDArray squared = wide.square();
             NDArray sum = squared.sum()) {
            return sum.getDouble();
        }
    }

    /**
     * Total variation: the mean of the squared differences between vertically and horizontally
     * neighbouring values of the [1, C, H, W] image. The mean (rather than the sum) keeps γ's
     * meaning the same at every picture size.
     */
    static NDArray totalVariation(NDArray image) {
        NDArray down = image.get(new NDIndex(":, :, 1:, :")).sub(image.get(new NDIndex(":, :, :-1, :")));
        NDArray right = image.get(new NDIndex(":, :, :, 1:")).sub(image.get(new NDIndex(":, :, :, :-1")));
        double count = down.size() + right.size();
        return down.square().sum().add(right.square().sum()).div(count);
    }

    private static void requireSameShape(NDArray a, NDArray b, String what) {
        if (!a.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException(what + " differ in shape: " + a.getShape() + " vs " + b.getShape());
        }
    }
}
