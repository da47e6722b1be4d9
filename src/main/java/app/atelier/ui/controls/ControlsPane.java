package app.atelier.ui.controls;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.CostMode;
import app.atelier.engine.Defaults;
import app.atelier.engine.InitMode;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.RenderSize;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The settings panel. Weights and layers apply to a running job at once; size restarts its
 * targets; the rest applies from the next Start and is locked while a job runs.
 */
public final class ControlsPane extends VBox {

    public ControlsPane(SettingsViewModel settings, ObservableBooleanValue jobActive) {
        setId("controls-pane");
        getStyleClass().add("controls-pane");
        setSpacing(10);

        GridPane balance = SettingsGrid.create();
        LogSlider alpha = new LogSlider("alpha", settings.alphaProperty(), -1, 1);
        LogSlider beta = new LogSlider("beta", settings.betaProperty(), -1, 1);
        Label alphaLabel = logRows(balance, 0, "", "", alpha);
        Label betaLabel = logRows(balance, 2, "", "", beta);
        ChoiceBox<CostMode> costMode = ChoiceNames.box("cost-mode", CostMode.values(), settings.costModeProperty(),
                ControlsPane::describe);
        SettingsGrid.row(balance, 6, "Costs", "Normalised: each cost relative to its target, so 1× is the default"
                + " balance on any network and picture. Exact: the formulas as written (presets from before"
                + " normalised costs)", costMode);
        Runnable showMode = () -> showCostMode(settings.costModeProperty().get(), alpha, alphaLabel, beta, betaLabel);
        settings.costModeProperty().addListener((obs, old, mode) -> showMode.run());
        showMode.run();
        SettingsGrid.row(balance, 4, "TV smoothing", "Total-variation weight γ: evens out pixel noise (0 = off)",
                withId(NumberField.forDouble(settings.tvWeightProperty(), 0, 1e12), "tv-weight"));
        SettingsGrid.row(balance, 5, "Learning rate", "Optimiser step on pixels; larger changes the picture faster but noisier",
                withId(NumberField.forDouble(settings.learningRateProperty(), 1e-6, LiveParameters.MAX_LEARNING_RATE), "learning-rate"));

        ChoiceBox<String> contentLayer = new ChoiceBox<>();
        contentLayer.setId("content-layer");
        contentLayer.setMaxWidth(Double.MAX_VALUE);
        contentLayer.getItems().setAll(settings.backboneProperty().get().taps());
        contentLayer.setValue(settings.contentLayerProperty().get());
        settings.backboneProperty().addListener((obs, old, kind) -> contentLayer.getItems().setAll(kind.taps()));
        settings.contentLayerProperty().addListener((obs, old, layer) -> contentLayer.setValue(layer));
        // Not a bidirectional binding: replacing the items clears the choice, which must not clear the setting.
        contentLayer.valueProperty().addListener((obs, old, layer) -> {
            if (layer != null) {
                settings.contentLayerProperty().set(layer);
            }
        });
        GridPane layers = SettingsGrid.create();
        SettingsGrid.row(layers, 0, "Content layer", "The network layer whose activations the picture should match the photo at", contentLayer);
        Label styleLabel = new Label("Style layers");
        styleLabel.setTooltip(new Tooltip("Layers whose textures (Gram matrices) the picture should match, each with a weight λ"));
        layers.add(styleLabel, 0, 1, 2, 1);
        layers.add(new StyleLayerList(settings), 0, 2, 2, 1);

        GridPane output = SettingsGrid.create();
        NumberField size = withId(NumberField.forInteger(settings.sizeProperty(), RenderSize.MIN_LONG_SIDE, RenderSize.MAX_LONG_SIDE), "output-size");
        SettingsGrid.row(output, 0, "Size (px)", "Long side of the picture; changing it during a run restarts the targets", size);
        output.add(sizeEstimate(new SizeEstimate(size.textProperty(), settings.backboneProperty(),
                SizeEstimate.physicalMemory())), 1, 1);
        NumberField iterations = withId(NumberField.forInteger(settings.iterationsProperty(), 1, 1_000_000), "iterations");
        SettingsGrid.row(output, 2, "Iterations", "How many optimisation steps a run takes", locked(iterations, jobActive));
        ChoiceBox<InitMode> init = ChoiceNames.box("init", InitMode.values(), settings.initProperty(), ControlsPane::describe);
        SettingsGrid.row(output, 3, "Start from", "The picture the optimisation starts with", locked(init, jobActive));
        NumberField seed = withId(NumberField.forLong(settings.seedProperty()), "seed");
        SettingsGrid.row(output, 4, "Seed", "Same seed and settings give the same picture", locked(seed, jobActive));
        ChoiceBox<BackboneKind> backbone = ChoiceNames.box("backbone", BackboneKind.values(), settings.backboneProperty(),
                BackboneKind::displayName);
        SettingsGrid.row(output, 5, "Network", "SqueezeNet is fast enough to tweak live on a CPU; VGG19 is slower and classic", locked(backbone, jobActive));
        ChoiceBox<ComputeDevice> device = ChoiceNames.box("device", ComputeDevice.values(), settings.deviceProperty(),
                ControlsPane::describe);
        SettingsGrid.row(output, 6, "Device", "Automatic uses a GPU when one is available", locked(device, jobActive));

        Button reset = new Button("Reset to defaults", new FontIcon(MaterialDesignR.RESTORE));
        reset.setId("reset-defaults");
        reset.setOnAction(event -> settings.reset());
        reset.setMaxWidth(Double.MAX_VALUE);

        Label lockedNote = new Label("Iterations, start image, seed, network, device and the Quality section"
                + " apply from the next Start.");
        lockedNote.getStyleClass().add("hint");
        lockedNote.setWrapText(true);
        lockedNote.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(jobActive::get, jobActive));
        lockedNote.managedProperty().bind(lockedNote.visibleProperty());

