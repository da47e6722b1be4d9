package app.atelier.ui.actions;

import app.atelier.ui.job.RenderViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Space starts a run and Esc stops it. They are plain key handlers on the scene (bubbling, so a
 * focused text field, button or drop-down gets the key first) rather than accelerators, which
 * would fire while the user types a space into a number field.
 */
public final class Shortcuts {

    private Shortcuts() {
    }

    /** Installs the handlers; they run on the FX thread. */
    public static void install(Scene scene, RenderViewModel render) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>;
            if (event.getCode() == KeyCode.SPACE && !typing && !(focus instanceof ButtonBase) && !event.isShortcutDown()) {
                if (!render.activeProperty().get()) {
                    render.start();
                } else {
                    render.togglePause();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && render.activeProperty().get()) {
                render.stop();
                event.consume();
            }
        });
    }
}
