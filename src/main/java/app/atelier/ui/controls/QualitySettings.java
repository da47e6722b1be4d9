package app.atelier.ui.controls;

import app.atelier.engine.Bfloat16Support;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.settings.RenderSettings;
import app.atelier.ui.images.LoadedImage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Quality section's state: what trades time for picture quality. All of it applies from the
 * next Start. FX thread only.
 */
public final class QualitySettings {

    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final IntegerProperty lbfgsHistory = new SimpleIntegerProperty(this, "lbfgsHistory");
    private final DoubleProperty lbfgsGradientTolerance = new SimpleDoubleProperty(this, "lbfgsGradientTolerance");
    private final DoubleProperty lbfgsCostTolerance = new SimpleDoubleProperty(this, "lbfgsCostTolerance");
    private final IntegerProperty scales = new SimpleIntegerProperty(this, "scales");
    private final IntegerProperty iterationsPerScale = new SimpleIntegerProperty(this, "iterationsPerScale");
    private final DoubleProperty emaDecay = new SimpleDoubleProperty(this, "emaDecay");
    private final BooleanProperty originalColors = new SimpleBooleanProperty(this, "originalColors");
    private final BooleanProperty paintingPalette = new SimpleBooleanProperty(this, "paintingPalette");
    private final BooleanProperty bfloat16 = new SimpleBooleanProperty(this, "bfloat16");
    private final ReadOnlyBooleanWrapper bfloat16Offered = new ReadOnlyBooleanWrapper(this, "bfloat16Offered",
            Bfloat16Support.offeredFor(app.atelier.engine.Defaults.DEVICE));
    private final BooleanProperty matchHistogram = new SimpleBooleanProperty(this, "matchHistogram");
    private final DoubleProperty styleScale = new SimpleDoubleProperty(this, "styleScale");
    private final ObjectProperty<Pooling> pooling = new SimpleObjectProperty<>(this, "pooling");
    private final ObjectProperty<LoadedImage> mask = new SimpleObjectProperty<>(this, "mask");

    public QualitySettings() {
        reset();
    }

    /** Back to the engine's default quality (coarse-to-fine Adam), no colour handling, no averaging, no mask. */
    public void reset() {
        RenderQuality defaults = app.atelier.engine.Defaults.QUALITY;
        optimizer.set(defaults.optimizer());
        lbfgsHistory.set(defaults.lbfgsHistory());
        lbfgsGradientTolerance.set(defaults.lbfgsGradientTolerance());
        lbfgsCostTolerance.set(defaults.lbfgsCostTolerance());
        scales.set(defaults.scales());
        iterationsPerScale.set(defaults.iterationsPerScale());
        emaDecay.set(defaults.emaDecay());
        originalColors.set(defaults.originalColors());
        paintingPalette.set(defaults.paintingPalette());
        bfloat16.set(defaults.bfloat16());
        matchHistogram.set(defaults.matchHistogram());
        styleScale.set(defaults.styleScale());
        pooling.set(app.atelier.engine.Defaults.POOLING);
        mask.set(null);
    }

    /** The section as plain data, for presets and memory; the mask is left out. */
    public RenderSettings.QualitySetting snapshot() {
        return new RenderSettings.QualitySetting(optimizer.get().name(), lbfgsHistory.get(),
                lbfgsGradientTolerance.get(), lbfgsCostTolerance.get(), scales.get(), iterationsPerScale.get(),
                emaDecay.get(), originalColors.get(), matchHistogram.get(), styleScale.get(), pooling.get().name(),
                paintingPalette.get(), bfloat16.get());
    }

    /**
     * Takes every value of {@code setting}; the mask stays.
     *
     * @throws IllegalArgumentException when the optimiser or pooling name is unknown; nothing is changed then
     */
    void apply(RenderSettings.QualitySetting setting) {
        OptimizerKind kind = OptimizerKind.valueOf(setting.optimizer().toUpperCase(java.util.Locale.ROOT));
        Pooling pool = Pooling.valueOf(setting.pooling().toUpperCase(java.util.Locale.ROOT));
        optimizer.set(kind);
        lbfgsHistory.set(setting.lbfgsHistory());
        lbfgsGradientTolerance.set(setting.lbfgsGradientTolerance());
        lbfgsCostTolerance.set(setting.lbfgsCostTolerance());
        scales.set(setting.scales());
        iterationsPerScale.set(setting.iterationsPerScale());
        emaDecay.set(setting.emaDecay());
        originalColors.set(setting.originalColors());
        paintingPalette.set(setting.paintingPalette());
        bfloat16.set(setting.bfloat16());
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
                .withLbfgs(lbfgsHistory.get(), lbfgsGradientTolerance.get(), lbfgsCostTolerance.get())
                // The per-scale count is only offered (and only meant) for more than one scale.
                .withScales(scales.get(), scales.get() > 1 ? iterationsPerScale.get() : 0)
                .withEmaDecay(emaDecay.get())
                .withOriginalColors(originalColors.get())
                .withPaintingPalette(paintingPalette.get())
                // A request where bfloat16 is not offered is harmless: the engine runs float32 and says so.
                .withBfloat16(bfloat16.get())
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

    /** L-BFGS stops once the largest gradient component has fallen to this share of the first one. */
    public DoubleProperty lbfgsGradientToleranceProperty() {
        return lbfgsGradientTolerance;
    }

    /** L-BFGS stops once a step lowers the cost by less than this share of it. */
    public DoubleProperty lbfgsCostToleranceProperty() {
        return lbfgsCostTolerance;
    }

    public IntegerProperty scalesProperty() {
        return scales;
    }

    /** Iterations at each size of a coarse-to-fine run; 0 splits the run's iterations evenly. */
    public IntegerProperty iterationsPerScaleProperty() {
        return iterationsPerScale;
    }

    public DoubleProperty emaDecayProperty() {
        return emaDecay;
    }

    /** Each size ends in the painting's colour distribution (engine: PaletteTransfer). */
    public BooleanProperty paintingPaletteProperty() {
        return paintingPalette;
    }

    /** The backbone in bfloat16 (engine: {@link Bfloat16Support}); kept when not offered, for another device. */
    public BooleanProperty bfloat16Property() {
        return bfloat16;
    }

    /** Whether bfloat16 helps on the device chosen: a graphics card, or a CPU with native bfloat16. */
    public ReadOnlyBooleanProperty bfloat16OfferedProperty() {
        return bfloat16Offered.getReadOnlyProperty();
    }

    /** Makes {@link #bfloat16OfferedProperty()} follow the device choice. */
    void followDevice(ObservableValue<ComputeDevice> device) {
        bfloat16Offered.bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> Bfloat16Support.offeredFor(device.getValue()), device));
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
