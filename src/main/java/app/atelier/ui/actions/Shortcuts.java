package app.atelier.ui.actions;

import app.atelier.ui.job.RenderViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Space starts a run (and then pauses or resumes it) and Esc stops it. They are a key filter on
 * the scene rather than accelerators, which would fire while the user types a space into a number
 * field: controls that use the key themselves (text fields, buttons, check boxes, drop-downs) keep
 * it, and everything else, scroll panes included (which would scroll a page), leaves it to the studio.
 */
public final class Shortcuts {

    private Shortcuts() {
    }

    /** Installs the handlers; they run on the FX thread. */
    public static void install(Scene scene, RenderViewModel render) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>
                    || focus instanceof ChoiceBox<?>;
            if (event.getCode() == KeyCode.SPACE && !typing && !(focus instanceof ButtonBase) && !event.isShortcutDown()) {
                if (!render.activeProperty().get()) {
                    render.start();
                } else {
                    render.togglePause();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && render.activeProperty().get() && !(focus instanceof ChoiceBox<?>)) {
                render.stop();
                event.consume();
            }
        });
    }
}
