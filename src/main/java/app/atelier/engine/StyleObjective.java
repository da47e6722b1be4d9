package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The cost of one generated picture against fixed targets.
 *
 * <p>{@link CostMode#EXACT}: total = α·Σ J_content^l + β·Σ λ_l J_style^l + γ·TV, the design's formulas.
 *
 * <p>{@link CostMode#NORMALIZED}: total = α·C + β·S + γ·TV with C the mean over content layers of
 * J_content^l / N_l, S = Σ λ_l (100·J_style^l / M_l) / Σ λ_l, and N_l, M_l each term's value for an
 * all-zero activation or Gram matrix (the squared norm of the target, in the term's own units), fixed
 * when the target is computed. C and S are relative squared errors (S in per cent), of the same size for
 * any layer of any network, so one α and β serve every network, layer set and pair of pictures. The breakdown
 * reports C, S and each layer's 100·J_style^l / M_l. Unlike the exact terms (pixel gradients near 1e-9,
 * below Adam's ε), these give pixel gradients of about 1e-4 at 256-512 px (measured by
 * {@code CostScaleSurvey}; {@code CostModeTest} keeps them above 100·ε), so no loss scale is needed.
 */
final class StyleObjective {

    /**
     * Normalised style terms are relative Gram errors in per cent (content terms stay fractions):
     * at α = β = 1 this is the balance that repaints the photo (measured on the quality set, see
     * docs/quality.md; with fractions on both sides the render stays a filtered photo).
     */
    static final double STYLE_PERCENT = 100;

    /** The differentiable total and its parts as numbers. */
    record Evaluation(NDArray total, LossBreakdown breakdown) {
    }

    private final Backbone backbone;
    private final StyleTargets targets;

    StyleObjective(Backbone backbone, StyleTargets targets) {
        this.backbone = backbone;
        this.targets = targets;
    }

    /** Computes whatever targets {@code parameters} need; call outside any gradient recording. */
    void prepare(LiveParameters parameters) {
        targets.ensure(new LinkedHashSet<>(parameters.contentLayers()), styleLayerNames(parameters));
    }

    /**
     * Evaluates the cost of {@code image} ([1, 3, H, W], RGB in [0, 1]); every array it creates
     * belongs to {@code image}'s manager. {@link #prepare} must have run for these parameters.
     */
    Evaluation evaluate(NDArray image, LiveParameters parameters) {
        Set<String> wanted = new LinkedHashSet<>(parameters.contentLayers());
        wanted.addAll(styleLayerNames(parameters));
        Map<String, NDArray> features = backbone.features(image, wanted);

        boolean normalized = parameters.costMode() == CostMode.NORMALIZED;
        // Normalisers and the averaging are folded into each term's one scale factor, so both modes
        // build the same graph (one multiplication by a number per term).
        int contentCount = parameters.contentLayers().size();
        NDArray content = null;
        for (String layer : parameters.contentLayers()) {
            double divisor = normalized ? targets.contentNormalizer(layer) * contentCount : 1;
            NDArray cost = StyleCosts.content(targets.content(layer), features.get(layer), divisor);
            content = content == null ? cost : content.add(cost);
        }
        double weights = parameters.styleLayers().stream().mapToDouble(StyleLayer::weight).sum();
        NDArray style = image.getManager().zeros(new ai.djl.ndarray.types.Shape(), image.getDataType());
        Map<String, Double> perLayer = new LinkedHashMap<>();
        for (StyleLayer layer : parameters.styleLayers()) {
            double divisor = normalized ? targets.styleNormalizer(layer.name()) / STYLE_PERCENT : 1;
            NDArray cost = StyleCosts.styleOfActivations(targets.gram(layer.name()), features.get(layer.name()), divisor);
            perLayer.put(layer.name(), value(cost));
            double share = normalized ? (weights > 0 ? layer.weight() / weights : 0) : layer.weight();
            style = style.add(cost.mul(share));
        }
        NDArray tv = StyleCosts.totalVariation(image);
        NDArray total = content.mul(parameters.alpha())
                .add(style.mul(parameters.beta()))
                .add(tv.mul(parameters.tvWeight()));
        LossBreakdown breakdown = new LossBreakdown(value(total), value(content), value(style), perLayer, value(tv));
        // Backward's peak is the highest memory of an iteration; autograd keeps the activations it
        // needs and frees each as backward passes it, but only if no Java handle still holds it.
        features.values().forEach(NDArray::close);
        return new Evaluation(total, breakdown);
    }

    private static Set<String> styleLayerNames(LiveParameters parameters) {
        Set<String> names = new LinkedHashSet<>();
        parameters.styleLayers().forEach(layer -> names.add(layer.name()));
        return names;
    }

    static double value(NDArray scalar) {
        return scalar.getDataType() == DataType.FLOAT64 ? scalar.getDouble() : scalar.getFloat();
    }
}
