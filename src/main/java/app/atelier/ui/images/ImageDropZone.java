package app.atelier.ui.images;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * Makes a region take pictures: drag-and-drop (files, web addresses, raw image data), paste
 * (Ctrl+V while it has focus) and click-to-open (or Enter). Highlights while something droppable hovers:
 * {@code drop-hover} for pictures, {@code drop-refused} for files that are not pictures.
 * All handlers run on the FX thread.
 */
public final class ImageDropZone {

    public static final String HOVER = "drop-hover";
    public static final String REFUSED = "drop-refused";
    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");

    private final Region region;
    private final Consumer<List<ImageRequest>> target;
    private final boolean multiple;

    private ImageDropZone(Region region, Consumer<List<ImageRequest>> target, boolean multiple) {
        this.region = region;
        this.target = target;
        this.multiple = multiple;
    }

    /**
     * @param target   receives what was dropped, pasted or picked (may be empty: the target then says nothing was usable)
     * @param multiple whether the file dialog lets the user pick several files
     */
    public static ImageDropZone install(Region region, Consumer<List<ImageRequest>> target, boolean multiple) {
        ImageDropZone zone = new ImageDropZone(region, target, multiple);
        region.setFocusTraversable(true);
        region.addEventHandler(DragEvent.DRAG_OVER, zone::dragOver);
        region.addEventHandler(DragEvent.DRAG_EXITED, event -> zone.clearHighlight());
        region.addEventHandler(DragEvent.DRAG_DROPPED, zone.dropHandler());
        region.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (PASTE.match(event)) {
                zone.paste(Clipboard.getSystemClipboard());
                event.consume();
            } else if (event.getTarget() == region && event.getCode() == KeyCode.ENTER) {
                // Enter, not Space: Space starts a run from anywhere in the window.
                zone.openFileDialog();
                event.consume();
            }
        });
        region.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress()) {
                region.requestFocus();
                zone.openFileDialog();
            }
        });
        return zone;
    }

    private void dragOver(DragEvent event) {
        Clipboard board = event.getDragboard();
        if (event.getGestureSource() == region || !ClipboardImages.mayHoldImage(board)) {
            return;
        }
        boolean refused = ClipboardImages.onlyNonImageFiles(board);
        setHighlight(refused ? REFUSED : HOVER);
        // Non-image files are still accepted, so the drop can say why it cannot use them.
        event.acceptTransferModes(TransferMode.COPY);
        event.consume();
    }

    /** The drop handler itself, so tests can check it is the one installed. */
    private EventHandler<DragEvent> dropHandler() {
        return event -> {
            List<ImageRequest> requests = ClipboardImages.requests(event.getDragboard());
            clearHighlight();
            target.accept(requests);
            event.setDropCompleted(!requests.isEmpty());
            event.consume();
        };
    }

    /** Takes whatever picture the clipboard holds. FX thread. */
    public void paste(Clipboard clipboard) {
        target.accept(ClipboardImages.requests(clipboard));
    }

    public void openFileDialog() {
        FileChooser chooser = ImageFileChooser.create(multiple ? "Add style paintings" : "Open content photo");
        if (multiple) {
            List<File> files = chooser.showOpenMultipleDialog(region.getScene().getWindow());
            if (files != null) {
                target.accept(files.stream().<ImageRequest>map(file -> new ImageRequest.FromFile(file.toPath())).toList());
            }
        } else {
            File file = chooser.showOpenDialog(region.getScene().getWindow());
            if (file != null) {
                target.accept(List.of(new ImageRequest.FromFile(file.toPath())));
            }
        }
    }

    private void setHighlight(String styleClass) {
        clearHighlight();
        region.getStyleClass().add(styleClass);
    }

    private void clearHighlight() {
        region.getStyleClass().removeAll(HOVER, REFUSED);
    }
}