        getChildren().addAll(section("Balance"), balance, section("Layers"), layers,
                section("Output"), output, new QualityPane(settings.quality(), jobActive), lockedNote, reset);
    }

    private static int decade(double value) {
        return value > 0 ? (int) Math.floor(Math.log10(value)) : 0;
    }

    /**
     * Normalised costs read as a strength, 0.1× to 10× of the default balance on every network;
     * exact costs (older presets) keep the formulas' weights, on sliders around their values.
     */
    private static void showCostMode(CostMode mode, LogSlider alpha, Label alphaLabel, LogSlider beta, Label betaLabel) {
        if (mode == CostMode.EXACT) {
            alphaLabel.setText("α content");
            betaLabel.setText("β style");
            alpha.setRange(decade(alpha.value()) - 3, decade(alpha.value()) + 3);
            beta.setRange(decade(beta.value()) - 3, decade(beta.value()) + 3);
            betaLabel.getTooltip().setText("Style weight β of the exact costs: how strongly the painting's textures apply");
        } else {
            alphaLabel.setText("Content strength");
            betaLabel.setText("Style strength");
            alpha.setRange(-1, 1);
            beta.setRange(-1, 1);
            betaLabel.getTooltip().setText("How strongly the painting applies: 1 is the default balance on any"
                    + " network, 0.1 a hint, 10 the painting almost alone");
        }
        alphaLabel.getTooltip().setText("How much the picture keeps the photo's shapes (content weight α)");
    }

    private static String describe(CostMode mode) {
        return switch (mode) {
            case NORMALIZED -> "Normalised";
            case EXACT -> "Exact (older presets)";
        };
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** The label and number on one row, the slider across the whole panel below them. */
    private static Label logRows(GridPane grid, int row, String label, String tip, LogSlider weight) {
        Label name = SettingsGrid.row(grid, row, label, tip, weight.field());
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        weight.field().setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setHalignment(weight.field(), HPos.RIGHT);
        grid.add(weight.slider(), 0, row + 1, 2, 1);
        return name;
    }

    /** The estimate as a hint under the size field, shown only while there is one; a warning when it will not fit. */
    private static Label sizeEstimate(SizeEstimate estimate) {
        Label line = withId(new Label(), "size-estimate");
        line.getStyleClass().add("hint");
        line.setWrapText(true);
        line.setTooltip(new Tooltip(SizeEstimate.EXPLANATION));
        // A number stays on the line of its unit ("~35 s") when the narrow column wraps.
        line.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> estimate.textProperty().get().replaceAll("(\\d) ", "$1\u00a0"), estimate.textProperty()));
        line.visibleProperty().bind(estimate.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        estimate.tooBigProperty().addListener((obs, old, tooBig) ->
                line.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"), tooBig));
        // The label holds the only reference to the view model, whose listeners keep the label updated.
        line.setUserData(estimate);
        return line;
    }

    private static <T extends Node> T withId(T node, String id) {
        node.setId(id);
        return node;
    }

    private static Node locked(Node control, ObservableBooleanValue jobActive) {
        control.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(jobActive::get, jobActive));
        return control;
    }

    private static String describe(InitMode init) {
        return switch (init) {
            case NOISE -> "White noise";
            case CONTENT -> "The photo";
            case STYLE -> "The painting";
            case BLEND -> "Photo and noise";
            case RECOLORED -> "The photo in the painting's colours";
        };
    }

    private static String describe(ComputeDevice device) {
        return switch (device) {
            case AUTO -> "Automatic";
            case CPU -> "CPU";
            case GPU -> "GPU";
        };
    }
}
