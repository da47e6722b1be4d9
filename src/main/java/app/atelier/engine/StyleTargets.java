package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed targets of one job: the content image's activations and the style images' Gram
 * matrices (mixed by the styles' weights). A layer's target is computed, without gradient, the
 * first time a layer is used, then kept: live parameters may switch to other layers at any
 * moment, and most layers are never used, so computing all of them up front would waste memory.
 *
 * <p>Style images keep their own aspect at the output's long side, so their activations have a
 * different number of positions than the generated image's; their Gram matrices are rescaled by
 * (generated positions / style positions), which makes them comparable under the design's
 * 1/(n_H·n_W)² normalisation exactly as if the style had the output's size.
 */
final class StyleTargets implements AutoCloseable {

    private final Backbone backbone;
    private final NDManager manager;
    private final NDArray content;
    private final List<NDArray> styles;
    private final double[] styleWeights;
    private final Map<String, NDArray> contentTargets = new HashMap<>();
    private final Map<String, NDArray> gramTargets = new HashMap<>();
    private final Map<String, Double> contentNormalizers = new HashMap<>();
    private final Map<String, Double> styleNormalizers = new HashMap<>();

    /**
     * Targets computed by other targets of the same size, reused as they are: the style Grams and
     * every normaliser, so that all tiles of a print weigh their terms alike.
     */
    private record SharedStyle(Map<String, NDArray> grams, Map<String, Double> styleNormalizers,
                               Map<String, Double> contentNormalizers) {
    }

    /**
     * @param content the content image already at the output size
     * @param styles  style images at the output's long side
     */
    StyleTargets(Backbone backbone, NDManager parent, RgbImage content, List<StyleSource> styles, DataType dataType) {
        this(backbone, parent, content, styles, dataType, new SharedStyle(Map.of(), Map.of(), Map.of()));
    }

    private StyleTargets(Backbone backbone, NDManager parent, RgbImage content, List<StyleSource> styles,
                         DataType dataType, SharedStyle shared) {
        this.gramTargets.putAll(shared.grams);
        this.styleNormalizers.putAll(shared.styleNormalizers);
        this.contentNormalizers.putAll(shared.contentNormalizers);
        this.backbone = backbone;
        this.manager = parent.newSubManager();
        this.content = ImageTensors.toTensor(manager, content, dataType);
        this.styles = styles.stream().map(s -> ImageTensors.toTensor(manager, s.image(), dataType)).toList();
        double sum = styles.stream().mapToDouble(StyleSource::weight).sum();
        this.styleWeights = styles.stream()
                .mapToDouble(s -> sum > 0 ? s.weight() / sum : 1.0 / styles.size()).toArray();
    }

    /** Builds targets from the job's images: the content is scaled to {@code longSide}, each style too. */
    static StyleTargets forImages(Backbone backbone, NDManager parent, RgbImage content, List<StyleSource> styles,
                                  int longSide, DataType dataType) {
        RgbImage scaledContent = ImageResizer.toLongSide(content, longSide);
        List<StyleSource> scaledStyles = styles.stream()
                .map(s -> new StyleSource(ImageResizer.toLongSide(s.image(), longSide), s.weight())).toList();
        return new StyleTargets(backbone, parent, scaledContent, scaledStyles, dataType);
    }

    /**
     * Targets for another content picture of the same size that reuse this one's style Gram
     * matrices and normalisers (those {@link #ensure} has computed): the print pass's tiles all
     * have one size, so one style target serves them all, and a tile of plain sky weighs its
     * content as much as one of detail (its own normaliser could even be 0). The Grams stay
     * owned by this object: close it last.
     */
    StyleTargets withContent(RgbImage sameSizeContent) {
        if (sameSizeContent.width() != content.getShape().get(3) || sameSizeContent.height() != content.getShape().get(2)) {
            throw new IllegalArgumentException("shared style targets need content of the same size");
        }
        return new StyleTargets(backbone, manager.getParentManager(), sameSizeContent, List.of(), content.getDataType(),
                new SharedStyle(gramTargets, styleNormalizers, contentNormalizers));
    }

    /** The content image as a tensor at the output size, in [0, 1]. */
    NDArray contentImage() {
        return content;
    }

    /** The first style image as a tensor at the output's long side. */
    NDArray firstStyleImage() {
        return styles.get(0);
    }

    /** Computes (once) whatever targets these layers need that are not known yet. */
    void ensure(Set<String> contentLayers, Set<String> styleLayers) {
        Set<String> missingContent = new LinkedHashSet<>(contentLayers);
        missingContent.removeAll(contentTargets.keySet());
        Set<String> missingStyle = new LinkedHashSet<>(styleLayers);
        missingStyle.removeAll(gramTargets.keySet());
        if (missingContent.isEmpty() && missingStyle.isEmpty()) {
            return;
        }
        // The content forward also gives the generated image's positions per style layer.
        Set<String> contentPass = new HashSet<>(missingContent);
        contentPass.addAll(missingStyle);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray input = content.duplicate();
            input.attach(scratch);
            Map<String, NDArray> contentFeatures = backbone.features(input, contentPass);
            for (String layer : missingContent) {
                NDArray target = keep(contentFeatures.get(layer));
                contentTargets.put(layer, target);
                contentNormalizers.putIfAbsent(layer, StyleCosts.contentNormalizer(target));
            }
            if (!missingStyle.isEmpty()) {
                Map<String, NDArray> mixed = new HashMap<>();
                for (int i = 0; i < styles.size(); i++) {
                    NDArray style = styles.get(i).duplicate();
                    style.attach(scratch);
                    Map<String, NDArray> styleFeatures = backbone.features(style, missingStyle);
                    for (String layer : missingStyle) {
                        NDArray activations = styleFeatures.get(layer);
                        double scale = styleWeights[i] * positions(contentFeatures.get(layer)) / positions(activations);
                        NDArray weighted = StyleCosts.gram(activations).mul(scale);
                        mixed.merge(layer, weighted, NDArray::add);
                    }
                }
                mixed.forEach((layer, gram) -> {
                    gramTargets.put(layer, keep(gram));
                    styleNormalizers.put(layer, StyleCosts.styleNormalizer(gram,
                            (long) positions(contentFeatures.get(layer))));
                });
            }
        }
    }

    private NDArray keep(NDArray array) {
        array.attach(manager);
        return array;
    }

    private static double positions(NDArray activations) {
        return (double) activations.getShape().get(2) * activations.getShape().get(3);
    }

    /** The content activations at {@code layer}; {@link #ensure} must have seen the layer. */
    NDArray content(String layer) {
        return require(contentTargets, layer);
    }

    /** The mixed style Gram matrix at {@code layer}; {@link #ensure} must have seen the layer. */
    NDArray gram(String layer) {
        return require(gramTargets, layer);
    }

    /**
     * The content term's normaliser at {@code layer} (its value for an all-zero activation), fixed
     * with the target; {@link #ensure} must have seen the layer.
     */
    double contentNormalizer(String layer) {
        return require(contentNormalizers, layer);
    }

    /**
     * A style layer's normaliser (its term's value for an all-zero Gram matrix), fixed with the
     * target; {@link #ensure} must have seen the layer.
     */
    double styleNormalizer(String layer) {
        return require(styleNormalizers, layer);
    }

    private static <T> T require(Map<String, T> targets, String layer) {
        T target = targets.get(layer);
        if (target == null) {
            throw new IllegalStateException("no target computed for layer " + layer);
        }
        return target;
    }

    @Override
    public void close() {
        manager.close();
    }
}
