package app.atelier.ui.actions;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Closing the window with a render that is still running or was never saved asks first, as image
 * editors do: Save (through File › Save image…, then close), Discard (close) or Cancel (nothing
 * changes, a running job goes on). The question is shown without blocking: the answer arrives in
 * the dialog's own event. FX thread only.
 */
public final class UnsavedRenderPrompt {

    public static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final FileActions files;
    private Supplier<Path> chooseTarget;
    private Alert showing;

    /** @param chooseTarget asks where to save (null when the user cancels) */
    public UnsavedRenderPrompt(FileActions files, Supplier<Path> chooseTarget) {
        this.files = files;
        this.chooseTarget = chooseTarget;
    }

    /** Replaces the Save dialog; tests use it because a native file dialog cannot be driven. */
    public void chooseTargetWith(Supplier<Path> chooser) {
        this.chooseTarget = chooser;
    }

    /** Makes the window's close button ask first; {@code close} closes it for good (and must not fire a close request). */
    public void guard(Stage stage, Runnable close) {
        stage.setOnCloseRequest(event -> {
            event.consume();
            closeOrAsk(stage, close);
        });
    }

    /** Runs {@code close} at once when nothing would be lost, else after the user's Save or Discard. */
    public void closeOrAsk(Window owner, Runnable close) {
        askThen(owner, "closing", close);
    }

    /** File › New: runs {@code fresh} at once when nothing would be lost, else after the user's Save or Discard. */
    public void startAfreshOrAsk(Window owner, Runnable fresh) {
        askThen(owner, "starting afresh", fresh);
    }

    private void askThen(Window owner, String doing, Runnable close) {
        if (!files.hasUnsavedRender()) {
            close.run();
            return;
        }
        if (showing != null) {
            ((Stage) showing.getDialogPane().getScene().getWindow()).toFront();
            return;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, "", SAVE, DISCARD, CANCEL);
        alert.initOwner(owner);
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setTitle("Unsaved render");
        alert.setHeaderText("Save the render before " + doing + "?");
        alert.setContentText("The picture on screen has not been saved"
                + " and is lost if you go on without saving. A running render is stopped.");
        alert.getDialogPane().setId("unsaved-render-prompt");
        alert.setOnHidden(event -> {
            showing = null;
            ButtonType answer = alert.getResult();
            if (answer == DISCARD) {
                close.run();
            } else if (answer == SAVE) {
                saveThenClose(close);
            }
        });
        showing = alert;
        alert.show();
    }

    private void saveThenClose(Runnable close) {
        Path target = chooseTarget.get();
        if (target == null) {
            return;
        }
        // A failed save is reported by FileActions and keeps the window open: nothing is lost.
        files.saveImage(target).thenRun(() -> Platform.runLater(close));
    }
}
