package app.atelier.settings;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.CostMode;
import app.atelier.engine.Defaults;
import app.atelier.engine.InitMode;
import app.atelier.engine.JobSpec;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.StyleLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every setting a render is made with, as plain data: the window's controls panel and the
 * {@code render} options alike. Presets, PNG metadata, the remembered studio and
 * {@code render --settings} all hold this record (inside a {@link SettingsDocument}, written and
 * read only by {@link SettingsCodec}). Enum values are kept as their names so a file stays
 * readable and an unknown name gives a clear error instead of a silent default.
 *
 * @param contentLayers one or more content taps (the window shows the first)
 * @param styleLayers   style taps with their weight λ; the window lists every tap, ticked or not
 * @param iterations    the run's planned length
 * @param quality       the Quality section (without the mask, which is a picture: see {@link Pictures});
 *                      files written before it existed read as the defaults
 * @param costMode      {@link CostMode#id()} of how α and β weigh the costs; null (a file from before
 *                      cost modes existed) reads as "exact", which is what its α and β meant
 */
public record RenderSettings(String backbone, String device, List<String> contentLayers, List<LayerSetting> styleLayers,
                             double alpha, double beta, double tvWeight, double learningRate,
                             int size, String init, int iterations, long seed, QualitySetting quality,
                             String costMode) {

    /**
     * The Quality section as plain data; enum values as their names.
     *
     * @param lbfgsGradientTolerance null (a file from before it existed) reads as the engine's default
     * @param lbfgsCostTolerance     null (a file from before it existed) reads as the engine's default
     * @param iterationsPerScale     0 splits the run's iterations evenly (also what older files read as)
     * @param paintingPalette        each size ends in the painting's palette; null (a file from before
     *                               it existed) reads as false, which is how that file was rendered
     * @param bfloat16               the backbone in bfloat16 where that is native; null (a file from before
     *                               it existed) reads as false: float32, as that file was rendered
     */
    public record QualitySetting(String optimizer, int lbfgsHistory, Double lbfgsGradientTolerance,
                                 Double lbfgsCostTolerance, int scales, int iterationsPerScale, double emaDecay,
                                 boolean originalColors, boolean matchHistogram, double styleScale, String pooling,
                                 Boolean paintingPalette, Boolean bfloat16) {

        public QualitySetting {
            if (paintingPalette == null) {
                paintingPalette = false;
            }
            if (bfloat16 == null) {
                bfloat16 = false;
            }
            if (lbfgsGradientTolerance == null) {
                lbfgsGradientTolerance = RenderQuality.DEFAULT_GRADIENT_TOLERANCE;
            }
            if (lbfgsCostTolerance == null) {
                lbfgsCostTolerance = RenderQuality.DEFAULT_COST_TOLERANCE;
            }
        }

        /** Without the painting's palette, as files from before it existed. */
        public QualitySetting(String optimizer, int lbfgsHistory, Double lbfgsGradientTolerance,
                              Double lbfgsCostTolerance, int scales, int iterationsPerScale, double emaDecay,
                              boolean originalColors, boolean matchHistogram, double styleScale, String pooling) {
            this(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales, iterationsPerScale,
                    emaDecay, originalColors, matchHistogram, styleScale, pooling, false, false);
        }

        public static QualitySetting defaults() {
            return of(RenderQuality.DEFAULT, Defaults.POOLING);
        }

        /** What a job's quality and pooling were; the mask is a picture and is left out. */
        public static QualitySetting of(RenderQuality quality, Pooling pooling) {
            return new QualitySetting(quality.optimizer().name(), quality.lbfgsHistory(),
                    quality.lbfgsGradientTolerance(), quality.lbfgsCostTolerance(), quality.scales(),
                    quality.iterationsPerScale(), quality.emaDecay(), quality.originalColors(),
                    quality.matchHistogram(), quality.styleScale(), pooling.name(), quality.paintingPalette(),
                    quality.bfloat16());
        }
    }

    /** A style tap, whether it is used, and its weight λ. */
    public record LayerSetting(String name, boolean enabled, double weight) {
    }

    public RenderSettings {
        contentLayers = contentLayers == null ? List.of() : List.copyOf(contentLayers);
        styleLayers = styleLayers == null ? List.of() : List.copyOf(styleLayers);
        if (quality == null) {
            quality = QualitySetting.defaults();
        }
        if (costMode == null) {
            costMode = CostMode.EXACT.id();
        }
    }

    /** Settings with the default Quality section and exact costs (what settings meant before cost modes). */
    public RenderSettings(String backbone, String device, List<String> contentLayers, List<LayerSetting> styleLayers,
                          double alpha, double beta, double tvWeight, double learningRate,
                          int size, String init, int iterations, long seed) {
        this(backbone, device, contentLayers, styleLayers, alpha, beta, tvWeight, learningRate, size, init,
                iterations, seed, QualitySetting.defaults(), CostMode.EXACT.id());
    }

    /** The defaults for {@code backbone}: what a first Start and the reset action use. */
    public static RenderSettings defaults(BackboneKind backbone) {
        LiveParameters parameters = Defaults.parameters(backbone);
        Map<String, Double> defaultWeights = parameters.styleLayers().stream()
                .collect(Collectors.toMap(StyleLayer::name, StyleLayer::weight));
        List<LayerSetting> layers = new ArrayList<>();
        for (String tap : backbone.taps()) {
            Double weight = defaultWeights.get(tap);
            layers.add(new LayerSetting(tap, weight != null, weight != null ? weight : 1.0));
        }
        return new RenderSettings(backbone.id(), Defaults.DEVICE.name(), parameters.contentLayers(), layers,
                parameters.alpha(), parameters.beta(), parameters.tvWeight(), parameters.learningRate(),
                Defaults.LONG_SIDE, Defaults.INIT.name(), Defaults.ITERATIONS, Defaults.SEED,
                QualitySetting.of(Defaults.QUALITY, Defaults.POOLING), parameters.costMode().id());
    }

    public static RenderSettings defaults() {
        return defaults(Defaults.BACKBONE);
    }

    /**
     * What a picture was made with: the job's fixed settings and the live parameters its latest
     * iteration used (in the window the sliders may have moved since Start). Only the layers in use
     * are listed.
     */
    public static RenderSettings of(JobSpec job, LiveParameters used) {
        return new RenderSettings(job.backbone().id(), job.device().name(), used.contentLayers(),
                used.styleLayers().stream().map(layer -> new LayerSetting(layer.name(), true, layer.weight())).toList(),
                used.alpha(), used.beta(), used.tvWeight(), used.learningRate(),
                job.longSide(), job.init().name(), job.iterations(), job.seed(),
                QualitySetting.of(job.quality(), job.pooling()), used.costMode().id());
    }

    /** The style layers in use with their weights, as the engine takes them. */
    public List<StyleLayer> enabledStyleLayers() {
        return styleLayers.stream().filter(LayerSetting::enabled)
                .map(layer -> new StyleLayer(layer.name(), layer.weight())).toList();
    }

    /** The backbone named by {@link #backbone()}; @throws IllegalArgumentException when unknown */
    public BackboneKind backboneKind() {
        return BackboneKind.fromId(backbone);
    }

    public CostMode costModeKind() {
        return CostMode.fromId(costMode);
    }

    public ComputeDevice deviceKind() {
        return named(ComputeDevice.class, "device", device);
    }

    public InitMode initMode() {
        return named(InitMode.class, "start image", init);
    }

    public OptimizerKind optimizerKind() {
        return named(OptimizerKind.class, "optimizer", quality.optimizer());
    }

    public Pooling poolingKind() {
        return named(Pooling.class, "pooling", quality.pooling());
    }

    /**
     * Checks every name (backbone, device, start image, cost mode, optimiser, pooling, layers) so that a file
     * is refused whole, with one clear reason, before anything uses it.
     *
     * @throws IllegalArgumentException naming the first unknown value
     */
    public RenderSettings validate() {
        BackboneKind kind = backboneKind();
        deviceKind();
        initMode();
        costModeKind();
        optimizerKind();
        poolingKind();
        if (contentLayers.isEmpty()) {
            throw new IllegalArgumentException("no content layer is given");
        }
        for (String layer : contentLayers) {
            if (!kind.taps().contains(layer)) {
                throw new IllegalArgumentException("content layer '" + layer + "' is not a layer of "
                        + kind.displayName() + "; choose one of " + kind.taps());
            }
        }
        for (LayerSetting layer : styleLayers) {
            if (layer == null || !kind.taps().contains(layer.name())) {
                throw new IllegalArgumentException("style layer '" + (layer == null ? null : layer.name())
                        + "' is not a layer of " + kind.displayName() + "; choose among " + kind.taps());
            }
        }
        return this;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String what, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; choose one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
