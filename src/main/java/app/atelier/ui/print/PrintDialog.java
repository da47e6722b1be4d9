package app.atelier.ui.print;

import app.atelier.engine.JobState;
import app.atelier.engine.PrintSize;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.controls.NumberField;
import app.atelier.ui.job.PrintSizeViewModel;
import app.atelier.ui.job.PrintViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File › Render for print…: the print's size (pixels, or centimetres or inches at a DPI, or a
 * paper size), its tiles, what it will cost, the print filling in tile by tile, Pause, Stop and
 * Save. A window of its own beside the studio, which stays usable. FX thread only.
 */
public final class PrintDialog {

    private final StudioViewModel studio;
    private final PrintViewModel print;
    private Stage stage;
    private Path lastFolder;

    public PrintDialog(StudioViewModel studio) {
        this.studio = studio;
        this.print = studio.print();
    }

    /** Shows the dialog, in front if already open. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Render for print — Atelier");
            Scene scene = new Scene(content(), 780, 680);
            scene.getStylesheets().add(Objects.requireNonNull(PrintDialog.class.getResource(
                    app.atelier.ui.StudioWindow.STYLESHEET)).toExternalForm());
            stage.setScene(scene);
            stage.setMinWidth(620);
            stage.setMinHeight(520);
        }
        stage.show();
        stage.toFront();
    }

    private VBox content() {
        PrintSizeViewModel size = print.size();
        ChoiceBox<PrintSize.Paper> paper = choice("print-paper", PrintSize.Paper.values());
        paper.valueProperty().bindBidirectional(size.paperProperty());
        NumberField length = NumberField.forDouble(size.lengthProperty(), 0.01, 100_000);
        length.setId("print-length");
        length.setPrefColumnCount(6);
        ChoiceBox<PrintSize.Unit> unit = choice("print-unit", PrintSize.Unit.values());
        unit.valueProperty().bindBidirectional(size.unitProperty());
        NumberField dpi = NumberField.forInteger(size.dpiProperty(), 1, 10_000);
        dpi.setId("print-dpi");
        dpi.setPrefColumnCount(4);
        NumberField tile = NumberField.forInteger(size.tileProperty(), 128, 2048);
        tile.setId("print-tile");
        tile.setPrefColumnCount(4);
        NumberField steps = NumberField.forInteger(size.tileIterationsProperty(), 1, 10_000);
        steps.setId("print-tile-iterations");
        steps.setPrefColumnCount(4);
        ChoiceBox<Integer> sweeps = choice("print-sweeps", 1, 2);
        sweeps.setValue(size.sweepsProperty().get());
        sweeps.valueProperty().addListener((obs, old, value) -> size.sweepsProperty().set(value == null ? 1 : value));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Paper"), paper, new Label("Long side"), length, unit, new Label("at"), dpi, new Label("dpi"));
        Label sizeText = label("print-size-text", size.sizeTextProperty());
        form.add(sizeText, 1, 1, 7, 1);
        form.addRow(2, new Label("Tile"), hbox(tile, new Label("px")), new Label("Steps per tile"), steps,
                new Label("Sweeps"), sweeps);
        Label estimate = label("print-estimate", size.estimateTextProperty());
        Label problem = label("print-problem", size.problemProperty());
        problem.setStyle("-fx-text-fill: -color-danger-fg, #c0392b;");

        PrintCanvasView previewPane = new PrintCanvasView(print);
        VBox.setVgrow(previewPane, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.setId("print-progress-bar");
        bar.progressProperty().bind(print.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = label("print-progress", print.progressTextProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);

        Button run = button("print-run", "Render print", () -> print.run());
        run.getStyleClass().add("accent");
        run.disableProperty().bind(print.activeProperty().or(size.problemProperty().isNotEmpty())
                .or(studio.render().activeProperty()));
        Button pause = button("print-pause", "Pause", print::togglePause);
        pause.textProperty().bind(Bindings.when(print.stateProperty().isEqualTo(JobState.PAUSED))
                .then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(print.stateProperty().isNotEqualTo(JobState.RUNNING)
                .and(print.stateProperty().isNotEqualTo(JobState.PAUSED)));
        Button stop = button("print-stop", "Stop", print::stop);
        stop.disableProperty().bind(print.activeProperty().not());
        NumberField quality = NumberField.forDouble(print.jpegQualityProperty(), 0.1, 1);
        quality.setId("print-jpeg-quality");
        quality.setPrefColumnCount(3);
        Button save = button("print-save", "Save…", this::save);
        save.disableProperty().bind(print.printedProperty().isNull());
        Button close = button("print-close", "Close", () -> stage.hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = hbox(run, pause, stop, gap, new Label("JPEG quality"), quality, save, close);

        Label note = new Label("The print runs on the studio's compute thread; the studio's picture stays as it is."
                + " A Start in the studio waits until the print has ended.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox root = new VBox(10, form, estimate, problem, new Separator(), previewPane, hbox(bar, progress), buttons, note);
        root.setId("print-dialog");
        root.setPadding(new Insets(14));
        return root;
    }

    private void save() {
        PrintViewModel.Printed printed = print.printedProperty().get();
        if (printed == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save print");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("JPEG image (smaller, for very large prints)", "*.jpg", "*.jpeg"));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        var content = studio.content().image();
        String base = content == null ? "atelier" : content.name().replaceFirst("\\.[^.]+$", "");
        chooser.setInitialFileName(base + "-print-" + printed.image().longSide() + ".png");
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        Path target = file.toPath();
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
            boolean jpeg = chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getExtensions().contains("*.jpg");
            target = target.resolveSibling(file.getName() + (jpeg ? ".jpg" : ".png"));
        }
        lastFolder = target.toAbsolutePath().getParent();
        studio.files().savePrint(printed, target, (float) print.jpegQualityProperty().get());
    }

    @SafeVarargs
    private static <T> ChoiceBox<T> choice(String id, T... values) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.getItems().addAll(values);
        box.setId(id);
        return box;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        return label;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static HBox hbox(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
