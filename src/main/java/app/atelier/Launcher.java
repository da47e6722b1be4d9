package app.atelier;

import app.atelier.cli.AtelierCommand;
import app.atelier.engine.ComputeThreads;
import app.atelier.engine.TensorMemory;
import app.atelier.model.WeightsSearchPath;
import javafx.application.Application;

/**
 * Entry point of {@code java -jar atelier.jar}: no arguments, or picture files (the desktop's
 * "Open with Atelier"), open the studio window; other arguments run a headless command ({@code atelier render ...}, {@code --help}, {@code --version}).
 *
 * <p>Deliberately not an {@link Application}: a main class that extends it, started from the class
 * path, fails with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

    private Launcher() {
    }

    public static void main(String[] args) {
        prepareProcess();
        if (args.length == 0 || AtelierCommand.areFilesToOpen(args)) {
            Application.launch(AtelierApp.class, args);
            return;
        }
        System.exit(AtelierCommand.execute(args));
    }

    /** What the process needs before any window or command starts; the tooling's own entry points call it too. */
    public static void prepareProcess() {
        // DJL reads this the first time an engine or model zoo is touched, so it must be set before
        // anything else runs; Atelier ships its native library and must never download.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty(DJL_CACHE_DIR) == null && System.getenv(DJL_CACHE_DIR) == null) {
            // Otherwise DJL would make ~/.djl.ai, a folder in the root of the user's home.
            WeightsSearchPath.userDataFolder().ifPresent(models ->
                    System.setProperty(DJL_CACHE_DIR, models.resolveSibling("djl").toString()));
        }
        ComputeThreads.preferSleepingOpenMpThreads();
        TensorMemory.keepFreedTensorsForReuse();
    }
}
