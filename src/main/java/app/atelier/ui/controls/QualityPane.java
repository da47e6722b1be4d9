package app.atelier.ui.controls;

import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.ui.images.ImageFileChooser;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.images.ImageRequest;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The collapsible Quality section: optimiser and its stopping tolerances, coarse-to-fine scales and
 * iterations per scale, iterate averaging, colours, style scale, pooling, bfloat16 and mask. Everything here
 * applies from the next Start and is locked while a job runs. FX thread only.
 */
public final class QualityPane extends TitledPane {

    public QualityPane(QualitySettings quality, ObservableBooleanValue jobActive) {
        setId("quality-pane");
        setText("Quality");
        setExpanded(false);
        setAnimated(false);

        GridPane grid = SettingsGrid.create();

        ChoiceBox<OptimizerKind> optimizer = ChoiceNames.box("optimizer", OptimizerKind.values(), quality.optimizerProperty(),
                kind -> kind == OptimizerKind.LBFGS ? "L-BFGS" : "Adam");
        SettingsGrid.row(grid, 0, "Optimiser", "Adam reacts smoothly to live edits; L-BFGS reaches a lower cost in fewer"
                + " evaluations (the chart then counts evaluations)", optimizer);
        NumberField history = NumberField.forInteger(quality.lbfgsHistoryProperty(), 1, RenderQuality.MAX_LBFGS_HISTORY);
        history.setId("lbfgs-history");
        history.disableProperty().bind(quality.optimizerProperty().isNotEqualTo(OptimizerKind.LBFGS));
        SettingsGrid.row(grid, 1, "L-BFGS history", "Curvature pairs L-BFGS keeps (two pictures of memory each);"
                + " it stops by itself once the cost no longer falls", history);
        NumberField gradientTolerance = NumberField.forDouble(quality.lbfgsGradientToleranceProperty(), 0, 0.5);
        gradientTolerance.setId("lbfgs-gradient-tolerance");
        NumberField costTolerance = NumberField.forDouble(quality.lbfgsCostToleranceProperty(), 0, 0.5);
        costTolerance.setId("lbfgs-cost-tolerance");
        HBox tolerances = new HBox(6, gradientTolerance, costTolerance);
        tolerances.disableProperty().bind(quality.optimizerProperty().isNotEqualTo(OptimizerKind.LBFGS));
        SettingsGrid.row(grid, 2, "L-BFGS tolerances", "Gradient, cost: L-BFGS stops once the largest gradient"
                + " has fallen to this share of the first one, or once a step lowers the cost by less than this"
                + " share of it", tolerances);
        NumberField scales = NumberField.forInteger(quality.scalesProperty(), 1, RenderQuality.MAX_SCALES);
        scales.setId("scales");
        SettingsGrid.row(grid, 3, "Scales", "Coarse to fine: number of sizes, about √2 apart, ending at the output size;"
                + " the iterations are split between them unless set per scale. 1 = single scale", scales);
        NumberField perScale = NumberField.forInteger(quality.iterationsPerScaleProperty(), 0, 100_000);
        perScale.setId("iterations-per-scale");
        perScale.disableProperty().bind(quality.scalesProperty().lessThanOrEqualTo(1));
        SettingsGrid.row(grid, 4, "Iterations per scale", "Iterations at each size of a coarse-to-fine run;"
                + " 0 = split the run's iterations evenly", perScale);
        NumberField ema = NumberField.forDouble(quality.emaDecayProperty(), 0, 0.999);
        ema.setId("ema-decay");
        SettingsGrid.row(grid, 5, "Averaging", "Show the moving average of the iterates with this decay (e.g. 0.95):"
                + " removes the optimiser's last noise. 0 = off", ema);
        NumberField styleScale = NumberField.forDouble(quality.styleScaleProperty(), 0.05, 8);
        styleScale.setId("style-scale");
        SettingsGrid.row(grid, 6, "Style scale", "Size of the style image relative to the output: smaller gives finer"
                + " brush strokes, larger gives broader ones", styleScale);
        ChoiceBox<Pooling> pooling = ChoiceNames.box("pooling", Pooling.values(), quality.poolingProperty(),
                p -> p == Pooling.MAX ? "Max" : "Average");
        SettingsGrid.row(grid, 7, "Pooling", "Pooling between VGG19 blocks; average often gives smoother results."
                + " SqueezeNet ignores it", pooling);

        CheckBox originalColors = new CheckBox("Keep the photo's colours");
        originalColors.setId("original-colors");
        originalColors.setTooltip(new Tooltip("Transfer only luminance; the picture keeps the content's colours"));
        originalColors.selectedProperty().bindBidirectional(quality.originalColorsProperty());
        grid.add(originalColors, 0, 8, 2, 1);
        CheckBox matchHistogram = new CheckBox("Match the style's colours to the photo");
        matchHistogram.setId("match-histogram");
        matchHistogram.setTooltip(new Tooltip("Before the run, give the style images the photo's colour mean and spread"));
        matchHistogram.selectedProperty().bindBidirectional(quality.matchHistogramProperty());
        grid.add(matchHistogram, 0, 9, 2, 1);
        CheckBox paintingPalette = new CheckBox("Finish in the painting's palette");
        paintingPalette.setId("painting-palette");
        paintingPalette.setTooltip(new Tooltip("At the end of each size, move the picture's colours onto the painting's"
                + " colour distribution. Off with \"Keep the photo's colours\" or a mask"));
        paintingPalette.selectedProperty().bindBidirectional(quality.paintingPaletteProperty());
        paintingPalette.disableProperty().bind(quality.originalColorsProperty().or(quality.maskProperty().isNotNull()));
        grid.add(paintingPalette, 0, 10, 2, 1);

        grid.add(bfloat16(quality), 0, 11, 2, 1);

        grid.add(maskRow(quality), 0, 12, 2, 1);

        grid.disableProperty().bind(Bindings.createBooleanBinding(jobActive::get, jobActive));
        setContent(grid);
    }

