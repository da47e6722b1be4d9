package app.atelier.ui.controls;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.CostMode;
import app.atelier.engine.InitMode;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.StyleLayer;
import app.atelier.settings.RenderSettings;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controls panel's state. {@link #liveParametersProperty()} follows every edit of what a running
 * job may change (α, β, TV, learning rate, layers), so the studio can pass each change straight on.
 * FX thread only.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final ObjectProperty<BackboneKind> backbone = new SimpleObjectProperty<>(this, "backbone");
    private final ObjectProperty<ComputeDevice> device = new SimpleObjectProperty<>(this, "device");
    private final StringProperty contentLayer = new SimpleStringProperty(this, "contentLayer");
    /**
     * Content layers after the one the window shows, from defaults or a file that use several; kept
     * so such settings render as given (as {@code render} does), dropped once the user picks a layer.
     */
    private List<String> moreContentLayers = List.of();
    private final ObservableList<StyleLayerChoice> styleLayers = FXCollections.observableArrayList(
            layer -> new Observable[] {layer.enabledProperty(), layer.weightProperty()});
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha");
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta");
    private final ObjectProperty<CostMode> costMode = new SimpleObjectProperty<>(this, "costMode");
    private final DoubleProperty tvWeight = new SimpleDoubleProperty(this, "tvWeight");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate");
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size");
    private final ObjectProperty<InitMode> init = new SimpleObjectProperty<>(this, "init");
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations");
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final QualitySettings quality = new QualitySettings();
    private final ReadOnlyObjectWrapper<LiveParameters> liveParameters = new ReadOnlyObjectWrapper<>(this, "liveParameters");

    /** True while {@link #apply} sets many properties, so listeners see one change, not a dozen. */
    private boolean applying;

    public SettingsViewModel() {
        apply(RenderSettings.defaults());
        quality.followDevice(device);
        backbone.addListener((obs, old, now) -> {
            if (!applying && now != null && now != old) {
                useLayersOf(now);
            }
        });
        contentLayer.addListener(obs -> {
            if (!applying) {
                moreContentLayers = List.of();
            }
        });
        for (Observable live : List.of(alpha, beta, costMode, tvWeight, learningRate, contentLayer, styleLayers)) {
            live.addListener(obs -> {
                if (!applying) {
                    refreshLiveParameters();
                }
            });
        }
    }

    /** Content and style layers go back to the defaults of {@code kind}; the weights stay. */
    private void useLayersOf(BackboneKind kind) {
        RenderSettings defaults = RenderSettings.defaults(kind);
        applying = true;
        try {
            contentLayer.set(defaults.contentLayers().get(0));
            moreContentLayers = defaults.contentLayers().subList(1, defaults.contentLayers().size());
            styleLayers.setAll(defaults.styleLayers().stream()
                    .map(layer -> new StyleLayerChoice(layer.name(), layer.enabled(), layer.weight())).toList());
        } finally {
            applying = false;
        }
        refreshLiveParameters();
    }

    private void refreshLiveParameters() {
        try {
            List<StyleLayer> layers = styleLayers.stream()
                    .filter(layer -> layer.enabledProperty().get())
                    .map(layer -> new StyleLayer(layer.name(), layer.weightProperty().get()))
                    .toList();
            liveParameters.set(new LiveParameters(alpha.get(), beta.get(), tvWeight.get(), learningRate.get(),
                    contentLayers(), layers, costMode.get()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // The fields only pass valid numbers on, so this means an inconsistent preset: keep the last good value.
            LOG.warn("Ignoring invalid settings: {}", e.getMessage());
        }
    }

    /** What a running job should use now; changes with every edit of a live setting. */
    public ReadOnlyObjectProperty<LiveParameters> liveParametersProperty() {
        return liveParameters.getReadOnlyProperty();
    }

    public LiveParameters liveParameters() {
        return liveParameters.get();
    }

    public RenderSettings snapshot() {
        return new RenderSettings(backbone.get().id(), device.get().name(), contentLayers(),
                styleLayers.stream().map(layer -> new RenderSettings.LayerSetting(layer.name(),
                        layer.enabledProperty().get(), layer.weightProperty().get())).toList(),
                alpha.get(), beta.get(), tvWeight.get(), learningRate.get(),
                size.get(), init.get().name(), iterations.get(), seed.get(), quality.snapshot(), costMode.get().id());
    }

    /**
     * Takes every setting from {@code settings}.
     *
     * @throws IllegalArgumentException when a name (backbone, device, start image, layer) is unknown;
     *                                  nothing is changed then
     */
    public void apply(RenderSettings settings) {
        settings.validate();
        BackboneKind kind = settings.backboneKind();
        ComputeDevice computeDevice = settings.deviceKind();
        InitMode initMode = settings.initMode();
        CostMode mode = settings.costModeKind();
        applying = true;
        try {
            backbone.set(kind);
            device.set(computeDevice);
            // The window offers one content layer; a render that used several shows its first and keeps the rest.
            contentLayer.set(settings.contentLayers().get(0));
            moreContentLayers = settings.contentLayers().subList(1, settings.contentLayers().size());
            List<StyleLayerChoice> layers = new java.util.ArrayList<>();
            for (String tap : kind.taps()) {
                RenderSettings.LayerSetting given = settings.styleLayers().stream()
                        .filter(layer -> layer.name().equals(tap)).findFirst()
                        .orElse(new RenderSettings.LayerSetting(tap, false, 1.0));
                layers.add(new StyleLayerChoice(tap, given.enabled(), given.weight()));
            }
            styleLayers.setAll(layers);
            alpha.set(settings.alpha());
            beta.set(settings.beta());
            costMode.set(mode);
            tvWeight.set(settings.tvWeight());
            learningRate.set(settings.learningRate());
            size.set(settings.size());
            init.set(initMode);
            iterations.set(settings.iterations());
            seed.set(settings.seed());
            quality.apply(settings.quality());
        } finally {
            applying = false;
        }
        refreshLiveParameters();
    }

    /** Every setting back to the defaults (the default backbone's layers included). */
    public void reset() {
        apply(RenderSettings.defaults());
        quality.reset();
    }

    /** The Quality section: optimiser, scales, colours, mask; applies from the next Start. */
    public QualitySettings quality() {
        return quality;
    }

    public ObjectProperty<BackboneKind> backboneProperty() {
        return backbone;
    }

    public ObjectProperty<ComputeDevice> deviceProperty() {
        return device;
    }

    private List<String> contentLayers() {
        List<String> layers = new java.util.ArrayList<>();
        layers.add(contentLayer.get());
        layers.addAll(moreContentLayers);
        return layers;
    }

    public StringProperty contentLayerProperty() {
        return contentLayer;
    }

    public ObservableList<StyleLayerChoice> styleLayers() {
        return styleLayers;
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public DoubleProperty betaProperty() {
        return beta;
    }

    /** How α and β weigh the costs: normalised (β is the style strength) or exact (older presets). */
    public ObjectProperty<CostMode> costModeProperty() {
        return costMode;
    }

    public DoubleProperty tvWeightProperty() {
        return tvWeight;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public ObjectProperty<InitMode> initProperty() {
        return init;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public LongProperty seedProperty() {
        return seed;
    }
}
