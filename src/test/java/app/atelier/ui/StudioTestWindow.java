package app.atelier.ui;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts a fresh studio into a TestFX stage, as the app does but without remembered state. */
final class StudioTestWindow {

    final StudioViewModel studio = new StudioViewModel();
    final StudioWindow window;

    StudioTestWindow(Stage stage) {
        window = new StudioWindow(studio, () -> { });
        Scene scene = new Scene(window, 1400, 900);
        scene.getStylesheets().add(Objects.requireNonNull(StudioWindow.class.getResource(StudioWindow.STYLESHEET)).toExternalForm());
        app.atelier.ui.actions.Shortcuts.install(scene, studio.render());
        stage.setScene(scene);
        stage.show();
    }
}