    private static Node bfloat16(QualitySettings quality) {
        CheckBox box = new CheckBox("Faster arithmetic (bfloat16)");
        box.setId("bfloat16");
        box.selectedProperty().bindBidirectional(quality.bfloat16Property());
        box.disableProperty().bind(quality.bfloat16OfferedProperty().not());
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(Bindings.when(quality.bfloat16OfferedProperty())
                .then("Run the network in bfloat16: about 30 % faster with VGG19 on CPUs with bfloat16 support"
                        + " and on graphics cards; pictures are indistinguishable from float32's. Little gain"
                        + " with SqueezeNet")
                .otherwise("Unavailable: this CPU has no bfloat16 instructions (AVX-512 BF16 or AMX), where"
                        + " bfloat16 is slower, not faster. Choose the GPU device to use it on a graphics card"));
        // On the row, not the box: a disabled control shows no tooltip, and this one matters most then.
        HBox row = new HBox(box);
        row.setId("bfloat16-row");
        Tooltip.install(row, tip);
        return row;
    }

    private Node maskRow(QualitySettings quality) {
        // Failures are shown right here, beside the button that caused them.
        StringProperty failure = new SimpleStringProperty();
        Label name = new Label();
        name.setId("mask-name");
        name.setMaxWidth(Double.MAX_VALUE);
        name.setTooltip(new Tooltip("White where the style applies, black where the photo stays; any size"));
        HBox.setHgrow(name, Priority.ALWAYS);
        name.textProperty().bind(Bindings.createStringBinding(() -> quality.maskProperty().get() != null
                        ? "Mask: " + quality.maskProperty().get().name()
                        : failure.get() != null ? "Mask not loaded: " + failure.get() : "Mask: none",
                quality.maskProperty(), failure));
        Button choose = new Button("Mask…");
        choose.setId("mask-choose");
        choose.setOnAction(event -> {
            File file = ImageFileChooser.create("Choose a mask (white = style, black = photo)")
                    .showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                ImageFileChooser.remember(file.toPath());
                ImageLoading.loadAll(List.of(new ImageRequest.FromFile(file.toPath())), outcome -> {
                    failure.set(outcome.failures().isEmpty() ? null : String.join("; ", outcome.failures()));
                    if (!outcome.images().isEmpty()) {
                        quality.maskProperty().set(outcome.images().get(0));
                    }
                });
            }
        });
        Button clear = new Button("Clear");
        clear.setId("mask-clear");
        clear.disableProperty().bind(quality.maskProperty().isNull());
        clear.setOnAction(event -> quality.maskProperty().set(null));
        HBox row = new HBox(6, name, choose, clear);
        row.setFillHeight(true);
        return row;
    }

    /** A full-width choice of {@code values}, bound both ways to {@code property} and shown by {@code name}. */
}
