package app.atelier.ui.actions;

import app.atelier.engine.JobState;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.about.AboutDialog;
import app.atelier.ui.result.ResultView;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The menu bar and the toolbar: run (Start, Pause/Resume, Stop), files (save, snapshot, CSV,
 * presets, opening a saved render, starting afresh) and view commands (the history strip among them), with icons and shortcuts. Space and Esc are handled by
 * {@link Shortcuts}, not as accelerators, so they keep working in text fields.
 */
public final class ActionBar extends VBox {

    private final StudioViewModel studio;
    private Path lastFolder;
    private Path snapshotFolder;

    public ActionBar(StudioViewModel studio, ResultView resultView, Runnable openContent, Runnable addStyle,
                     Runnable openModels, Runnable renderForPrint, Runnable quit, Runnable startAfresh) {
        this.studio = studio;
        var render = studio.render();
        BooleanBinding notActive = render.activeProperty().not();
        BooleanBinding cannotPause = Bindings.createBooleanBinding(
                () -> render.stateProperty().get() != JobState.RUNNING && render.stateProperty().get() != JobState.PAUSED,
                render.stateProperty());
        BooleanBinding noPicture = render.frameProperty().isNull();
        BooleanBinding noHistory = Bindings.isEmpty(studio.history().records());
        var pauseText = Bindings.when(render.stateProperty().isEqualTo(JobState.PAUSED)).then("Resume").otherwise("Pause");

        Button start = button("start", "Start", MaterialDesignP.PLAY, "Start a run (Space)", render::start);
        start.disableProperty().bind(render.activeProperty());
        start.getStyleClass().add("accent");
        Button pause = button("pause", "Pause", MaterialDesignP.PAUSE, "Pause or resume the run (Ctrl+P)", render::togglePause);
        pause.textProperty().bind(pauseText);
        pause.disableProperty().bind(cannotPause);
        Button stop = button("stop", "Stop", MaterialDesignS.STOP, "Stop the run, keeping the picture (Esc)", render::stop);
        stop.disableProperty().bind(notActive);
        Button save = button("save", "Save", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Save the picture as PNG with its settings (Ctrl+S)", this::saveImage);
        save.disableProperty().bind(noPicture);
        Button snapshot = button("snapshot", "Snapshot", MaterialDesignC.CAMERA_OUTLINE, "Save this iteration to the snapshots folder (Ctrl+Shift+S)", this::saveSnapshot);
        snapshot.disableProperty().bind(noPicture);
        Button csv = button("export-csv", "CSV", MaterialDesignF.FILE_DELIMITED_OUTLINE, "Export the loss history as CSV", this::exportCsv);
        csv.disableProperty().bind(noHistory);
        Button print = button("render-for-print", "Print…", MaterialDesignP.PRINTER, "Render this picture at a print size, tile by tile (Ctrl+Shift+P)", renderForPrint);
        Button openPreset = button("open-preset", "Open preset", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Load all settings from a preset file", this::openPreset);
        Button savePreset = button("save-preset", "Save preset", MaterialDesignC.CONTENT_SAVE_COG_OUTLINE, "Save all settings as a preset file", this::savePreset);

        ToolBar toolBar = new ToolBar(start, pause, stop, new javafx.scene.control.Separator(),
                save, snapshot, csv, print, new javafx.scene.control.Separator(), openPreset, savePreset);
        toolBar.setId("toolbar");

        Menu file = new Menu("_File", null,
                item("New", MaterialDesignF.FILE_OUTLINE, "Shortcut+N", startAfresh),
                item("Open content photo…", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Shortcut+O", openContent),
                item("Add style painting…", MaterialDesignP.PALETTE_OUTLINE, "Shortcut+Shift+O", addStyle),
                new SeparatorMenuItem(),
                bound(item("Save image…", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Shortcut+S", this::saveImage), noPicture),
                bound(item("Save snapshot", MaterialDesignC.CAMERA_OUTLINE, "Shortcut+Shift+S", this::saveSnapshot), noPicture),
                bound(item("Export loss history (CSV)…", MaterialDesignF.FILE_DELIMITED_OUTLINE, null, this::exportCsv), noHistory),
                item("Render for print…", MaterialDesignP.PRINTER, "Shortcut+Shift+P", renderForPrint),
                new SeparatorMenuItem(),
                item("Open render…", MaterialDesignI.IMAGE_EDIT_OUTLINE, "Shortcut+R", this::openRender),
                item("Open preset…", MaterialDesignF.FOLDER_OPEN_OUTLINE, null, this::openPreset),
                item("Save preset…", MaterialDesignC.CONTENT_SAVE_COG_OUTLINE, null, this::savePreset),
                new SeparatorMenuItem(),
                item("Models…", MaterialDesignB.BRAIN, null, openModels),
                new SeparatorMenuItem(),
                item("Quit", null, "Shortcut+Q", quit));
        Menu edit = new Menu("_Edit", null,
                item("Paste image", null, null, () -> studio.paste(Clipboard.getSystemClipboard())),
                item("Reset settings to defaults", null, null, studio.settings()::reset));
        MenuItem startItem = bound(item("Start (Space)", MaterialDesignP.PLAY, null, render::start), render.activeProperty());
        MenuItem pauseItem = bound(item("Pause / Resume", MaterialDesignP.PAUSE, "Shortcut+P", render::togglePause), cannotPause);
        MenuItem stopItem = bound(item("Stop (Esc)", MaterialDesignS.STOP, null, render::stop), notActive);
        Menu run = new Menu("_Run", null, startItem, pauseItem, stopItem);
        Menu view = new Menu("_View", null,
                item("Fit to window", MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Shortcut+0", resultView::fitToWindow),
                item("Actual size (100 %)", null, "Shortcut+1", resultView::actualSize),
                item("Compare with the photo", MaterialDesignC.COMPARE_HORIZONTAL, "Shortcut+K",
                        () -> resultView.compareProperty().set(!resultView.compareProperty().get())),
                historyItem());
        Menu help = new Menu("_Help", null,
                item("About Atelier", MaterialDesignI.INFORMATION_OUTLINE, null,
                        () -> AboutDialog.show(getScene() == null ? null : getScene().getWindow())));
        MenuBar menuBar = new MenuBar(file, edit, run, view, help);
        menuBar.setId("menu-bar");

        getChildren().addAll(menuBar, toolBar);
    }

    /** View › History: shows or hides the history strip. */
    private MenuItem historyItem() {
        javafx.scene.control.CheckMenuItem history = new javafx.scene.control.CheckMenuItem("History", new FontIcon(MaterialDesignH.HISTORY));
        history.setAccelerator(KeyCombination.keyCombination("Shortcut+H"));
        history.selectedProperty().bindBidirectional(studio.renders().shownProperty());
        return history;
    }

    private static Button button(String id, String text, Ikon icon, String tip, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        // Toolbar buttons must not take focus, or Space would press the last one clicked instead of Start.
        button.setFocusTraversable(false);
        return button;
    }

    private static MenuItem item(String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private static MenuItem bound(MenuItem item, javafx.beans.value.ObservableBooleanValue disabled) {
        item.disableProperty().bind(Bindings.createBooleanBinding(disabled::get, disabled));
        return item;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private FileChooser chooser(String title, String description, String pattern, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        chooser.setInitialFileName(suggestedName);
        return chooser;
    }

    private Path chosen(File file, String extension) {
        if (file == null) {
            return null;
        }
        Path path = file.toPath();
        if (!file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
            path = path.resolveSibling(file.getName() + extension);
        }
        lastFolder = path.toAbsolutePath().getParent();
        return path;
    }

    private String baseName() {
        var content = studio.content().image();
        String name = content == null ? "atelier" : content.name().replaceFirst("\\.[^.]+$", "");
        return name + "-atelier";
    }

    private void saveImage() {
        Path target = chooseImageTarget();
        if (target != null) {
            studio.files().saveImage(target);
        }
    }

    /** Asks where to save the picture (the Save image dialog); null when the user cancels. FX thread. */
    public Path chooseImageTarget() {
        return chosen(chooser("Save image", "PNG image", "*.png", baseName() + ".png").showSaveDialog(window()), ".png");
    }

    private void saveSnapshot() {
        Path folder = snapshotFolder != null ? snapshotFolder
                : lastFolder != null ? lastFolder.resolve("snapshots") : FileActions.defaultSnapshotFolder();
        snapshotFolder = folder;
        studio.files().saveSnapshot(folder);
    }

    private void exportCsv() {
        Path target = chosen(chooser("Export loss history", "CSV file", "*.csv", baseName() + "-loss.csv").showSaveDialog(window()), ".csv");
        if (target != null) {
            studio.files().exportCsv(target);
        }
    }

    private void openPreset() {
        File file = chooser("Open preset", "Atelier preset", "*.json", null).showOpenDialog(window());
        if (file != null) {
            lastFolder = file.toPath().toAbsolutePath().getParent();
            studio.files().openPreset(file.toPath());
        }
    }

    /** A picture saved by Atelier (window or render) or a settings file: its settings and pictures come back. */
    private void openRender() {
        FileChooser chooser = chooser("Open render", "Atelier picture or settings", "*.png", null);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Settings file", "*.json"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            lastFolder = file.toPath().toAbsolutePath().getParent();
            studio.files().openRender(file.toPath());
        }
    }

    private void savePreset() {
        Path target = chosen(chooser("Save preset", "Atelier preset", "*.json", "preset.json").showSaveDialog(window()), ".json");
        if (target != null) {
            studio.files().savePreset(target);
        }
    }
}
