package app.atelier;

import javafx.application.Application;
import javafx.stage.Stage;

/** The studio window. PLACEHOLDER until the window is built: an empty stage. */
public class AtelierApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Atelier");
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }
}
