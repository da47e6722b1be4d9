package app.atelier.ui.autosave;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * After a crash, the first window offers the run the autosave kept: Restore brings back its
 * picture, settings, pictures and loss history; Discard removes it. Shown without blocking; FX thread.
 */
public final class RestorePrompt {

    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private RestorePrompt() {
    }

    public static void offer(Window owner, AutosaveStore store, AutosaveState saved, Consumer<AutosaveState> restore) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", RESTORE, DISCARD);
        alert.initOwner(owner);
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setTitle("Restore the last render?");
        alert.setHeaderText("Atelier did not close normally last time");
        String total = saved.totalIterations() > 0 ? " of " + saved.totalIterations() : "";
        alert.setContentText("The render it was making was kept at iteration " + saved.iteration() + total
                + ", with its settings, pictures and loss history. Restore it, or discard it for good?");
        alert.getDialogPane().setId("restore-prompt");
        alert.setOnHidden(event -> {
            if (alert.getResult() == RESTORE) {
                restore.accept(saved);
            } else {
                store.clear();
            }
        });
        alert.show();
    }
}
