package app.atelier.ui.controls;

import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.ui.images.LoadedImage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Quality section's state: what trades time for picture quality. All of it applies from the
 * next Start. FX thread only.
 */
public final class QualitySettings {

    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final IntegerProperty lbfgsHistory = new SimpleIntegerProperty(this, "lbfgsHistory");
    private final IntegerProperty scales = new SimpleIntegerProperty(this, "scales");
    private final DoubleProperty emaDecay = new SimpleDoubleProperty(this, "emaDecay");
    private final BooleanProperty originalColors = new SimpleBooleanProperty(this, "originalColors");
    private final BooleanProperty matchHistogram = new SimpleBooleanProperty(this, "matchHistogram");
    private final DoubleProperty styleScale = new SimpleDoubleProperty(this, "styleScale");
    private final ObjectProperty<Pooling> pooling = new SimpleObjectProperty<>(this, "pooling");
    private final ObjectProperty<LoadedImage> mask = new SimpleObjectProperty<>(this, "mask");

    public QualitySettings() {
        reset();
    }

    /** Back to single-scale Adam with no colour handling, no averaging and no mask. */
    public void reset() {
        RenderQuality defaults = RenderQuality.DEFAULT;
        optimizer.set(defaults.optimizer());
        lbfgsHistory.set(defaults.lbfgsHistory());
        scales.set(defaults.scales());
        emaDecay.set(defaults.emaDecay());
        originalColors.set(defaults.originalColors());
        matchHistogram.set(defaults.matchHistogram());
        styleScale.set(defaults.styleScale());
        pooling.set(app.atelier.engine.Defaults.POOLING);
        mask.set(null);
    }

    /** The section as plain data, for presets and memory; the mask is left out. */
    public StudioSettings.QualitySetting snapshot() {
        return new StudioSettings.QualitySetting(optimizer.get().name(), lbfgsHistory.get(), scales.get(),
                emaDecay.get(), originalColors.get(), matchHistogram.get(), styleScale.get(), pooling.get().name());
    }

    /**
     * Takes every value of {@code setting}; the mask stays.
     *
     * @throws IllegalArgumentException when the optimiser or pooling name is unknown; nothing is changed then
     */
    void apply(StudioSettings.QualitySetting setting) {
        OptimizerKind kind = OptimizerKind.valueOf(setting.optimizer());
        Pooling pool = Pooling.valueOf(setting.pooling());
        optimizer.set(kind);
        lbfgsHistory.set(setting.lbfgsHistory());
        scales.set(setting.scales());
        emaDecay.set(setting.emaDecay());
        originalColors.set(setting.originalColors());
        matchHistogram.set(setting.matchHistogram());
        styleScale.set(setting.styleScale());
        pooling.set(pool);
    }

    /**
     * What a job started now should use.
     *
     * @throws IllegalArgumentException when a value is out of range (the fields normally prevent it)
     */
    public RenderQuality toRenderQuality() {
        LoadedImage maskImage = mask.get();
        return RenderQuality.DEFAULT.withOptimizer(optimizer.get())
                .withLbfgs(lbfgsHistory.get(), RenderQuality.DEFAULT_GRADIENT_TOLERANCE, RenderQuality.DEFAULT_COST_TOLERANCE)
                .withScales(scales.get(), 0)
                .withEmaDecay(emaDecay.get())
                .withOriginalColors(originalColors.get())
                .withMatchHistogram(matchHistogram.get())
                .withStyleScale(styleScale.get())
                .withMask(maskImage == null ? null : maskImage.image());
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    /** Curvature pairs L-BFGS keeps; more remember more of the cost's shape, at two pictures of memory each. */
    public IntegerProperty lbfgsHistoryProperty() {
        return lbfgsHistory;
    }

    public IntegerProperty scalesProperty() {
        return scales;
    }

    public DoubleProperty emaDecayProperty() {
        return emaDecay;
    }

    public BooleanProperty originalColorsProperty() {
        return originalColors;
    }

    public BooleanProperty matchHistogramProperty() {
        return matchHistogram;
    }

    public DoubleProperty styleScaleProperty() {
        return styleScale;
    }

    /** Pooling between VGG19 blocks; SqueezeNet ignores it. */
    public ObjectProperty<Pooling> poolingProperty() {
        return pooling;
    }

    /** The mask picture, or null for none. */
    public ObjectProperty<LoadedImage> maskProperty() {
        return mask;
    }
}
