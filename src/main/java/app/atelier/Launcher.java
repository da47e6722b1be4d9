package app.atelier;

import app.atelier.cli.AtelierCommand;
import javafx.application.Application;

/**
 * Entry point of {@code java -jar atelier.jar}: no arguments opens the studio window, any
 * arguments run a headless command ({@code atelier render ...}, {@code --help}, {@code --version}).
 *
 * <p>Deliberately not an {@link Application}: a main class that extends it, started from the class
 * path, fails with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // DJL reads this the first time an engine or model zoo is touched, so it must be set before
        // anything else runs; Atelier ships its native library and must never download.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (args.length == 0) {
            Application.launch(AtelierApp.class, args);
            return;
        }
        System.exit(AtelierCommand.execute(args));
    }
}
