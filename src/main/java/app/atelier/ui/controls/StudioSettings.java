package app.atelier.ui.controls;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.CostMode;
import app.atelier.engine.Defaults;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.StyleLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every setting of the controls panel as plain data: what a preset file holds, what the studio
 * remembers between launches and what a saved PNG carries in its metadata. Enum values are kept
 * as their names so a preset stays readable and survives renamed constants with a clear error.
 *
 * @param styleLayers every tap of the backbone, ticked or not, with its weight
 * @param quality     the Quality section (without the mask, which is a picture); presets written
 *                    before it existed read as the defaults
 * @param costMode    {@link CostMode#id()} of how α and β weigh the costs; null (a preset or picture from
 *                    before cost modes existed) reads as "exact", which is what its α and β meant
 */
public record StudioSettings(String backbone, String device, String contentLayer, List<LayerSetting> styleLayers,
                             double alpha, double beta, double tvWeight, double learningRate,
                             int size, String init, int iterations, long seed, QualitySetting quality,
                             String costMode) {

    /**
     * The Quality section as plain data; enum values as their names.
     *
     * @param lbfgsGradientTolerance null (a preset from before it existed) reads as the engine's default
     * @param lbfgsCostTolerance     null (a preset from before it existed) reads as the engine's default
     * @param iterationsPerScale     0 splits the run's iterations evenly (also what older presets read as)
     */
    public record QualitySetting(String optimizer, int lbfgsHistory, Double lbfgsGradientTolerance,
                                 Double lbfgsCostTolerance, int scales, int iterationsPerScale, double emaDecay,
                                 boolean originalColors, boolean matchHistogram, double styleScale, String pooling) {

        public QualitySetting {
            if (lbfgsGradientTolerance == null) {
                lbfgsGradientTolerance = RenderQuality.DEFAULT_GRADIENT_TOLERANCE;
            }
            if (lbfgsCostTolerance == null) {
                lbfgsCostTolerance = RenderQuality.DEFAULT_COST_TOLERANCE;
            }
        }

        public static QualitySetting defaults() {
            RenderQuality quality = RenderQuality.DEFAULT;
            return new QualitySetting(quality.optimizer().name(), quality.lbfgsHistory(),
                    quality.lbfgsGradientTolerance(), quality.lbfgsCostTolerance(), quality.scales(),
                    quality.iterationsPerScale(), quality.emaDecay(), quality.originalColors(), quality.matchHistogram(), quality.styleScale(),
                    Defaults.POOLING.name());
        }
    }

    /** Settings with the default Quality section. */
    public StudioSettings(String backbone, String device, String contentLayer, List<LayerSetting> styleLayers,
                          double alpha, double beta, double tvWeight, double learningRate,
                          int size, String init, int iterations, long seed) {
        this(backbone, device, contentLayer, styleLayers, alpha, beta, tvWeight, learningRate, size, init,
                iterations, seed, QualitySetting.defaults(), CostMode.EXACT.id());
    }

    /** A style tap, whether it is used, and its weight λ. */
    public record LayerSetting(String name, boolean enabled, double weight) {
    }

    public StudioSettings {
        styleLayers = List.copyOf(styleLayers);
        if (quality == null) {
            quality = QualitySetting.defaults();
        }
        costMode = CostMode.fromId(costMode == null ? CostMode.EXACT.id() : costMode).id();
    }

    /** The defaults for {@code backbone}: what a first Start and the reset action use. */
    public static StudioSettings defaults(BackboneKind backbone) {
        LiveParameters parameters = Defaults.parameters(backbone);
        Map<String, Double> defaultWeights = parameters.styleLayers().stream()
                .collect(Collectors.toMap(StyleLayer::name, StyleLayer::weight));
        List<LayerSetting> layers = new ArrayList<>();
        for (String tap : backbone.taps()) {
            Double weight = defaultWeights.get(tap);
            layers.add(new LayerSetting(tap, weight != null, weight != null ? weight : 1.0));
        }
        return new StudioSettings(backbone.id(), Defaults.DEVICE.name(), parameters.contentLayers().get(0), layers,
                parameters.alpha(), parameters.beta(), parameters.tvWeight(), parameters.learningRate(),
                Defaults.LONG_SIDE, Defaults.INIT.name(), Defaults.ITERATIONS, Defaults.SEED, QualitySetting.defaults(),
                parameters.costMode().id());
    }

    public static StudioSettings defaults() {
        return defaults(Defaults.BACKBONE);
    }

    /** The settings as PNG text entries ("atelier.alpha" and so on), in a stable order. */
    public Map<String, String> asMetadata() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("atelier.backbone", backbone);
        result.put("atelier.device", device);
        result.put("atelier.content-layer", contentLayer);
        result.put("atelier.style-layers", styleLayers.stream().filter(LayerSetting::enabled)
                .map(layer -> layer.name() + ":" + layer.weight()).collect(Collectors.joining(",")));
        result.put("atelier.alpha", Double.toString(alpha));
        result.put("atelier.beta", Double.toString(beta));
        result.put("atelier.cost-mode", costMode);
        result.put("atelier.tv", Double.toString(tvWeight));
        result.put("atelier.lr", Double.toString(learningRate));
        result.put("atelier.size", Integer.toString(size));
        result.put("atelier.init", init);
        result.put("atelier.iterations", Integer.toString(iterations));
        result.put("atelier.seed", Long.toString(seed));
        if (!quality.equals(QualitySetting.defaults())) {
            result.put("atelier.optimizer", quality.optimizer().toLowerCase(java.util.Locale.ROOT));
            result.put("atelier.lbfgs-history", Integer.toString(quality.lbfgsHistory()));
            result.put("atelier.lbfgs-tolerance", quality.lbfgsGradientTolerance() + "," + quality.lbfgsCostTolerance());
            result.put("atelier.scales", Integer.toString(quality.scales()));
            result.put("atelier.iterations-per-scale", Integer.toString(quality.iterationsPerScale()));
            result.put("atelier.ema", Double.toString(quality.emaDecay()));
            result.put("atelier.original-colors", Boolean.toString(quality.originalColors()));
            result.put("atelier.match-histogram", Boolean.toString(quality.matchHistogram()));
            result.put("atelier.style-scale", Double.toString(quality.styleScale()));
            result.put("atelier.pool", quality.pooling().toLowerCase(java.util.Locale.ROOT));
        }
        return result;
    }
}
